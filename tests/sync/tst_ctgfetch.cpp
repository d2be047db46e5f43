// A fetal heart trace sent by a clinic read at the regional center (胎心判读), through the real
// obslink-center over HTTPS: the clinic's workstation syncs the trace, the center's workstation's
// background sync brings the row and then its samples (an attachment by SHA-256), and the CTG
// module there reads the same samples; a reader's request for one trace's samples is answered
// at once, and with the center unreachable it fails with a reason and stores nothing.
#include "ctg-records/ctgrecords.h"
#include "backgroundsyncwait.h"
#include "memorytokenstore.h"
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "sync/backgroundsync.h"
#include "testcenter.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

namespace {
// Twenty minutes at 4 Hz with a wandering baseline: bytes that do not compress away.
CtgTrace syntheticTrace()
{
    CtgTrace trace;
    QRandomGenerator random(1207);
    float baseline = 135;
    for (int i = 0; i < 20 * 60 * 4; ++i) {
        baseline = std::clamp(baseline + float(random.generateDouble() * 2 - 1) * 0.3f, 120.0f, 160.0f);
        trace.fhrBpm.append(baseline + float(random.generateDouble() * 10 - 5));
        trace.tocoUnits.append(float(random.generateDouble() * 40));
    }
    return trace;
}

qint64 scalar(const QString &path, const QString &sql)
{
    auto db = Database::open(path, { QStringLiteral("center"), QStringLiteral("us-chen") });
    if (!db)
        return -1;
    return sqlNumber((*db)->connection(), sql);
}

bool run(const QString &path, const QString &sql)
{
    auto db = Database::open(path, { QStringLiteral("center"), QStringLiteral("us-chen") });
    QSqlQuery query(db ? (*db)->connection() : QSqlDatabase());
    return db && query.exec(sql);
}
} // namespace

class TestCtgFetch : public QObject
{
    Q_OBJECT
private:
    TestCenter m_center;
    QString m_clinicCache;
    QString m_centerCache;
    CtgTraceRecord m_trace;

    CenterSettings settingsFor(const QString &user) const
    {
        CenterSettings settings;
        settings.url = m_center.url();
        settings.caFile = m_center.caFile();
        settings.username = user;
        settings.passwordFile = m_center.passwordFile(); // a managed install: no dialog
        return settings;
    }

    std::unique_ptr<BackgroundSync> centerWorkstation() const
    {
        return std::make_unique<BackgroundSync>(m_centerCache,
            Database::Identity { QStringLiteral("center"), QStringLiteral("us-chen") },
            std::make_shared<MemoryTokenStore>());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        m_clinicCache = m_center.path(QStringLiteral("clinic-a.db"));
        m_centerCache = m_center.path(QStringLiteral("center-workstation.db")); // not the center's own center.db
        auto clinic
            = Database::open(m_clinicCache, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        QVERIFY(clinic);
        Patient patient;
        patient.name = QStringLiteral("林晓");
        patient.birthDate = QDate(1990, 6, 1);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-260);
        QVERIFY(ClinicRecords(**clinic).registerPregnancy(patient, pregnancy));
        m_trace.pregnancyId = pregnancy.meta.id;
        m_trace.recordedAt = QDateTime::currentDateTimeUtc().addSecs(-1800);
        m_trace.durationSeconds = 1200;
        m_trace.source = QStringLiteral("nst-clinic-a.csv");
        QVERIFY(CtgRecords(**clinic).addTrace(m_trace, syntheticTrace()));
    }

