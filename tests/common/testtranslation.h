#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

// OBSLINK_TEST_QM=file.qm: a GUI test renders its screenshots in that language (and its
// locale's dates and numbers), to look at the screen as its users do. False if the file is set
// but cannot be loaded; true when there is none.
inline bool installTestTranslation(QObject *owner)
{
    const QString qm = qEnvironmentVariable("OBSLINK_TEST_QM");
    if (qm.isEmpty())
        return true;
    auto *translator = new QTranslator(owner);
    if (!translator->load(qm))
        return false;
    QCoreApplication::installTranslator(translator);
    QLocale::setDefault(QLocale(translator->language()));
    return true;
}

// Whether the test runs in a translation, where English message texts cannot be compared.
inline bool isTranslatedTestRun()
{
    return !qEnvironmentVariableIsEmpty("OBSLINK_TEST_QM");
}
