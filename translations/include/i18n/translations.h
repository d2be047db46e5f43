#pragma once

#include <QLocale>
#include <QStringList>

// Installs ObsLink's and Qt's own translations for a locale into the running application,
// replacing any installed before (the workstation switches language at run time).
// Returns false if ObsLink has no translation for that language (English is then shown).
bool installTranslations(const QLocale &locale);

// The languages ObsLink ships, as BCP 47 names ("zh_CN", "en").
QStringList availableLanguages();
