#include "pinyin/pinyinquery.h"

#include "pinyin/hanzireadings.h"
#include "pinyin/surnamereadings.h"
#include "pinyinspelling.h"

PinyinQuery PinyinQuery::parse(const QString &text)
{
    return parse(text, HanziReadings::standard(), SurnameReadings::standard());
}

PinyinQuery PinyinQuery::parse(const QString &text, const HanziReadings &readings, const SurnameReadings &surnames)
{
    const QList<uint> elements = PinyinSpelling::queryElements(text);
    if (elements.isEmpty())
        return {};
    // Chinese characters the text starts with are the start of the name, read as PinyinKeys
    // reads a name: its surname as a surname.
    qsizetype leadingHan = 0;
    while (leadingHan < elements.size() && PinyinSpelling::isHan(elements[leadingHan]))
        ++leadingHan;
    auto surname = surnames.surnameOf(elements);
    if (surname && surname->length > leadingHan)
        surname.reset();

    PinyinQuery query;
    bool anyHan = false;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const uint element = elements[i];
        const QString character = QStringView(QChar::fromUcs4(element)).toString();
        if (!PinyinSpelling::isHan(element)) {
            query.initials += character;
            query.full += character;
            query.initialsPattern += u'?';
            if (!query.fullPattern.endsWith(u'*'))
                query.fullPattern += u'*';
            continue;
        }
        const QString syllable
            = surname && i < surname->length ? surname->spellings[i] : readings.usualSpelling(element);
        if (syllable.isEmpty())
            return {}; // a character without a reading cannot be matched in pinyin
        anyHan = true;
        query.initials += syllable.front();
        query.full += syllable;
        query.initialsPattern += character;
        query.fullPattern += character;
    }
    if (anyHan) {
        query.initialsPattern += u'*';
        if (!query.fullPattern.endsWith(u'*'))
            query.fullPattern += u'*';
    } else {
        query.initialsPattern.clear();
        query.fullPattern.clear();
    }
    return query;
}
