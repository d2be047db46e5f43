#pragma once

#include <QList>
#include <QString>

// How pinyin is compared: lower-case ASCII, no tone marks, ü (or "u:") written v, as Chinese
// input methods type it ("lv" for lǚ).
namespace PinyinSpelling {
QString plain(const QString &text);
bool isHan(char32_t character);
bool isLetter(char32_t character); // a-z after plain()
// A typed search text as Han characters and letters a-z, in plain() spelling, without
// separators (spaces, apostrophes, middle dots) and tone digits (1-5 after a letter).
// Empty if the text holds anything else (other digits, punctuation) or no letter at all.
QList<uint> queryElements(const QString &text);
} // namespace PinyinSpelling
