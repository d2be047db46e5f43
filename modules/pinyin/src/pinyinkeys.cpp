#include "pinyin/pinyinkeys.h"

#include "pinyin/hanzireadings.h"
#include "pinyin/surnamereadings.h"
#include "pinyinspelling.h"

PinyinKeys PinyinKeys::ofName(const QString &name)
{
    return ofName(name, HanziReadings::standard(), SurnameReadings::standard());
}

PinyinKeys PinyinKeys::ofName(const QString &name, const HanziReadings &readings, const SurnameReadings &surnames)
{
    PinyinKeys keys;
    const QList<uint> characters = name.trimmed().toUcs4();
    const auto surname = surnames.surnameOf(characters);
    bool inWord = false; // within a word of Latin letters
    for (qsizetype i = 0; i < characters.size(); ++i) {
        const uint character = characters[i];
        if (PinyinSpelling::isHan(character)) {
            const QString syllable
                = surname && i < surname->length ? surname->spellings[i] : readings.usualSpelling(character);
            if (!syllable.isEmpty()) {
                keys.full += syllable;
                keys.initials += syllable.front();
            }
            inWord = false;
            continue;
        }
        const QString letters = PinyinSpelling::plain(QStringView(QChar::fromUcs4(character)).toString());
        const bool letter = letters.size() == 1 && PinyinSpelling::isLetter(letters.front().unicode());
        if (letter) {
            keys.full += letters;
            if (!inWord)
                keys.initials += letters;
        }
        inWord = letter;
    }
    return keys;
}