    void aTraceSentByAClinicArrivesWithItsSamplesAtTheRegionalCenter()
    {
        {
            BackgroundSync clinic(m_clinicCache, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") },
                std::make_shared<MemoryTokenStore>());
            clinic.configure(settingsFor(QStringLiteral("dr-wang")));
            QVERIFY(waitForState(clinic, SyncStatus::State::UpToDate));
            QCOMPARE(clinic.status().pending, 0);
        }
        Q_UNUSED(Database::open(m_centerCache, { QStringLiteral("center"), QStringLiteral("us-chen") }));
        auto reader = centerWorkstation();
        QSignalSpy fetched(reader.get(), &BackgroundSync::attachmentFetched);
        reader->configure(settingsFor(QStringLiteral("us-chen")));
        QVERIFY(waitForState(*reader, SyncStatus::State::UpToDate));
        QCOMPARE(fetched.count(), 1); // in the same round as the row, without anyone asking
        QCOMPARE(fetched.at(0).at(0).toString(), m_trace.dataSha256);

        auto db = Database::open(m_centerCache, { QStringLiteral("center"), QStringLiteral("us-chen") });
        QVERIFY(db);
        CtgRecords records(**db);
        const auto row = records.trace(m_trace.meta.id);
        QVERIFY(row && *row);
        const auto samples = records.loadTrace(**row);
        QVERIFY2(samples, qPrintable(samples ? QString() : samples.error().message));
        const CtgTrace sent = syntheticTrace();
        QCOMPARE(samples->sampleCount(), sent.sampleCount());
        for (qsizetype i = 0; i < sent.sampleCount(); i += 97) // stored in centi-units
            QVERIFY(std::abs(samples->fhrBpm[i] - sent.fhrBpm[i]) <= 0.005f);
        QCOMPARE(scalar(m_centerCache, QStringLiteral("SELECT count(*) FROM blob_download_chunk")), 0);
    }

    void aReaderAskingForOneTraceGetsItsSamplesAtOnce()
    {
        // As on a workstation whose copy is gone (a cache restored from before the samples came).
        QVERIFY(run(m_centerCache, QStringLiteral("DELETE FROM ctg_trace_data")));
        auto reader = centerWorkstation();
        reader->configure(settingsFor(QStringLiteral("us-chen")));
        QVERIFY(waitForState(*reader, SyncStatus::State::UpToDate));
        QVERIFY(
            run(m_centerCache, QStringLiteral("DELETE FROM ctg_trace_data"))); // the round fetched it again
        QSignalSpy fetched(reader.get(), &BackgroundSync::attachmentFetched);
        QSignalSpy failed(reader.get(), &BackgroundSync::attachmentFailed);
        reader->fetchAttachment(m_trace.dataSha256);
        QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 1, 30000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(fetched.at(0).at(0).toString(), m_trace.dataSha256);
        auto db = Database::open(m_centerCache, { QStringLiteral("center"), QStringLiteral("us-chen") });
        QVERIFY(db);
        CtgRecords records(**db);
        QVERIFY(records.loadTrace(**records.trace(m_trace.meta.id)));
    }

    void aWorkstationNotLinkedToACenterSaysSo()
    {
        auto reader = centerWorkstation();
        QSignalSpy failed(reader.get(), &BackgroundSync::attachmentFailed);
        reader->fetchAttachment(m_trace.dataSha256);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    }

    // Last: the center is stopped.
    void anUnreachableCenterFailsTheRequestWithAReasonAndStoresNothing()
    {
        auto reader = centerWorkstation();
        reader->configure(settingsFor(QStringLiteral("us-chen")));
        QVERIFY(waitForState(*reader, SyncStatus::State::UpToDate));
        QVERIFY(run(m_centerCache, QStringLiteral("DELETE FROM ctg_trace_data")));
        QVERIFY(m_center.stop());
        QSignalSpy fetched(reader.get(), &BackgroundSync::attachmentFetched);
        QSignalSpy failed(reader.get(), &BackgroundSync::attachmentFailed);
        reader->fetchAttachment(m_trace.dataSha256);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QCOMPARE(fetched.count(), 0);
        QCOMPARE(failed.at(0).at(0).toString(), m_trace.dataSha256);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        QCOMPARE(scalar(m_centerCache, QStringLiteral("SELECT count(*) FROM ctg_trace_data")), 0);
        QCOMPARE(scalar(m_centerCache, QStringLiteral("SELECT count(*) FROM blob_download_chunk")), 0);
        auto db = Database::open(m_centerCache, { QStringLiteral("center"), QStringLiteral("us-chen") });
        QVERIFY(db);
        CtgRecords records(**db);
        QCOMPARE(records.loadTrace(**records.trace(m_trace.meta.id)).error().code,
            QStringLiteral("ctg.data-missing"));
    }
};

QTEST_GUILESS_MAIN(TestCtgFetch)
#include "tst_ctgfetch.moc"
