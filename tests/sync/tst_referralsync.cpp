// Two-way referral across the region through the real center (docs/referrals.md): a referral
// sent by clinic A reaches clinic B with the woman's record, B's workstation acknowledges it,
// each side sees the other's steps; steps taken on both sides while apart are all kept and
// both sides agree on the order; the center refuses a step from the wrong side and a referral
// to a clinic outside the region; and the receiving clinic's access ends a set period after the
// referral is closed (here 0 days, so at once), not before; an attached CTG trace reaches the
// receiver whole (hash-checked), and a center killed while either side syncs loses or doubles
// no step, nor does a workstation killed part-way through sending its steps; a CTG reading asked
// of the center is answered with the consultant's signed interpretation, which the asking clinic
// then holds.
#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "ctg-records/ctgrecords.h"
#include "referrals/consultationreadings.h"
#include "referrals/referralrepository.h"
#include "sync-protocol/blobaddress.h"
#include "sync/blobstore.h"
#include "sqlscalar.h"
#include "storage/clinicdirectory.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "storage/visitrepository.h"
#include "sync/centerconnection.h"
#include "sync/notificationchannel.h"
#include "sync/syncengine.h"
#include "testcenter.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <cmath>

namespace {
using S = ReferralStatus;
using A = ReferralAction;
const QString ClinicA = QStringLiteral("clinic-a");
const QString ClinicB = QStringLiteral("clinic-b");

// One clinic's workstation: its cache, signed in to the center, syncing on demand.
class Workstation
{
public:
    Workstation(const TestCenter &center, const QString &clinic, const QString &user)
    {
        auto db = Database::open(center.path(clinic + QStringLiteral("-") + user + QStringLiteral(".db")), { clinic, user });
        if (!db)
            return;
        database = std::move(*db);
        connection = std::make_unique<CenterConnection>(CenterEndpoint { QUrl(center.url()), center.caFile(), {}, 10000 });
        const auto device = SyncJournal(database->connection()).deviceId();
        if (!device || !connection->login(user, QStringLiteral("obslink-demo"), *device))
            connection.reset();
    }

    bool isReady() const { return database && connection; }

    std::optional<SyncSummary> sync()
    {
        SyncEngine engine(database->connection(), *connection);
        auto summary = engine.syncOnce();
        if (!summary)
            qWarning("sync: %s", qPrintable(summary.error().message));
        return summary ? std::optional<SyncSummary>(*summary) : std::nullopt;
    }

    ReferralRepository referrals() const { return ReferralRepository(*database); }

    // The center's reason for refusing what this workstation wrote to `table`, or empty.
    QString refusal(const QString &table) const
    {
        return sqlScalar(database->connection(),
            QStringLiteral("SELECT rejected_code FROM sync_outbox WHERE table_name = '%1' AND rejected_code IS NOT NULL").arg(table))
            .toString();
    }

    std::unique_ptr<Database> database;
    std::unique_ptr<CenterConnection> connection;
};

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Twenty minutes of a reassuring trace: baseline 135 bpm with a slow swing, contractions rare.
CtgTrace twentyMinuteTrace()
{
    CtgTrace trace;
    for (int i = 0; i < 20 * 60 * 4; ++i) {
        trace.fhrBpm.append(135.0f + 6.0f * float(std::sin(i / 37.0)));
        trace.tocoUnits.append(10.0f + float(i % 1200 < 240 ? 30 : 0));
    }
    return trace;
}
} // namespace

class TestReferralSync : public QObject
{
    Q_OBJECT

private:
    // Access ends at once when the referral closes, so the test can see it end.
    TestCenter m_center;
    std::unique_ptr<Workstation> m_a;
    std::unique_ptr<Workstation> m_b;
    Pregnancy m_pregnancy;
    Patient m_patient;

    QUuid sendReferral(ReferralUrgency urgency)
    {
        ReferralRepository repository = m_a->referrals();
        Referral r;
        r.pregnancyId = m_pregnancy.meta.id;
        r.urgency = urgency;
        r.targetClinic = ClinicB;
        r.reason = QStringLiteral("血压 160/110 mmHg");
        r.riskColour = QStringLiteral("orange");
        if (!repository.saveDraft(r))
            return {};
        ReferralAttachment summary { {}, r.meta.id, ReferralAttachmentKind::CaseSummary, idText(m_pregnancy.meta.id),
            QStringLiteral("高危专案") };
        if (!repository.attach(summary) || !repository.take(r.meta.id, A::Send))
            return {};
        return r.meta.id;
    }

