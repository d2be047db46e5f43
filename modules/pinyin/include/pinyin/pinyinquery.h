#pragma once

#include <QString>

class HanziReadings;
class SurnameReadings;

// What a search text means in pinyin, as prefixes of a name's PinyinKeys: "zyj", "zhang yajing",
// "Zhāng Yǎjìng", "zhang1 ya3jing4" (tones as marks or digits, spaces and apostrophes ignored),
// and Chinese mixed with pinyin ("张yj", "张yajing", "zhang雅静"). The Chinese characters of a
// mixed text are also a pattern on the name itself (SQLite GLOB), so "张yj" finds 张雅静 but
// not 章雅静 or 周雨佳. Empty when the text has no Latin letter (Chinese alone is a prefix of
// the name) or holds anything but letters, Chinese characters, tone digits and separators (a
// record number, a phone number).
struct PinyinQuery
{
    QString initials;        // prefix of PinyinKeys::initials
    QString initialsPattern; // GLOB the name must match with it; empty: any name
    QString full;            // prefix of PinyinKeys::full
    QString fullPattern;     // GLOB the name must match with it; empty: any name

    bool isEmpty() const { return initials.isEmpty() && full.isEmpty(); }

    static PinyinQuery parse(const QString &text);
    static PinyinQuery parse(const QString &text, const HanziReadings &readings, const SurnameReadings &surnames);
};
