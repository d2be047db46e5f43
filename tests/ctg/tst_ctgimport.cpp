// Reading traces from CSV and PhysioNet WFDB, the storage format, and the CLI.
#include "ctg/ctgfileformat.h"
#include "ctg/ctgimporter.h"
#include "ctg/ctgsynthesizer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCtgImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return f.fileName();
    }

    // A CTU-UHB-style record: FHR and UC, format 16, gain 100, 4 Hz.
    QString wfdb(const QString &name, int samples, const QByteArray &header = {})
    {
        QByteArray dat;
        for (int i = 0; i < samples; ++i) {
            const qint16 fhr = i >= 8 && i < 12 ? 0 : static_cast<qint16>(14000 + (i % 8) * 25);
            const qint16 uc = static_cast<qint16>(1000 + i);
            dat.append(static_cast<char>(fhr & 0xff)).append(static_cast<char>(fhr >> 8));
            dat.append(static_cast<char>(uc & 0xff)).append(static_cast<char>(uc >> 8));
        }
        file(name + QStringLiteral(".dat"), dat);
        const QByteArray h = header.isEmpty() ? QStringLiteral("%1 2 4 %2\n%1.dat 16 100/bpm 12 0 0 0 0 FHR\n%1.dat 16 100/nd 12 0 0 0 0 UC\n")
                                                   .arg(name)
                                                   .arg(samples)
                                                   .toLatin1()
                                              : header;
        return file(name + QStringLiteral(".hea"), h);
    }

    // The trace as a monitor's CSV at 4 Hz whose clock starts at `firstSecond`, analysed by
    // obslink-cli with the baseline series; empty if the command failed.
    QJsonObject cliAnalysis(const CtgTrace &trace, double firstSecond, const QString &name)
    {
        QByteArray csv("time_s,fhr_bpm,toco\n");
        for (qsizetype i = 0; i < trace.fhrBpm.size(); ++i)
            csv += QByteArray::number(firstSecond + i / 4.0, 'f', 2) + ',' + QByteArray::number(trace.fhrBpm[i], 'f', 2) + ','
                + QByteArray::number(trace.tocoUnits[i], 'f', 1) + '\n';
        QProcess cli;
        cli.start(QStringLiteral(OBSLINK_CLI_BINARY),
                  {QStringLiteral("ctg"), QStringLiteral("analyse"), file(name, csv), QStringLiteral("--baseline-series")});
        if (!cli.waitForFinished(30000) || cli.exitCode() != 0)
            return {};
        return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    }

