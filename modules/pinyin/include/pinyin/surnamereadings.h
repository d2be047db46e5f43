#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

class HanziReadings;

// How a name's first character (or first two, for a compound surname) reads when it is a
// surname and the surname reading is not the character's usual one: 单 shàn, 曾 zēng, 仇 qiú,
// 长孙 zhǎng sūn (resources/pinyin/surname-readings.tsv, with its sources). Every reading is
// checked on load to be one the character has in the readings table.
class SurnameReadings
{
    Q_DECLARE_TR_FUNCTIONS(SurnameReadings)
public:
    struct Surname
    {
        qsizetype length = 0;  // characters of the name it covers
        QStringList spellings; // one per character, search spelling ("shan")
    };

    static const SurnameReadings &standard();
    static Result<SurnameReadings> load(const QString &path, const HanziReadings &readings);
    static Result<SurnameReadings> parse(const QString &text, const QString &origin, const HanziReadings &readings);

    // The surname reading at the start of a name (its code points), compound surnames first; a
    // compound one only if a given name follows it.
    std::optional<Surname> surnameOf(const QList<uint> &name) const;
    qsizetype size() const { return m_surnames.size(); }

private:
    QHash<QString, QStringList> m_surnames; // surname → search spellings
};
