// Synthetic clinic data is deterministic, valid by the workstation's own rules, and realistic
// enough to exercise every risk rule the demo shows.
#include "demodata/demodatagenerator.h"
#include "domain/nationalid.h"
#include "domain/recordvalidator.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDate Today(2026, 11, 20);

QByteArray contentHash(const QString &path)
{
    auto db = Database::open(path, {QStringLiteral("c"), QStringLiteral("hash")});
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *table : {"patient", "pregnancy", "antenatal_visit", "lab_result"}) {
        QSqlQuery q((*db)->connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QLatin1String(table)));
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(q.value(i).toString().toUtf8() + '|');
    }
    return hash.result();
}

int runCli(const QStringList &arguments)
{
    QProcess cli;
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), QStringList{QStringLiteral("demo-data")} + arguments);
    cli.waitForFinished(60000);
    return cli.exitCode();
}
} // namespace

class TestDemoDataGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedAndDateGiveTheSameDatabase()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.db")), b = dir.filePath(QStringLiteral("b.db")), c = dir.filePath(QStringLiteral("c.db"));
        const QString today = Today.toString(Qt::ISODate);
        QCOMPARE(runCli({QStringLiteral("--db"), a, QStringLiteral("--patients"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--today"), today}), 0);
        QCOMPARE(runCli({QStringLiteral("--db"), b, QStringLiteral("--patients"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--today"), today}), 0);
        QCOMPARE(runCli({QStringLiteral("--db"), c, QStringLiteral("--patients"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("6"), QStringLiteral("--today"), today}), 0);
        QCOMPARE(contentHash(a), contentHash(b));
        QVERIFY(contentHash(a) != contentHash(c));
    }

    void cliRefusesAnExistingFileAndBadArguments()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("x.db"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        QCOMPARE(runCli({QStringLiteral("--db"), existing}), 1);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
        QCOMPARE(runCli({QStringLiteral("--patients"), QStringLiteral("10")}), 2);
        QCOMPARE(runCli({QStringLiteral("--db"), dir.filePath(QStringLiteral("y.db")), QStringLiteral("--patients"), QStringLiteral("many")}), 2);
        QCOMPARE(runCli({QStringLiteral("--db"), dir.filePath(QStringLiteral("y.db")), QStringLiteral("--today"), QStringLiteral("2026-02-30")}), 2);
    }

    void everyGeneratedRecordPassesTheWorkstationsOwnChecks()
    {
        DemoDataGenerator generator(11, Today, QStringLiteral("c1"));
        int over35 = 0, twins = 0, anaemic = 0, scarred = 0, hepatitisB = 0;
        const int women = 2000;
        for (int i = 0; i < women; ++i) {
            const PatientChart chart = generator.nextChart();
            QVERIFY2(NationalId::parse(chart.patient.nationalId), qPrintable(chart.patient.nationalId));
            QCOMPARE(NationalId::parse(chart.patient.nationalId)->birthDate, chart.patient.birthDate);
            QVERIFY(RecordValidator::validatePatient(chart.patient, Today).isEmpty());
            QVERIFY(RecordValidator::validatePregnancy(*chart.pregnancy, Today).isEmpty());
            for (const AntenatalVisit &v : chart.visits) {
                const auto errors = RecordValidator::validateVisit(v, *chart.pregnancy, Today);
                QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
            }
            over35 += chart.patient.ageInYearsOn(Today) >= 35 ? 1 : 0;
            twins += chart.pregnancy->fetuses == 2 ? 1 : 0;
            scarred += chart.pregnancy->uterineSurgeries > 0 ? 1 : 0;
            for (const LabResult &lab : chart.labs) {
                anaemic += lab.test == LabTest::Haemoglobin && lab.value && *lab.value <= 110 ? 1 : 0;
                hepatitisB += lab.test == LabTest::HBsAg && lab.serology == Serology::Positive ? 1 : 0;
            }
        }
        // Shares close to a Chinese clinic's: advanced age ~15 %, twins ~1.5 %, anaemia ~15 %,
        // scarred uterus ~10 %, HBsAg ~6 %.
        QVERIFY(over35 > women * 0.08 && over35 < women * 0.25);
        QVERIFY(twins > women * 0.005 && twins < women * 0.03);
        QVERIFY(anaemic > women * 0.08 && anaemic < women * 0.25);
        QVERIFY(scarred > women * 0.04 && scarred < women * 0.2);
        QVERIFY(hepatitisB > women * 0.03 && hepatitisB < women * 0.1);
    }
};

QTEST_GUILESS_MAIN(TestDemoDataGenerator)
#include "tst_demodatagenerator.moc"