private slots:
    void csvWithLossAndExtraColumnsIsRead()
    {
        const QString path = file(QStringLiteral("ok.csv"), "time_s,fhr_bpm,toco,mhr_bpm\n0,140,10,80\n0.25,0,12,81\n0.5,,14,82\n0.75,141.5,15,83\n");
        auto trace = CtgImporter::read(path);
        QVERIFY(trace);
        QCOMPARE(trace->sampleRateHz, 4.0);
        QCOMPARE(trace->fhrBpm.size(), 4);
        QVERIFY(CtgTrace::isLost(trace->fhrBpm[1]));
        QVERIFY(CtgTrace::isLost(trace->fhrBpm[2]));
        QCOMPARE(trace->fhrBpm[3], 141.5f);
        QCOMPARE(trace->mhrBpm.size(), 4);
    }

    void spreadsheetCsvIsRead_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("semicolons, Windows line ends") << QByteArray("time_s;fhr_bpm;toco\r\n0;140;10\r\n0.25;141;12\r\n0.5;142;14\r\n");
        QTest::newRow("tabs") << QByteArray("time_s\tfhr_bpm\ttoco\n0\t140\t10\n0.25\t141\t12\n0.5\t142\t14\n");
        QTest::newRow("quoted, byte-order mark") << QByteArray("\xef\xbb\xbf\"time_s\",\"fhr_bpm\",\"toco\"\n\"0\",\"140\",\"10\"\n\"0.25\",\"141\",\"12\"\n\"0.5\",\"142\",\"14\"\n");
    }
    void spreadsheetCsvIsRead()
    {
        QFETCH(QByteArray, content);
        auto trace = CtgImporter::read(file(QStringLiteral("sheet.csv"), content));
        QVERIFY2(trace, trace ? "" : qPrintable(trace.error().message));
        QCOMPARE(trace->sampleRateHz, 4.0);
        QCOMPARE(trace->fhrBpm, (QVector<float>{140, 141, 142}));
        QCOMPARE(trace->tocoUnits, (QVector<float>{10, 12, 14}));
    }

    void rowsLeftOutDuringSignalLossKeepTheClock()
    {
        // 4 Hz with the rows from 0.75 s to 1.5 s missing, as some monitors export a lost signal.
        const QString path = file(QStringLiteral("gap.csv"), "time_s,fhr_bpm,toco,mhr_bpm\n0,140,10,80\n0.25,141,11,80\n0.5,142,12,80\n1.75,143,13,81\n2,144,14,82\n");
        auto trace = CtgImporter::read(path);
        QVERIFY2(trace, trace ? "" : qPrintable(trace.error().message));
        QCOMPARE(trace->sampleRateHz, 4.0);
        QCOMPARE(trace->fhrBpm.size(), 9);
        QCOMPARE(trace->tocoUnits.size(), 9);
        QCOMPARE(trace->mhrBpm.size(), 9);
        for (int i = 3; i <= 6; ++i) {
            QVERIFY(CtgTrace::isLost(trace->fhrBpm[i]));
            QVERIFY(CtgTrace::isLost(trace->tocoUnits[i]));
            QVERIFY(CtgTrace::isLost(trace->mhrBpm[i]));
        }
        QCOMPARE(trace->fhrBpm[2], 142.0f);
        QCOMPARE(trace->fhrBpm[7], 143.0f);
        QCOMPARE(trace->mhrBpm[8], 82.0f);
    }

    void malformedCsvIsRefusedWithTheLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no header") << QByteArray("0,140,10\n0.25,141,10\n") << QStringLiteral("time_s");
        QTest::newRow("text in a number") << QByteArray("time_s,fhr_bpm,toco\n0,140,10\n0.25,abc,10\n") << QStringLiteral("Line 3");
        QTest::newRow("missing column") << QByteArray("time_s,fhr_bpm,toco\n0,140,10\n0.25,141\n") << QStringLiteral("Line 3");
        QTest::newRow("time going back") << QByteArray("time_s,fhr_bpm,toco\n0,140,10\n0.25,141,10\n0.1,141,10\n") << QStringLiteral("Line 4");
        QTest::newRow("uneven sampling") << QByteArray("time_s,fhr_bpm,toco\n0,140,10\n0.25,141,10\n0.5,141,10\n0.9,141,10\n1.15,141,10\n") << QStringLiteral("evenly");
        QTest::newRow("a gap of 72 hours") << QByteArray("time_s,fhr_bpm,toco\n0,140,10\n0.25,141,10\n0.5,141,10\n300000,141,10\n") << QStringLiteral("72 hours");
        QTest::newRow("empty") << QByteArray("time_s,fhr_bpm,toco\n") << QStringLiteral("no samples");
    }
    void malformedCsvIsRefusedWithTheLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        auto trace = CtgImporter::read(file(QStringLiteral("bad.csv"), content));
        QVERIFY(!trace);
        QVERIFY2(trace.error().message.contains(mentions), qPrintable(trace.error().message));
    }

    void wfdbFormat16IsReadWithGainAndLoss()
    {
        auto trace = CtgImporter::read(wfdb(QStringLiteral("1001"), 40), QStringLiteral("wfdb"));
        QVERIFY2(trace, trace ? "" : qPrintable(trace.error().message));
        QCOMPARE(trace->sampleRateHz, 4.0);
        QCOMPARE(trace->fhrBpm.size(), 40);
        QCOMPARE(trace->fhrBpm[1], 140.25f);
        QVERIFY(CtgTrace::isLost(trace->fhrBpm[9]));
        QCOMPARE(trace->tocoUnits[2], 10.02f);
        // The record path without extension works too.
        QVERIFY(CtgImporter::readWfdb(m_dir.filePath(QStringLiteral("1001"))));
    }

    void wfdbMaternalChannelIsReadWhereverItStands()
    {
        // Maternal heart rate first, as some monitors write it: it must not be taken for the FHR.
        QByteArray dat;
        auto append = [&dat](qint16 v) { dat.append(static_cast<char>(v & 0xff)).append(static_cast<char>(v >> 8)); };
        for (int i = 0; i < 8; ++i) {
            append(static_cast<qint16>(8000 + i * 100)); // MHR 80.00 …
            append(static_cast<qint16>(14000));          // FHR 140
            append(static_cast<qint16>(1500));           // UC 15
        }
        file(QStringLiteral("mhr.dat"), dat);
        const QString hea = file(QStringLiteral("mhr.hea"),
            "mhr 3 4 8\nmhr.dat 16 100/bpm 12 0 0 0 0 MHR\nmhr.dat 16 100/bpm 12 0 0 0 0 FHR\nmhr.dat 16 100/nd 12 0 0 0 0 UC\n");
        const auto trace = CtgImporter::readWfdb(hea);
        QVERIFY2(trace, trace ? "" : qPrintable(trace.error().message));
        QCOMPARE(trace->fhrBpm.value(3), 140.0f);
        QCOMPARE(trace->mhrBpm.size(), 8);
        QCOMPARE(trace->mhrBpm.value(3), 83.0f);
        QCOMPARE(trace->tocoUnits.value(3), 15.0f);

        // A record of the maternal heart rate alone is not a fetal trace.
        file(QStringLiteral("only.dat"), QByteArray(16, '\x20'));
        const auto alone = CtgImporter::readWfdb(file(QStringLiteral("only.hea"), "only 1 4 8\nonly.dat 16 100/bpm 12 0 0 0 0 MHR\n"));
        QVERIFY(!alone);
        QVERIFY2(alone.error().message.contains(QLatin1String("fetal")), qPrintable(alone.error().message));
    }

    void brokenWfdbIsRefused()
    {
        const QString truncated = wfdb(QStringLiteral("short"), 40);
        QFile dat(m_dir.filePath(QStringLiteral("short.dat")));
        dat.resize(dat.size() - 3);
        QVERIFY(!CtgImporter::readWfdb(truncated));
        const QString mismatch = wfdb(QStringLiteral("count"), 40, "count 2 4 999\ncount.dat 16 100 12 0 0 0 0 FHR\ncount.dat 16 100 12 0 0 0 0 UC\n");
        QVERIFY(CtgImporter::readWfdb(mismatch).error().message.contains(QLatin1String("999")));
        const QString format212 = wfdb(QStringLiteral("fmt"), 40, "fmt 2 4 40\nfmt.dat 212 100 12 0 0 0 0 FHR\nfmt.dat 212 100 12 0 0 0 0 UC\n");
        QVERIFY(CtgImporter::readWfdb(format212).error().message.contains(QLatin1String("16")));
        QVERIFY(!CtgImporter::readWfdb(m_dir.filePath(QStringLiteral("nothing.hea"))));
    }

    void wfdbHeaderCannotReachFilesElsewhere()
    {
        // A valid signal file one folder up: a header naming it by a path is refused all the same.
        wfdb(QStringLiteral("outside"), 40);
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("inner")));
        for (const char *name : { "../outside.dat", "inner/../../outside.dat", "..\\outside.dat" }) {
            const QByteArray dat(name);
            const QString hea = file(QStringLiteral("inner/reach.hea"),
                "reach 2 4 40\n" + dat + " 16 100 12 0 0 0 0 FHR\n" + dat + " 16 100 12 0 0 0 0 UC\n");
            const auto read = CtgImporter::readWfdb(hea);
            QVERIFY2(!read, name);
            QVERIFY2(read.error().message.contains(QLatin1String("beside")), qPrintable(read.error().message));
        }
    }

    void cliReportsTimesInTheFilesOwnClock()
    {
        // An export that starts an hour into the recording: events and windows in its time_s.
        const CtgTrace trace = CtgSynthesizer(1200, 140, 9).add({300, 40, 25}).build();
        const QJsonObject result = cliAnalysis(trace, 3600, QStringLiteral("later.csv"));
        QCOMPARE(result.value(QStringLiteral("firstSampleSeconds")).toDouble(), 3600.0);
        QCOMPARE(result.value(QStringLiteral("windows")).toArray().first().toObject().value(QStringLiteral("startSeconds")).toDouble(), 3600.0);
        bool found = false;
        for (const QJsonValue &event : result.value(QStringLiteral("events")).toArray()) {
            const QJsonObject e = event.toObject();
            if (e.value(QStringLiteral("type")).toString() != QLatin1String("acceleration"))
                continue;
            found = true;
            QVERIFY2(std::abs(e.value(QStringLiteral("peakSeconds")).toDouble() - (3600 + 320)) < 20,
                     qPrintable(QString::number(e.value(QStringLiteral("peakSeconds")).toDouble())));
        }
        QVERIFY(found);
        QCOMPARE(result.value(QStringLiteral("baselineSeries")).toArray().size(), trace.fhrBpm.size());
    }

    void storedTraceRoundTripsAndDamageIsDetected()
    {
        CtgTrace trace = CtgSynthesizer(600, 140, 3).loss(100, 20).build();
        trace.marks.append({42.5, QStringLiteral("fetal-movement")});
        const QByteArray bytes = CtgFileFormat::encode(trace);
        QVERIFY(bytes.size() < trace.fhrBpm.size() * 2 * 2 + 200); // ~2 bytes per sample and channel
        auto back = CtgFileFormat::decode(bytes);
        QVERIFY(back);
        QCOMPARE(back->fhrBpm.size(), trace.fhrBpm.size());
        QVERIFY(CtgTrace::isLost(back->fhrBpm[100 * 4]));
        QVERIFY(std::abs(back->fhrBpm[10] - trace.fhrBpm[10]) < 0.01f);
        QCOMPARE(back->marks.first().kind, QStringLiteral("fetal-movement"));
        QByteArray damaged = bytes;
        damaged[200] = static_cast<char>(damaged[200] ^ 0x40);
        QCOMPARE(CtgFileFormat::decode(damaged).error().code, QStringLiteral("ctg.damaged"));
        QVERIFY(!CtgFileFormat::decode(bytes.left(20)));
    }

    void cliPrintsAnalysisAndBaselineSeries()
    {
        const CtgTrace trace = CtgSynthesizer(1200, 140, 9).add({300, 40, 25}).build();
        const QJsonObject result = cliAnalysis(trace, 0, QStringLiteral("trace.csv"));
        QCOMPARE(result.value(QStringLiteral("firstSampleSeconds")).toDouble(), 0.0);
        QCOMPARE(result.value(QStringLiteral("baselineSeries")).toArray().size(), trace.fhrBpm.size());
        QCOMPARE(result.value(QStringLiteral("windows")).toArray().size(), 2);
        QCOMPARE(result.value(QStringLiteral("accelerations")).toInt(), 1);
        QVERIFY(result.value(QStringLiteral("figo")).toObject().contains(QStringLiteral("classification")));

        QProcess cli;
        cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("ctg"), QStringLiteral("analyse"),
                                                       file(QStringLiteral("bad.csv"), "nonsense\n")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(!cli.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCtgImport)
#include "tst_ctgimport.moc"
