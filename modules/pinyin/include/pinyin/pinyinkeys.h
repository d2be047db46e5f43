#pragma once

#include <QString>

class HanziReadings;
class SurnameReadings;

// A name's pinyin search keys, in search spelling (lower-case ASCII, no tones, ü as v):
// 张雅静 → initials "zyj", full "zhangyajing"; 单雅静 → "syj", "shanyajing" (surname reading).
// The surname's characters read as a surname, the others with their usual reading. Letters
// in a name (a name written in Latin letters) are kept, one initial per word.
struct PinyinKeys
{
    QString initials;
    QString full;

    static PinyinKeys ofName(const QString &name);
    static PinyinKeys ofName(const QString &name, const HanziReadings &readings, const SurnameReadings &surnames);
};
