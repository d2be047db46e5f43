#pragma once

#include "domain/gestationalage.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

// The plain-language texts of the handouts (resources/handouts/handouts.json): what each
// five-color grade means for her (2017 national rules) and what each check of the visit
// schedule is for (孕前和孕期保健指南 2018), in Chinese and English. Validated on load.
class HandoutTexts
{
    Q_DECLARE_TR_FUNCTIONS(HandoutTexts)
public:
    static Result<HandoutTexts> load(const QString &path = QStringLiteral(":/handouts/handouts.json"));
    static Result<HandoutTexts> fromJson(const QByteArray &json);

    QString version() const { return m_version; }
    // A grade id ("green" … "red", "purple"; empty or unknown: not assessed) in the locale's
    // language (Chinese for any Chinese locale, English otherwise).
    QString levelLabel(const QString &level, const QLocale &locale = QLocale()) const;
    QString levelMeaning(const QString &level, const QLocale &locale = QLocale()) const;
    // What a check at this gestational age is for; empty past the last window.
    QString purposeAt(const GestationalAge &age, const QLocale &locale = QLocale()) const;
    QString warningSigns(const QLocale &locale = QLocale()) const;

private:
    struct Bilingual
    {
        QString zh;
        QString en;
        QString in(const QLocale &locale) const;
    };
    struct Window
    {
        int fromWeeks = 0;
        int toWeeks = 0; // inclusive: to toWeeks+6
        Bilingual purpose;
    };

    QString m_version;
    QHash<QString, Bilingual> m_labels;
    QHash<QString, Bilingual> m_meanings;
    QList<Window> m_windows;
    Bilingual m_warningSigns;
};