    // A visit for her written at `at`, returned with its id once saved.
    std::optional<AntenatalVisit> visitAt(Workstation &at, int systolic, int diastolic)
    {
        AntenatalVisit visit;
        visit.pregnancyId = m_pregnancy.meta.id;
        visit.visitDate = QDate::currentDate();
        visit.systolicMmHg = systolic;
        visit.diastolicMmHg = diastolic;
        if (!VisitRepository(*at.database).save(visit, m_pregnancy))
            return std::nullopt;
        return visit;
    }

    qint64 pending(const Workstation &at) const
    {
        return sqlNumber(at.database->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE rejected_code IS NULL"));
    }

    // Syncs `at` through obslink-cli, a process of its own, killed (SIGKILL) part-way again and
    // again — soon after it starts, then later each time — until a run is let finish. Returns
    // how many runs were cut with the outbox part-way sent, or -1 when the last run failed.
    int syncKilledPartWay(Workstation &at, const QString &user)
    {
        const QStringList arguments { QStringLiteral("sync"), QStringLiteral("--db"), at.database->path(), QStringLiteral("--server"),
            m_center.url(), QStringLiteral("--ca"), m_center.caFile(), QStringLiteral("--user"), user, QStringLiteral("--password-file"),
            m_center.passwordFile(), QStringLiteral("--page-size"), QStringLiteral("2") };
        int cutPartWay = 0;
        for (int delayMs = 50; delayMs < 5000; delayMs += 50) {
            const qint64 before = pending(at);
            QProcess cli;
            cli.start(TestCenter::cliBinary(), arguments);
            if (cli.waitForFinished(delayMs))
                break; // the whole round fitted in the delay: nothing left to cut
            cli.kill();
            cli.waitForFinished();
            const qint64 after = pending(at);
            if (after > 0 && after < before)
                ++cutPartWay;
        }
        QProcess last;
        last.start(TestCenter::cliBinary(), arguments);
        if (!last.waitForFinished(120000) || last.exitCode() != 0) {
            qWarning("sync: %s", last.readAllStandardError().constData());
            return -1;
        }
        return cutPartWay;
    }

    bool bSeesHer() const
    {
        return sqlNumber(m_b->database->connection(),
                   QStringLiteral("SELECT count(*) FROM patient WHERE id = '%1'").arg(idText(m_patient.meta.id)))
            == 1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare({ QStringLiteral("--referral-access-days"), QStringLiteral("0") }), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        m_a = std::make_unique<Workstation>(m_center, ClinicA, QStringLiteral("dr-wang"));
        m_b = std::make_unique<Workstation>(m_center, ClinicB, QStringLiteral("dr-zhao"));
        QVERIFY(m_a->isReady());
        QVERIFY(m_b->isReady());
        m_patient.name = QStringLiteral("赵敏");
        m_patient.birthDate = QDate(1992, 5, 6);
        m_pregnancy.lmp = QDate::currentDate().addDays(-200);
        QVERIFY(ClinicRecords(*m_a->database).registerPregnancy(m_patient, m_pregnancy));
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        QVERIFY(!bSeesHer());
    }

    void eachSyncKeepsTheRegionsClinicsForWritingAReferralOffline()
    {
        const auto clinics = ClinicDirectory(m_a->database->connection()).clinics();
        QVERIFY(clinics);
        QStringList ids;
        for (const DirectoryClinic &clinic : *clinics)
            ids << clinic.id;
        QCOMPARE(ids.first(), QStringLiteral("center"));
        QVERIFY(clinics->first().isCenter);
        QVERIFY(ids.contains(ClinicB));
        QVERIFY(ClinicDirectory(m_a->database->connection()).nameOf(ClinicB) != ClinicB);
    }

    void aSentReferralReachesTheReceiverWithHerRecordAndEachSideSeesTheOthersSteps()
    {
        const QUuid id = sendReferral(ReferralUrgency::Urgent);
        QVERIFY(!id.isNull());
        const auto pushed = m_a->sync();
        QVERIFY(pushed);
        QCOMPARE(pushed->refused, 0);

        QVERIFY(m_b->sync());
        QVERIFY(bSeesHer());
        // The center's audit keeps that clinic B read her records through the referral.
        auto center = CenterDatabase::open(m_center.databaseLocation());
        QVERIFY(center);
        AuditStore::Query readByB;
        readByB.patientKey = idText(m_patient.meta.id);
        readByB.clinicId = ClinicB;
        const auto accesses = AuditStore((*center)->connection()).search(readByB);
        QVERIFY(accesses && !accesses->isEmpty());
        QCOMPARE(accesses->last().action, AuditAction::ReferralAccess);
        QCOMPARE(accesses->last().user, QStringLiteral("dr-zhao"));
        QCOMPARE(accesses->last().workstation, AuditStore::centerChain());
        ReferralRepository atB = m_b->referrals();
        const auto arrived = atB.find(id);
        QVERIFY(arrived && *arrived);
        QCOMPARE((*arrived)->reason, QStringLiteral("血压 160/110 mmHg"));
        QCOMPARE(atB.attachments(id)->size(), 1);
        QCOMPARE(*atB.acknowledgeArrivals(), 1);
        QVERIFY(atB.take(id, A::Accept));
        QVERIFY(m_b->sync());

        QVERIFY(m_a->sync());
        const auto atA = m_a->referrals().timeline(id);
        QVERIFY(atA);
        QCOMPARE(atA->status(), S::Accepted);
        QCOMPARE(atA->entries().size(), 3);
        QCOMPARE(atA->entries().at(1).step.clinicId, ClinicB);
        QCOMPARE(atA->entries().at(2).step.author, QStringLiteral("dr-zhao"));
    }

    void stepsTakenOnBothSidesWhileApartAreAllKeptInOneOrder()
    {
        const QUuid id = sendReferral(ReferralUrgency::Routine);
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        QCOMPARE(*m_b->referrals().acknowledgeArrivals(), 1);
        // Before either hears of the other: A cancels, then B, not told yet, accepts.
        QVERIFY(m_a->referrals().take(id, A::Cancel, QStringLiteral("她选择了另一家医院")));
        QTest::qWait(5);
        QVERIFY(m_b->referrals().take(id, A::Accept));
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        QVERIFY(m_a->sync());

        const auto atA = m_a->referrals().timeline(id);
        const auto atB = m_b->referrals().timeline(id);
        QVERIFY(atA && atB);
        QCOMPARE(atA->entries().size(), 4);
        QCOMPARE(atB->entries().size(), 4);
        QCOMPARE(atA->status(), atB->status());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(atA->entries().at(i).step.id, atB->entries().at(i).step.id);
        // The acceptance met a cancelled referral: kept on both sides, shown as such.
        QCOMPARE(atA->status(), S::Cancelled);
        for (const ReferralTimeline &timeline : { *atA, *atB }) {
            const auto concurrent = timeline.concurrent();
            QCOMPARE(concurrent.size(), 1);
            QCOMPARE(concurrent.first().step.action, A::Accept);
            QCOMPARE(concurrent.first().metStatus, S::Cancelled);
        }
    }

    void theCenterRefusesAStepFromTheWrongSideAndAReferralOutsideTheRegion()
    {
        const QUuid id = sendReferral(ReferralUrgency::Routine);
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        // Clinic B writes a close step in its own cache, around the repository's checks.
        QSqlQuery forged(m_b->database->connection());
        QVERIFY(forged.exec(QStringLiteral(
            "INSERT INTO referral_step (id, clinic_id, created_at, updated_at, author, referral_id, action) VALUES "
            "('%1', 'clinic-b', '2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z', 'dr-zhao', '%2', 'close')")
                                .arg(idText(QUuid::createUuid()), idText(id))));
        const auto pushed = m_b->sync();
        QVERIFY(pushed);
        QCOMPARE(pushed->refused, 1);
        QCOMPARE(m_b->refusal(QStringLiteral("referral_step")), QStringLiteral("sync.forbidden"));
        QVERIFY(m_a->sync());
        QCOMPARE(m_a->referrals().timeline(id)->status(), S::Sent);

        Referral outside;
        outside.pregnancyId = m_pregnancy.meta.id;
        outside.targetClinic = QStringLiteral("clinic-nowhere");
        outside.reason = QStringLiteral("test");
        QVERIFY(m_a->referrals().saveDraft(outside));
        const auto refused = m_a->sync();
        QVERIFY(refused);
        QCOMPARE(refused->refused, 1);
        QCOMPARE(m_a->refusal(QStringLiteral("referral")), QStringLiteral("referral.unknown-clinic"));
    }

    void theReceiversAccessEndsWhenTheLastReferralClosesAndNotBefore()
    {
        // Every referral sent so far ends here, the first with her return slip.
        ReferralRepository atA = m_a->referrals();
        ReferralRepository atB = m_b->referrals();
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        const auto referrals = atB.forPregnancy(m_pregnancy.meta.id);
        QVERIFY(referrals);
        QUuid accepted; // the first test's
        QUuid sent; // the third test's
        for (const Referral &r : *referrals) {
            const S status = atB.timeline(r.meta.id)->status();
            if (status == S::Accepted)
                accepted = r.meta.id;
            else if (status == S::Sent)
                sent = r.meta.id;
        }
        QVERIFY(!accepted.isNull() && !sent.isNull());
        // One closed: the other still gives access, and B's visit for her is taken.
        QVERIFY(atA.take(sent, A::Cancel, QStringLiteral("重复转诊")));
        QVERIFY(m_a->sync());
        QVERIFY(visitAt(*m_b, 150, 95));
        auto stillOpen = m_b->sync();
        QVERIFY(stillOpen);
        QCOMPARE(stillOpen->refused, 0);

        // The last one closes: from now on the center gives B nothing of her.
        QVERIFY(atB.take(accepted, A::Arrive));
        QVERIFY(atB.take(accepted, A::ReturnOutcome, {},
            ReferralOutcome { QStringLiteral("妊娠期高血压"), QStringLiteral("降压"), QStringLiteral("门诊随访"), {}, {} }));
        QVERIFY(m_b->sync());
        QVERIFY(m_a->sync());
        QVERIFY(atA.take(accepted, A::Close));
        QVERIFY(m_a->sync());
        QVERIFY(visitAt(*m_b, 130, 85));
        const auto after = m_b->sync();
        QVERIFY(after);
        QCOMPARE(after->refused, 1);
        QCOMPARE(m_b->refusal(QStringLiteral("antenatal_visit")), QStringLiteral("sync.forbidden"));
        // A's later records of her no longer reach B.
        const auto atHome = visitAt(*m_a, 120, 80);
        QVERIFY(atHome);
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        QCOMPARE(sqlNumber(m_b->database->connection(),
                     QStringLiteral("SELECT count(*) FROM antenatal_visit WHERE id = '%1'").arg(idText(atHome->meta.id))),
            0);
    }

    void anAttachedTraceArrivesWholeAndACenterKilledOnTheWayLosesOrDoublesNothing()
    {
        // Her own referral (after the others: the receipts taken here cover any left unacknowledged).
        const Pregnancy pregnancy = registerAtA(QStringLiteral("钱红"));
        CtgTraceRecord trace;
        trace.pregnancyId = pregnancy.meta.id;
        trace.recordedAt = QDateTime::currentDateTimeUtc().addSecs(-1800);
        trace.durationSeconds = 1200;
        trace.source = QStringLiteral("nst.csv");
        QVERIFY(CtgRecords(*m_a->database).addTrace(trace, twentyMinuteTrace()));
        Referral r;
        r.pregnancyId = pregnancy.meta.id;
        r.targetClinic = ClinicB;
        r.reason = QStringLiteral("胎心监护请会诊");
        ReferralRepository atA = m_a->referrals();
        QVERIFY(atA.saveDraft(r));
        ReferralAttachment attached { {}, r.meta.id, ReferralAttachmentKind::Ctg, idText(trace.meta.id), QStringLiteral("NST") };
        QVERIFY(atA.attach(attached));
        QVERIFY(atA.take(r.meta.id, A::Send));

        // The center is down when A syncs: nothing is lost, it goes once the center is back.
        m_center.kill();
        QVERIFY(!m_a->sync());
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        const auto pushed = m_a->sync();
        QVERIFY(pushed);
        QCOMPARE(pushed->refused, 0);
        QVERIFY(m_b->sync());
        ReferralRepository atB = m_b->referrals();
        QVERIFY(*atB.acknowledgeArrivals() >= 1); // with any earlier one not acknowledged yet
        QCOMPARE(atB.timeline(r.meta.id)->status(), S::Received);
        // Down again while B sends its receipt; once back, the receipt arrives once.
        m_center.kill();
        QVERIFY(!m_b->sync());
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        QVERIFY(m_b->sync());
        QVERIFY(m_b->sync()); // a second round changes nothing
        QVERIFY(m_a->sync());
        const auto timeline = atA.timeline(r.meta.id);
        QVERIFY(timeline);
        QCOMPARE(timeline->entries().size(), 2);
        QCOMPARE(timeline->status(), S::Received);
        QCOMPARE(atB.attachments(r.meta.id)->size(), 1);
        QCOMPARE(sqlNumber(m_b->database->connection(),
                     QStringLiteral("SELECT count(*) FROM referral_step WHERE referral_id = '%1'").arg(idText(r.meta.id))),
            2);

        // The trace named by the attachment: its samples fetched at B, whole and checked.
        CtgRecords tracesAtB(*m_b->database);
        const auto row = tracesAtB.trace(trace.meta.id);
        QVERIFY(row && *row);
        BlobStore blobs(m_b->database->connection(), *m_b->connection);
        const auto bytes = blobs.fetch(trace.dataSha256);
        QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().message));
        QCOMPARE(BlobAddress::of(*bytes), trace.dataSha256);
        const auto samples = tracesAtB.loadTrace(**row);
        QVERIFY(samples);
        QCOMPARE(samples->sampleCount(), twentyMinuteTrace().sampleCount());
    }

    void anEmergencyReferralReachesTheReceiversWorkstationAtOnce()
    {
        const CenterEndpoint endpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 };
        NotificationChannel atB;
        QSignalSpy ready(&atB, &NotificationChannel::readyChanged);
        QSignalSpy notices(&atB, &NotificationChannel::syncRequested);
        QVERIFY(m_b->sync()); // a fresh access token
        atB.open(endpoint, m_b->connection->session().accessToken);
        QVERIFY(ready.wait(10000));
        QVERIFY(atB.isReady());
        // A workstation that cannot sign in is refused and hears nothing.
        NotificationChannel stranger;
        QSignalSpy strangerNotices(&stranger, &NotificationChannel::syncRequested);
        stranger.open(endpoint, QStringLiteral("not-a-token"));
        QTest::qWait(300); // both requests reach the center before A pushes

        const Pregnancy pregnancy = registerAtA(QStringLiteral("周燕"));
        Referral r;
        r.pregnancyId = pregnancy.meta.id;
        r.targetClinic = ClinicB;
        r.urgency = ReferralUrgency::Emergency;
        r.reason = QStringLiteral("胎盘早剥可能");
        QVERIFY(m_a->referrals().saveDraft(r));
        QVERIFY(m_a->referrals().take(r.meta.id, A::Send));
        QElapsedTimer sinceSync;
        sinceSync.start();
        QVERIFY(m_a->sync());
        QVERIFY(notices.count() > 0 || notices.wait(5000));
        QCOMPARE(notices.first().first().toString(), QStringLiteral("emergency"));
        qInfo("notice reached clinic B %lld ms after clinic A's sync began", sinceSync.elapsed());
        QCOMPARE(strangerNotices.count(), 0);
        QVERIFY(!stranger.isReady());
        // B's round on the notice brings the referral.
        QVERIFY(m_b->sync());
        QCOMPARE(m_b->referrals().timeline(r.meta.id)->status(), S::Sent);
    }

    // A woman of clinic A's own, for the checks below: B never had access to her.
    Pregnancy registerAtA(const QString &name)
    {
        Patient patient;
        patient.name = name;
        patient.birthDate = QDate(1993, 3, 3);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-180);
        if (!ClinicRecords(*m_a->database).registerPregnancy(patient, pregnancy))
            qFatal("cannot register %s", qPrintable(name));
        return pregnancy;
    }

    bool bSeesPregnancy(const Pregnancy &pregnancy) const
    {
        return sqlNumber(m_b->database->connection(),
                   QStringLiteral("SELECT count(*) FROM pregnancy WHERE id = '%1'").arg(idText(pregnancy.meta.id)))
            > 0;
    }

    void aWorkstationKilledPartWayThroughSendingItsStepsLosesOrDoublesNone()
    {
        const QUuid id = sendReferral(ReferralUrgency::Urgent);
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        ReferralRepository atB = m_b->referrals();
        QVERIFY(*atB.acknowledgeArrivals() >= 1);
        const auto visitsAtA = [this] {
            return sqlNumber(m_a->database->connection(),
                QStringLiteral("SELECT count(*) FROM antenatal_visit WHERE pregnancy_id = '%1'").arg(idText(m_pregnancy.meta.id)));
        };
        const qint64 visitsBefore = visitsAtA();
        // B's steps between her visits there, so that they go in different pages of the push.
        QVERIFY(atB.take(id, A::Accept));
        for (int i = 0; i < 60; ++i)
            QVERIFY(visitAt(*m_b, 120 + i % 20, 80));
        QVERIFY(atB.take(id, A::Arrive));
        for (int i = 0; i < 60; ++i)
            QVERIFY(visitAt(*m_b, 125, 85));
        QVERIFY(atB.take(id, A::ReturnOutcome, {},
            ReferralOutcome { QStringLiteral("子痫前期"), QStringLiteral("解痉降压"), QStringLiteral("社区随访"), {}, {} }));
        const int cut = syncKilledPartWay(*m_b, QStringLiteral("dr-zhao"));
        QVERIFY2(cut >= 1, "no run was cut part-way through its push");
        QCOMPARE(pending(*m_b), 0);

        QVERIFY(m_a->sync());
        const auto atA = m_a->referrals().timeline(id);
        QCOMPARE(atA->status(), S::OutcomeReturned);
        QCOMPARE(atA->entries().size(), 5); // send, receive, accept, arrive, return-outcome: each once
        QVERIFY(atA->concurrent().isEmpty());
        QCOMPARE(visitsAtA(), visitsBefore + 120);

        // The sender's side: A closes it among new visits, killed part-way the same way.
        QVERIFY(m_a->referrals().take(id, A::Close));
        for (int i = 0; i < 100; ++i)
            QVERIFY(visitAt(*m_a, 118, 76));
        QVERIFY2(syncKilledPartWay(*m_a, QStringLiteral("dr-wang")) >= 1, "no run was cut part-way through its push");
        // What the center holds, as another workstation of clinic A pulls it afresh (clinic B's
        // access ended with the close: this center keeps no days after closure).
        Workstation nurse(m_center, ClinicA, QStringLiteral("nurse-li"));
        QVERIFY(nurse.isReady());
        QVERIFY(nurse.sync());
        const auto closed = nurse.referrals().timeline(id);
        QCOMPARE(closed->status(), S::Closed);
        QCOMPARE(closed->entries().size(), 6);
        QCOMPARE(sqlNumber(nurse.database->connection(),
                     QStringLiteral("SELECT count(*) FROM antenatal_visit WHERE pregnancy_id = '%1'").arg(idText(m_pregnancy.meta.id))),
            visitsBefore + 220);
    }

    void aCtgReadingAskedOfTheCenterIsAnsweredWithItsSignedInterpretation()
    {
        Workstation center(m_center, QStringLiteral("center"), QStringLiteral("us-chen"));
        QVERIFY(center.isReady());
        const Pregnancy pregnancy = registerAtA(QStringLiteral("孙莉"));
        CtgTraceRecord trace;
        trace.pregnancyId = pregnancy.meta.id;
        trace.recordedAt = QDateTime::currentDateTimeUtc().addSecs(-1500);
        trace.durationSeconds = 1200;
        trace.source = QStringLiteral("nst.csv");
        QVERIFY(CtgRecords(*m_a->database).addTrace(trace, twentyMinuteTrace()));
        ReferralRepository atA = m_a->referrals();
        Referral c;
        c.purpose = ReferralPurpose::Consultation;
        c.consultationKind = ConsultationKind::CtgReading;
        c.pregnancyId = pregnancy.meta.id;
        c.targetClinic = QStringLiteral("center");
        c.urgency = ReferralUrgency::Emergency;
        c.reason = QStringLiteral("胎心变异减少，请判读");
        QVERIFY(atA.saveDraft(c));
        ReferralAttachment attached { {}, c.meta.id, ReferralAttachmentKind::Ctg, idText(trace.meta.id), QStringLiteral("NST 20 分钟") };
        QVERIFY(atA.attach(attached));
        QVERIFY(atA.take(c.meta.id, A::Send));
        QVERIFY(m_a->sync());

        // At the center: the consultation arrives, the reader opens the trace (its samples come
        // whole from the center), signs her interpretation, and that answers the consultation.
        QVERIFY(center.sync());
        ReferralRepository atCenter = center.referrals();
        QVERIFY(*atCenter.acknowledgeArrivals() >= 1);
        CtgRecords tracesAtCenter(*center.database);
        const auto row = tracesAtCenter.trace(trace.meta.id);
        QVERIFY(row && *row);
        QVERIFY(BlobStore(center.database->connection(), *center.connection).fetch(trace.dataSha256));
        QVERIFY(tracesAtCenter.loadTrace(**row));
        CtgInterpretation interpretation;
        interpretation.traceId = trace.meta.id;
        interpretation.text = QStringLiteral("基线 135 bpm，变异正常，可见加速，无减速：NICHD I 类，继续常规监护。");
        QVERIFY(tracesAtCenter.saveInterpretation(interpretation));
        QVERIFY(tracesAtCenter.sign(interpretation, QStringLiteral("us-chen"), QDateTime::currentDateTimeUtc()));
        const auto answered = ConsultationReadings(atCenter).answer(interpretation);
        QVERIFY(answered && *answered);
        const auto pushed = center.sync();
        QVERIFY(pushed);
        QCOMPARE(pushed->refused, 0);

        // Back at the asking clinic: the opinion names the interpretation, which is here, signed.
        QVERIFY(m_a->sync());
        const auto timeline = atA.timeline(c.meta.id);
        QCOMPARE(timeline->status(), S::OutcomeReturned);
        const ReferralStep &opinion = timeline->entries().constLast().step;
        QCOMPARE(opinion.clinicId, QStringLiteral("center"));
        QCOMPARE(opinion.author, QStringLiteral("us-chen"));
        QCOMPARE(opinion.outcome.diagnosis, interpretation.text);
        QCOMPARE(opinion.outcome.reading.kind, ReadingKind::CtgInterpretation);
        QCOMPARE(opinion.outcome.reading.recordId, interpretation.meta.id);
        const auto held = CtgRecords(*m_a->database).interpretation(interpretation.meta.id);
        QVERIFY(held && *held);
        QVERIFY((*held)->isSigned());
        QCOMPARE((*held)->signedBy, QStringLiteral("us-chen"));
        QCOMPARE((*held)->traceId, trace.meta.id);
        QCOMPARE((*held)->text, interpretation.text);
        // Read: closed on both sides.
        QVERIFY(atA.take(c.meta.id, A::Close));
        QVERIFY(m_a->sync());
        QVERIFY(center.sync());
        QCOMPARE(atCenter.timeline(c.meta.id)->status(), S::Closed);
    }

    void aSendOvertakenByItsCancelOpensNothing()
    {
        // Two workstations of clinic A: the doctor's sends offline, the nurse's cancels first.
        Workstation nurse(m_center, ClinicA, QStringLiteral("nurse-li"));
        QVERIFY(nurse.isReady());
        const Pregnancy pregnancy = registerAtA(QStringLiteral("林静"));
        Referral r;
        r.pregnancyId = pregnancy.meta.id;
        r.targetClinic = ClinicB;
        r.reason = QStringLiteral("复查");
        QVERIFY(m_a->referrals().saveDraft(r));
        QVERIFY(m_a->sync());
        QVERIFY(nurse.sync());
        QVERIFY(m_a->referrals().take(r.meta.id, A::Send));
        QVERIFY(nurse.referrals().take(r.meta.id, A::Cancel, QStringLiteral("她不去了")));
        QVERIFY(nurse.sync());
        const auto late = m_a->sync();
        QVERIFY(late);
        QCOMPARE(late->refused, 0); // the step is kept, as taken
        QVERIFY(m_b->sync());
        QVERIFY(!bSeesPregnancy(pregnancy)); // but it gave clinic B nothing
    }

    void theCenterKeepsReferralsToTheirSenderAndFrozenOnceSent()
    {
        const Pregnancy pregnancy = registerAtA(QStringLiteral("罗敏"));
        QVERIFY(m_a->sync());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QSqlQuery forged(m_a->database->connection());
        QVERIFY(forged.exec(QStringLiteral("DELETE FROM sync_outbox WHERE rejected_code IS NOT NULL"))); // the tests' earlier forgeries
        // To itself: refused, so a clinic cannot stretch its own access.
        const QString self = idText(QUuid::createUuid());
        QVERIFY(forged.exec(QStringLiteral("INSERT INTO referral (id, clinic_id, created_at, updated_at, author, pregnancy_id, direction, "
                                           "urgency, target_clinic, reason) VALUES ('%1', 'clinic-a', '%2', '%2', 'dr-wang', '%3', 'up', "
                                           "'routine', 'clinic-a', 'x')")
                                .arg(self, now, idText(pregnancy.meta.id))));
        QCOMPARE(m_a->sync()->refused, 1);
        QCOMPARE(m_a->refusal(QStringLiteral("referral")), QStringLiteral("referral.same-clinic"));
        QVERIFY(forged.exec(QStringLiteral("DELETE FROM sync_outbox WHERE record_id = '%1'").arg(self)));

        // Sent to B: B may not rewrite it, and A may not send it elsewhere afterwards.
        Referral r;
        r.pregnancyId = pregnancy.meta.id;
        r.targetClinic = ClinicB;
        r.reason = QStringLiteral("会诊");
        QVERIFY(m_a->referrals().saveDraft(r));
        QVERIFY(m_a->referrals().take(r.meta.id, A::Send));
        QVERIFY(m_a->sync());
        QVERIFY(m_b->sync());
        QSqlQuery atB(m_b->database->connection());
        QVERIFY(atB.exec(QStringLiteral("UPDATE referral SET reason = 'changed by B' WHERE id = '%1'").arg(idText(r.meta.id))));
        QCOMPARE(m_b->sync()->refused, 1);
        QCOMPARE(m_b->refusal(QStringLiteral("referral")), QStringLiteral("sync.forbidden"));
        QVERIFY(forged.exec(QStringLiteral("UPDATE referral SET target_clinic = 'center' WHERE id = '%1'").arg(idText(r.meta.id))));
        QCOMPARE(m_a->sync()->refused, 1);
        QCOMPARE(m_a->refusal(QStringLiteral("referral")), QStringLiteral("referral.sent"));

        // A step pushed again under its own id with another action: history is not rewritten.
        const QString sendStep = sqlScalar(m_a->database->connection(),
            QStringLiteral("SELECT id FROM referral_step WHERE referral_id = '%1' AND action = 'send'").arg(idText(r.meta.id)))
                                     .toString();
        QVERIFY(forged.exec(QStringLiteral("INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, "
                                           "created_at) VALUES ('%1', 'referral_step', '%2', 'insert', 0, json_object('clinic_id', "
                                           "'clinic-a', 'created_at', '%3', 'updated_at', '%3', 'author', 'dr-wang', 'deleted', 0, "
                                           "'referral_id', '%4', 'action', 'close'), '%3')")
                                .arg(idText(QUuid::createUuid()).remove(QLatin1Char('-')), sendStep, now, idText(r.meta.id))));
        QCOMPARE(m_a->sync()->refused, 1);
        QCOMPARE(sqlNumber(m_a->database->connection(),
                     QStringLiteral("SELECT count(*) FROM sync_outbox WHERE rejected_code = 'referral.append-only'")),
            1);
        QVERIFY(m_b->sync());
        QCOMPARE(m_b->referrals().timeline(r.meta.id)->status(), S::Sent);
    }
};

QTEST_GUILESS_MAIN(TestReferralSync)
#include "tst_referralsync.moc"
