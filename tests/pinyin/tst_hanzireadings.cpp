// The readings table built into the program: generated from Unihan (the committed file is
// what scripts/generate-hanzi-readings.py makes of the installed unicode-data), covering every
// character of the 通用规范汉字表, and rejected with a clear error when malformed; the surname
// table only holds readings the characters really have.
#include "pinyin/hanzireadings.h"
#include "pinyin/surnamereadings.h"

#include <QFile>
#include <QProcess>
#include <QTest>

class TestHanziReadings : public QObject
{
    Q_OBJECT

private slots:
    void builtInTableReadsUsualReadingFirstThenTheOthers()
    {
        const HanziReadings &table = HanziReadings::standard();
        QVERIFY(table.size() > 40'000);
        QCOMPARE(table.readings(U'张'), QStringList { QStringLiteral("zhāng") });
        QCOMPARE(table.usualSpelling(U'乐'), QStringLiteral("le"));
        QVERIFY(table.spellings(U'乐').contains(QStringLiteral("yue")));
        QCOMPARE(table.usualSpelling(U'吕'), QStringLiteral("lv")); // ü typed as v
        QVERIFY(table.readings(U'A').isEmpty());
    }

    void everyCharacterOfTheGeneralStandardTableHasAReading()
    {
        // kTGH: the 8,105 characters of 通用规范汉字表 (2013), from the same Unihan release.
        QFile sources(QStringLiteral("/usr/share/unicode/Unihan_OtherMappings.txt.bz2"));
        if (!sources.exists())
            QSKIP("unicode-data is not installed (scripts/install-deps.sh)");
        QProcess bzcat;
        bzcat.start(QStringLiteral("bzcat"), { sources.fileName() });
        QVERIFY(bzcat.waitForFinished(60'000));
        int characters = 0;
        QStringList missing;
        for (const QByteArray &line : bzcat.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> fields = line.split('\t');
            if (fields.size() != 3 || fields[1] != "kTGH")
                continue;
            ++characters;
            const char32_t code = fields[0].mid(2).toUInt(nullptr, 16);
            if (HanziReadings::standard().readings(code).isEmpty())
                missing << QString::fromUcs4(&code, 1);
        }
        QCOMPARE(characters, 8105);
        QCOMPARE(missing, QStringList());
    }

    void committedTableIsWhatTheGeneratorMakesOfUnihan()
    {
        const QString source = qEnvironmentVariable("OBSLINK_SOURCE_DIR");
        if (source.isEmpty() || !QFile::exists(QStringLiteral("/usr/share/unicode/Unihan_Readings.txt.bz2")))
            QSKIP("unicode-data is not installed (scripts/install-deps.sh)");
        QProcess generator;
        generator.start(QStringLiteral("python3"), { source + QStringLiteral("/scripts/generate-hanzi-readings.py") });
        if (!generator.waitForStarted())
            QSKIP("python3 is not installed");
        QVERIFY(generator.waitForFinished(120'000));
        QCOMPARE(generator.exitCode(), 0);
        QFile committed(source + QStringLiteral("/resources/pinyin/hanzi-readings.txt"));
        QVERIFY(committed.open(QIODevice::ReadOnly));
        // A different unicode-data: regenerate the table, review the diff, commit it.
        QVERIFY2(generator.readAllStandardOutput() == committed.readAll(),
            "resources/pinyin/hanzi-readings.txt differs from scripts/generate-hanzi-readings.py's output");
    }

    void malformedLineIsRejectedWithItsNumber()
    {
        const auto table = HanziReadings::parse(QStringLiteral("# comment\n张\tzhāng\n雅 yǎ\n"), QStringLiteral("t"));
        QVERIFY(!table);
        QCOMPARE(table.error().code, QStringLiteral("pinyin.table-invalid"));
        QVERIFY(table.error().message.contains(QLatin1String("3")));
        QVERIFY(!HanziReadings::parse(QStringLiteral("张\tzhang2\n"), QStringLiteral("t")));
        QVERIFY(!HanziReadings::parse(QStringLiteral("A\ta\n"), QStringLiteral("t")));
        QCOMPARE(HanziReadings::parse(QStringLiteral("# nothing\n"), QStringLiteral("t")).error().code,
            QStringLiteral("pinyin.table-empty"));
        QCOMPARE(HanziReadings::load(QStringLiteral("/nonexistent/readings.txt")).error().code,
            QStringLiteral("pinyin.table-missing"));
    }

    void surnameTableLoadsWithEverySurnameReadingKnown()
    {
        QVERIFY(SurnameReadings::standard().size() >= 40);
        const auto shan = SurnameReadings::standard().surnameOf(QStringLiteral("单雅静").toUcs4());
        QVERIFY(shan);
        QCOMPARE(shan->spellings, QStringList { QStringLiteral("shan") });
    }

    void surnameReadingTheCharacterDoesNotHaveIsRejected()
    {
        const auto readings = HanziReadings::parse(QStringLiteral("单\tdān chán shàn\n"), QStringLiteral("r"));
        QVERIFY(readings);
        QVERIFY(SurnameReadings::parse(QStringLiteral("单\tshàn\n"), QStringLiteral("s"), *readings));
        const auto typo = SurnameReadings::parse(QStringLiteral("单\tshán\n"), QStringLiteral("s"), *readings);
        QVERIFY(!typo);
        QCOMPARE(typo.error().code, QStringLiteral("pinyin.surname-reading-unknown"));
        QVERIFY(typo.error().message.contains(QStringLiteral("shán")));
        QCOMPARE(SurnameReadings::parse(QStringLiteral("单于\tchán\n"), QStringLiteral("s"), *readings).error().code,
            QStringLiteral("pinyin.surnames-invalid"));
    }
};

QTEST_GUILESS_MAIN(TestHanziReadings)
#include "tst_hanzireadings.moc"
