#include "pinyinspelling.h"

#include <QChar>

namespace PinyinSpelling {

QString plain(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        const QChar c = decomposed[i];
        const bool umlaut = i + 1 < decomposed.size() && decomposed[i + 1] == QChar(0x0308);
        if ((c == u'u' || c == u'U') && (umlaut || (i + 1 < decomposed.size() && decomposed[i + 1] == u':'))) {
            out.append(u'v');
            ++i;
            continue;
        }
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(c.toLower());
    }
    return out;
}

bool isHan(char32_t character)
{
    return QChar::script(character) == QChar::Script_Han;
}

bool isLetter(char32_t character)
{
    return character >= U'a' && character <= U'z';
}

QList<uint> queryElements(const QString &text)
{
    QList<uint> elements;
    bool anyLetter = false;
    uint previous = 0;
    for (const uint character : plain(text).toUcs4()) {
        const uint before = previous;
        previous = character;
        if (isHan(character)) {
            elements.append(character);
        } else if (isLetter(character)) {
            elements.append(character);
            anyLetter = true;
        } else if (character >= U'1' && character <= U'5' && isLetter(before)) {
            continue; // a tone: "zhang1"
        } else if (character == U' ' || character == U'\'' || character == U'\u2019' || character == U'\u00B7'
            || character == U'\u30FB') {
            continue;
        } else {
            return {};
        }
    }
    return anyLetter ? elements : QList<uint>();
}

} // namespace PinyinSpelling
