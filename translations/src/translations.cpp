#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace {
std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

void replace(std::unique_ptr<QTranslator> &slot, std::unique_ptr<QTranslator> next)
{
    if (slot)
        QCoreApplication::removeTranslator(slot.get());
    slot = std::move(next);
    if (slot)
        QCoreApplication::installTranslator(slot.get());
}
} // namespace

bool installTranslations(const QLocale &locale)
{
    // Dates and numbers follow the chosen language too, not only the texts.
    QLocale::setDefault(locale);
    auto app = std::make_unique<QTranslator>();
    const bool found = app->load(locale, QStringLiteral("obslink"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // English is the second language: a locale without its own translation (C on a server,
    // fr_FR…) reads English with its plural forms ("1 woman"), not the source texts ("woman(en)").
    const bool english = found || app->load(QStringLiteral("obslink_en"), QStringLiteral(":/i18n"));
    replace(appTranslator(), english ? std::move(app) : nullptr);

    auto qt = std::make_unique<QTranslator>();
    const bool qtFound = qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                  QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    replace(qtTranslator(), qtFound ? std::move(qt) : nullptr);
    return found;
}

QStringList availableLanguages()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}
