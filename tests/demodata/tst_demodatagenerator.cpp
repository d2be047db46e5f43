// Synthetic clinic data is deterministic (same seed and date, same database), valid by the
// workstation's own checks, and realistic enough to exercise every risk rule the demo shows;
// 'obslink-cli demo-data' writes it end to end.
#include "demodata/democtgtraces.h"
#include "demodata/demodatagenerator.h"
#include "domain/nationalid.h"
#include "domain/recordvalidator.h"
#include "domain/visitschedule.h"
#include "sqlscalar.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDate Today(2026, 11, 20);

// Every row of every table, in insertion order; not the schema ledger, which says when each
// schema version was applied to this file.
QByteArray contentHash(const QString &path)
{
    auto db = Database::open(path, { QStringLiteral("c"), QStringLiteral("hash") });
    if (!db)
        qFatal("cannot open %s", qPrintable(path));
    QSqlQuery tables((*db)->connection());
    tables.exec(QStringLiteral(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'schema_migration' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : names) {
        hash.addData(table.toUtf8());
        QSqlQuery rows((*db)->connection());
        if (!rows.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table)))
            qFatal("cannot read %s", qPrintable(table));
        while (rows.next())
            for (int i = 0; i < rows.record().count(); ++i)
                hash.addData(rows.value(i).toString().toUtf8() + (rows.value(i).isNull() ? "\x01" : "|"));
    }
    return hash.result();
}

QString generate(const QTemporaryDir &dir, const QString &name, quint32 seed, const QDate &today, int women)
{
    const QString path = dir.filePath(name);
    auto db = Database::open(path, { QStringLiteral("demo-clinic"), QStringLiteral("demo") });
    if (!db)
        qFatal("cannot create %s", qPrintable(path));
    DemoDataGenerator generator(seed, today, QStringLiteral("demo-clinic"));
    QList<PatientChart> charts;
    for (int i = 0; i < women; ++i)
        charts.append(generator.nextChart());
    if (!ClinicRecords(**db).importCharts(charts))
        qFatal("import failed");
    return path;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess cli;
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), QStringList { QStringLiteral("demo-data") } + arguments);
    if (!cli.waitForFinished(120000))
        qFatal("obslink-cli did not finish");
    return { cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1, cli.readAllStandardOutput(),
        cli.readAllStandardError() };
}

QList<PatientChart> charts(quint32 seed, int count)
{
    DemoDataGenerator generator(seed, Today, QStringLiteral("c1"));
    QList<PatientChart> all;
    for (int i = 0; i < count; ++i)
        all.append(generator.nextChart());
    return all;
}
} // namespace

class TestDemoDataGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedAndDateGiveTheSameDatabase()
    {
        QTemporaryDir dir;
        const QByteArray first = contentHash(generate(dir, QStringLiteral("a.db"), 5, Today, 400));
        const QByteArray second = contentHash(generate(dir, QStringLiteral("b.db"), 5, Today, 400));
        QCOMPARE(first, second);
    }

    void anotherSeedOrDateGivesOtherData()
    {
        QTemporaryDir dir;
        const QByteArray reference = contentHash(generate(dir, QStringLiteral("a.db"), 5, Today, 200));
        QVERIFY(contentHash(generate(dir, QStringLiteral("seed.db"), 6, Today, 200)) != reference);
        QVERIFY(contentHash(generate(dir, QStringLiteral("date.db"), 5, Today.addDays(1), 200)) != reference);
    }

    void everyIdIsUniqueAndAscendsInWritingOrder()
    {
        QSet<QUuid> seen;
        QUuid previous;
        for (const PatientChart &chart : charts(3, 500)) {
            QList<QUuid> ids { chart.patient.meta.id, chart.pregnancy->meta.id };
            for (const AntenatalVisit &visit : chart.visits)
                ids << visit.meta.id;
            for (const LabResult &lab : chart.labs)
                ids << lab.meta.id;
            for (const QUuid &id : ids) {
                QVERIFY(!id.isNull());
                QVERIFY(!seen.contains(id));
                seen.insert(id);
                QVERIFY(previous.isNull() || previous.toString() < id.toString()); // appends to the key index
                previous = id;
                QCOMPARE(id.variant(), QUuid::DCE);
            }
        }
    }

    void everyGeneratedRecordPassesTheWorkstationsOwnChecks()
    {
        const QDateTime endOfToday(Today.addDays(1), QTime(0, 0), Qt::UTC);
        for (const PatientChart &chart : charts(11, 2000)) {
            const auto id = NationalId::parse(chart.patient.nationalId);
            QVERIFY2(id, qPrintable(chart.patient.nationalId));
            QCOMPARE(id->birthDate, chart.patient.birthDate);
            QVERIFY(id->female);
            const auto patientErrors = RecordValidator::validatePatient(chart.patient, Today);
            QVERIFY2(patientErrors.isEmpty(), qPrintable(patientErrors.value(0).message));
            QVERIFY(chart.pregnancy);
            const Pregnancy &pregnancy = *chart.pregnancy;
            const auto pregnancyErrors = RecordValidator::validatePregnancy(pregnancy, Today);
            QVERIFY2(pregnancyErrors.isEmpty(), qPrintable(pregnancyErrors.value(0).message));
            QVERIFY(pregnancy.bookingDate >= pregnancy.lmp && pregnancy.bookingDate <= Today);
            QDate previousVisit;
            for (const AntenatalVisit &visit : chart.visits) {
                const auto errors = RecordValidator::validateVisit(visit, pregnancy, Today);
                QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
                QVERIFY(visit.visitDate >= pregnancy.bookingDate);
                QVERIFY(!previousVisit.isValid() || visit.visitDate > previousVisit);
                previousVisit = visit.visitDate;
                QCOMPARE(visit.gestationalAge, *pregnancy.gestationalAgeOn(visit.visitDate));
                // Each visit makes the appointment the schedule calls for, until 41+6.
                const QDate scheduled = VisitSchedule::nextDue(pregnancy.edd(), visit.visitDate, visit.visitDate);
                QCOMPARE(visit.nextAppointmentOn, scheduled > visit.visitDate ? scheduled : QDate());
                QCOMPARE(visit.nextAppointmentPurpose.isEmpty(), !visit.nextAppointmentOn.isValid());
            }
            for (const LabResult &lab : chart.labs) {
                QVERIFY(lab.takenOn.isValid() && lab.takenOn <= Today);
                QCOMPARE(lab.value.has_value(), !isQualitative(lab.test));
            }
            for (const RecordMeta &meta : { chart.patient.meta, chart.pregnancy->meta }) {
                QCOMPARE(meta.clinicId, QStringLiteral("c1"));
                QVERIFY(meta.createdAt < endOfToday);
                QVERIFY(meta.updatedAt >= meta.createdAt && meta.updatedAt < endOfToday);
            }
        }
    }

    void appointmentPurposesFollowTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const QList<PatientChart> chinese = charts(11, 50);
        QLocale::setDefault(QLocale::c());
        const QList<PatientChart> english = charts(11, 50);
        int withAppointment = 0;
        for (qsizetype i = 0; i < chinese.size(); ++i)
            for (qsizetype v = 0; v < chinese[i].visits.size(); ++v) {
                const QString zh = chinese[i].visits[v].nextAppointmentPurpose;
                if (zh.isEmpty())
                    continue;
                ++withAppointment;
                QVERIFY2(zh.contains(QStringLiteral("产前检查")) || zh.contains(QStringLiteral("41周")), qPrintable(zh));
                QVERIFY2(!english[i].visits[v].nextAppointmentPurpose.contains(QStringLiteral("产前")),
                         qPrintable(english[i].visits[v].nextAppointmentPurpose));
                QCOMPARE(english[i].visits[v].nextAppointmentOn, chinese[i].visits[v].nextAppointmentOn);
            }
        QVERIFY(withAppointment > 50);
    }

    void sharesAreThoseOfAChineseClinic()
    {
        const int women = 4000;
        int over35 = 0, twins = 0, anaemic = 0, hypertensive = 0, scarred = 0, hepatitisB = 0, visits = 0;
        int trimester[4] = { 0, 0, 0, 0 };
        for (const PatientChart &chart : charts(17, women)) {
            over35 += chart.patient.ageInYearsOn(Today) >= 35 ? 1 : 0;
            twins += chart.pregnancy->fetuses >= 2 ? 1 : 0;
            scarred += chart.pregnancy->uterineSurgeries > 0 ? 1 : 0;
            ++trimester[chart.pregnancy->gestationalAgeOn(Today)->trimester()];
            visits += static_cast<int>(chart.visits.size());
            bool raised = false;
            for (const AntenatalVisit &visit : chart.visits)
                raised = raised || (visit.systolicMmHg >= 140 || visit.diastolicMmHg >= 90);
            hypertensive += raised ? 1 : 0;
            for (const LabResult &lab : chart.labs) {
                // WHO: anaemia in pregnancy below 110 g/L.
                anaemic += lab.test == LabTest::Haemoglobin && lab.value && *lab.value < 110 ? 1 : 0;
                hepatitisB += lab.test == LabTest::HBsAg && lab.serology == Serology::Positive ? 1 : 0;
            }
        }
        // Advanced maternal age ~15 %, multiple pregnancy ~1.5 %, anaemia ~15 %, hypertension
        // in pregnancy ~5–10 %, scarred uterus ~10 %, HBsAg carriers ~6 %.
        QVERIFY2(over35 > women * 0.08 && over35 < women * 0.25, qPrintable(QString::number(over35)));
        QVERIFY2(twins > women * 0.005 && twins < women * 0.03, qPrintable(QString::number(twins)));
        QVERIFY2(anaemic > women * 0.08 && anaemic < women * 0.25, qPrintable(QString::number(anaemic)));
        QVERIFY2(hypertensive > women * 0.02 && hypertensive < women * 0.15,
            qPrintable(QString::number(hypertensive)));
        QVERIFY2(scarred > women * 0.04 && scarred < women * 0.2, qPrintable(QString::number(scarred)));
        QVERIFY2(
            hepatitisB > women * 0.03 && hepatitisB < women * 0.1, qPrintable(QString::number(hepatitisB)));
        for (int t = 1; t <= 3; ++t) // women at every stage
            QVERIFY2(trimester[t] > women * 0.15, qPrintable(QString::number(trimester[t])));
        QVERIFY(visits > women * 3 && visits < women * 8);
    }

    void nonStressTestsForWomenAt32To41Weeks()
    {
        QTemporaryDir dir;
        QStringList tracesWritten;
        for (const QString &name : { QStringLiteral("ctg-a.db"), QStringLiteral("ctg-b.db") }) {
            auto db = Database::open(generate(dir, name, 5, Today, 600), { QStringLiteral("demo-clinic"), QStringLiteral("demo") });
            QVERIFY(db);
            const auto added = DemoCtgTraces(**db, 5, Today).add(16);
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            QCOMPARE(*added, 16);
            const QSqlDatabase c = (*db)->connection();
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace")), 16);
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(DISTINCT pregnancy_id) FROM ctg_trace")), 16);
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace WHERE ga_days BETWEEN 224 AND 293")), 16);
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace WHERE recorded_at >= '2026-11-06' AND recorded_at < '2026-11-21'")), 16);
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace_data")), 16);
            // Most are normal; one in eight pathological (the banner alert), one in eight tachycardic.
            QVERIFY(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace WHERE figo_class = 'normal'")) >= 10);
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace WHERE figo_class = 'pathological'")), 2);
            QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM ctg_trace WHERE baseline_bpm > 160")), 2);
            QSqlQuery rows(c);
            QVERIFY(rows.exec(QStringLiteral("SELECT id, pregnancy_id, recorded_at, figo_class, data_sha256 FROM ctg_trace ORDER BY id")));
            QString written;
            while (rows.next())
                for (int i = 0; i < 5; ++i)
                    written += rows.value(i).toString() + QLatin1Char('|');
            tracesWritten.append(written);
        }
        QCOMPARE(tracesWritten[0], tracesWritten[1]); // the same seed and date, the same traces
    }

    void theHighestGradedWomenAreReferredToTheCenter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("referrals.db"));
        const CliRun run = runCli({ QStringLiteral("--db"), path, QStringLiteral("--patients"), QStringLiteral("300"),
            QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--today"), Today.toString(Qt::ISODate),
            QStringLiteral("--grade"), QStringLiteral("--referrals"), QStringLiteral("4"), QStringLiteral("--clinic"),
            QStringLiteral("clinic-a") });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("referrals")).toInt(), 4);
        auto db = Database::open(path, { QStringLiteral("clinic-a"), QStringLiteral("demo") });
        QVERIFY(db);
        const QSqlDatabase c = (*db)->connection();
        QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM referral WHERE target_clinic = 'center'")), 4);
        QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM referral_step WHERE action = 'send'")), 3); // one is a draft
        QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM referral WHERE urgency = 'emergency'")), 1);
        // Each is for an orange or red pregnancy, with her grade and summary as the form would give them.
        QCOMPARE(sqlNumber(c, QStringLiteral("SELECT count(*) FROM referral r JOIN pregnancy n ON n.id = r.pregnancy_id "
                                             "WHERE n.risk_level IN ('orange', 'red') AND r.risk_colour = n.risk_level AND r.summary <> ''")),
            4);
    }

    void cliWritesTheSameDatabaseForTheSameSeed()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.db")), b = dir.filePath(QStringLiteral("b.db")),
                      c = dir.filePath(QStringLiteral("c.db"));
        const QString today = Today.toString(Qt::ISODate);
        const CliRun first
            = runCli({ QStringLiteral("--db"), a, QStringLiteral("--patients"), QStringLiteral("300"),
                QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--today"), today });
        QCOMPARE(first.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(summary.value(QStringLiteral("patients")).toInt(), 300);
        QVERIFY(summary.value(QStringLiteral("visits")).toInt() > 300);
        QCOMPARE(summary.value(QStringLiteral("today")).toString(), today);
        QCOMPARE(runCli({ QStringLiteral("--db"), b, QStringLiteral("--patients"), QStringLiteral("300"),
                            QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--today"), today })
                     .exitCode,
            0);
        QCOMPARE(runCli({ QStringLiteral("--db"), c, QStringLiteral("--patients"), QStringLiteral("300"),
                            QStringLiteral("--seed"), QStringLiteral("6"), QStringLiteral("--today"), today })
                     .exitCode,
            0);
        QCOMPARE(contentHash(a), contentHash(b));
        QVERIFY(contentHash(a) != contentHash(c));
        // The CLI writes what the library generates.
        QCOMPARE(contentHash(a), contentHash(generate(dir, QStringLiteral("lib.db"), 5, Today, 300)));
    }

    void cliRefusesAnExistingFile()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("x.db"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        const CliRun run
            = runCli({ QStringLiteral("--db"), existing, QStringLiteral("--patients"), QStringLiteral("5") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
    }

    void cliBadArgumentsExitWithUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString db = QStringLiteral("--db");
        QTest::newRow("no --db") << QStringList { QStringLiteral("--patients"), QStringLiteral("10") };
        QTest::newRow("patients not a number") << QStringList { db, QStringLiteral("y.db"),
            QStringLiteral("--patients"), QStringLiteral("many") };
        QTest::newRow("negative patients")
            << QStringList { db, QStringLiteral("y.db"), QStringLiteral("--patients"), QStringLiteral("-1") };
        QTest::newRow("seed not a number")
            << QStringList { db, QStringLiteral("y.db"), QStringLiteral("--seed"), QStringLiteral("abc") };
        QTest::newRow("no such day") << QStringList { db, QStringLiteral("y.db"), QStringLiteral("--today"),
            QStringLiteral("2026-02-30") };
        QTest::newRow("traces not a number")
            << QStringList { db, QStringLiteral("y.db"), QStringLiteral("--ctg-traces"), QStringLiteral("some") };
        QTest::newRow("referrals not a number")
            << QStringList { db, QStringLiteral("y.db"), QStringLiteral("--referrals"), QStringLiteral("all") };
        QTest::newRow("unknown option")
            << QStringList { db, QStringLiteral("y.db"), QStringLiteral("--colour") };
    }
    void cliBadArgumentsExitWithUsage()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        for (QString &argument : arguments)
            if (argument == QLatin1String("y.db"))
                argument = dir.filePath(argument);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("y.db")))); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestDemoDataGenerator)
#include "tst_demodatagenerator.moc"
