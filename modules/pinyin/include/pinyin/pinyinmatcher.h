#pragma once

#include <QString>

class HanziReadings;

// Whether a short text (an item of the assessment form, a user's or a clinic's name) contains
// what was typed: the typed text itself (case aside), or, from any character on, the typed
// text in pinyin, each Chinese character matched by itself, by one of its readings or by the
// start of one ("xjb", "xinjibing", "心jb", "xin肌病" all find 心肌病; "shan" finds 单 in any
// of its readings). For lists that are filtered in memory; the patient list uses PinyinKeys
// and PinyinQuery on indexes instead.
class PinyinMatcher
{
public:
    static bool matches(const QString &text, const QString &typed);
    static bool matches(const QString &text, const QString &typed, const HanziReadings &readings);
};
