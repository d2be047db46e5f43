// Both shipped languages are complete, and a workstation whose system language ObsLink does not
// ship (C on a server, French…) reads English with its plural forms, never the source texts.
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void chineseIsInstalledForAChineseSystem();
    void unshippedLanguageReadsEnglishWithPluralForms();
    void everyMessageIsTranslatedWithItsPluralForms_data();
    void everyMessageIsTranslatedWithItsPluralForms();
};

namespace {
QString womenOnRecord(int count)
{
    return QCoreApplication::translate("MainWindow", "%Ln woman(en) on record", nullptr, count);
}
} // namespace

void TestTranslations::cleanup()
{
    installTranslations(QLocale::c());
}

void TestTranslations::chineseIsInstalledForAChineseSystem()
{
    QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
    QCOMPARE(womenOnRecord(2), QStringLiteral("共 2 名孕产妇"));
}

void TestTranslations::unshippedLanguageReadsEnglishWithPluralForms()
{
    for (const QLocale &locale : {QLocale::c(), QLocale(QLocale::French, QLocale::France)}) {
        QVERIFY(!installTranslations(locale)); // not shipped, so English
        QCOMPARE(womenOnRecord(1), QStringLiteral("1 woman on record"));
        QCOMPARE(womenOnRecord(2), QStringLiteral("2 women on record"));
    }
}

void TestTranslations::everyMessageIsTranslatedWithItsPluralForms_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("zh_CN") << QStringLiteral("obslink_zh_CN.ts") << 1;
    QTest::newRow("en") << QStringLiteral("obslink_en.ts") << 2;
}

void TestTranslations::everyMessageIsTranslatedWithItsPluralForms()
{
    QFETCH(QString, file);
    QFETCH(int, pluralForms);
    QFile ts(QDir(QStringLiteral(OBSLINK_TS_DIR)).filePath(file));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QString source;
    int forms = 0;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            ++messages;
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            forms = 0;
        } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            QVERIFY2(xml.attributes().value(QLatin1String("type")).isEmpty(), qPrintable(file + QLatin1String(": ") + source));
            if (!numerus)
                QVERIFY2(!xml.readElementText().isEmpty(), qPrintable(file + QLatin1String(": ") + source));
        } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
            QVERIFY2(!xml.readElementText().isEmpty(), qPrintable(file + QLatin1String(": ") + source));
            ++forms;
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && numerus) {
            QVERIFY2(forms == pluralForms, qPrintable(file + QLatin1String(": ") + source));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 1000);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
