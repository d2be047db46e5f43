// Referrals through a real obslink-center over loopback HTTPS (PostgreSQL when
// OBSLINK_TEST_POSTGRES is set, else SQLite), docs/referrals.md:
// - live notices: 50 workstations of clinic B wait while clinic A sends emergency referrals, one
//   per round; the delay from A's sync starting to each of B's workstations being told to sync
//   (p50, p99; target p99 < 2 s), beside the reference measured in the same run: A's whole sync
//   round (push and pull) for that referral;
// - a referral carrying a 24 h CTG: B's sync round and the trace's samples fetched whole, beside
//   B's sync round for a referral without an attachment, in the same run. (A 100-frame
//   ultrasound study comes from the regional PACS, not through the center: bench_dicomweb.)
#include "benchlabour.h"
#include "ctg-records/ctgrecords.h"
#include "referrals/referralrepository.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/blobstore.h"
#include "sync/centerconnection.h"
#include "sync/notificationchannel.h"
#include "sync/syncengine.h"
#include "benchreport.h"
#include "testcenter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {
constexpr int Workstations = 50;
constexpr int Rounds = 20;

[[noreturn]] void fail(const QString &what)
{
    qFatal("bench_referrals: %s", qPrintable(what));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestCenter center;
    if (!center.prepare() || !center.start())
        fail(center.lastError());
    const CenterEndpoint endpoint { QUrl(center.url()), center.caFile(), {}, 30000 };

    // Clinic B's workstations, each signed in on its own device and waiting.
    std::vector<std::unique_ptr<CenterConnection>> sessions;
    std::vector<std::unique_ptr<NotificationChannel>> channels;
    QList<double> delays;
    QElapsedTimer sinceSync;
    int told = 0;
    for (int i = 0; i < Workstations; ++i) {
        auto session = std::make_unique<CenterConnection>(endpoint);
        if (!session->login(QStringLiteral("dr-zhao"), QStringLiteral("obslink-demo"), QStringLiteral("bench-%1").arg(i)))
            fail(QStringLiteral("clinic B cannot sign in"));
        auto channel = std::make_unique<NotificationChannel>();
        QObject::connect(channel.get(), &NotificationChannel::syncRequested, [&] {
            delays.append(double(sinceSync.nsecsElapsed()) / 1e6);
            ++told;
        });
        channel->open(endpoint, session->session().accessToken);
        sessions.push_back(std::move(session));
        channels.push_back(std::move(channel));
    }
    if (!QTest::qWaitFor([&] { return std::all_of(channels.begin(), channels.end(), [](const auto &c) { return c->isReady(); }); }, 30000))
        fail(QStringLiteral("clinic B's workstations are not all listening"));
    QTest::qWait(500); // their requests are waiting at the center

    const QTemporaryDir dir;
    auto clinicA = Database::open(dir.filePath(QStringLiteral("clinic-a.db")), { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
    if (!clinicA)
        fail(clinicA.error().message);
    Patient patient;
    patient.name = QStringLiteral("基准");
    patient.birthDate = QDate(1990, 1, 1);
    Pregnancy pregnancy;
    pregnancy.lmp = QDate::currentDate().addDays(-200);
    if (!ClinicRecords(**clinicA).registerPregnancy(patient, pregnancy))
        fail(QStringLiteral("cannot register"));
    CenterConnection wang(endpoint);
    const auto device = SyncJournal((*clinicA)->connection()).deviceId();
    if (!device || !wang.login(QStringLiteral("dr-wang"), QStringLiteral("obslink-demo"), *device))
        fail(QStringLiteral("clinic A cannot sign in"));
    SyncEngine engine((*clinicA)->connection(), wang);
    if (!engine.syncOnce())
        fail(QStringLiteral("clinic A's first sync failed"));

    ReferralRepository referrals(**clinicA);
    QList<double> syncRounds;
    for (int round = 0; round < Rounds; ++round) {
        Referral referral;
        referral.pregnancyId = pregnancy.meta.id;
        referral.targetClinic = QStringLiteral("clinic-b");
        referral.urgency = ReferralUrgency::Emergency;
        referral.reason = QStringLiteral("bench %1").arg(round);
        if (!referrals.saveDraft(referral) || !referrals.take(referral.meta.id, ReferralAction::Send))
            fail(QStringLiteral("cannot send a referral"));
        const int expected = told + Workstations;
        sinceSync.start();
        if (!engine.syncOnce())
            fail(QStringLiteral("clinic A's sync failed"));
        syncRounds.append(double(sinceSync.nsecsElapsed()) / 1e6);
        if (!QTest::qWaitFor([&] { return told >= expected; }, 10000))
            fail(QStringLiteral("only %1 of %2 notices arrived").arg(told).arg(expected));
        QTest::qWait(100); // every channel waits again
    }
    const double p50 = percentile(delays, 0.5);
    const double p99 = percentile(delays, 0.99);
    const double reference = percentile(syncRounds, 0.5);
    report("notice_delay_p50", p50, "ms");
    report("notice_delay_p99", p99, "ms");
    report("notice_reference_sync_round_p50", reference, "ms");
    report("notice_delay_p99_to_sync_round", p99 / reference, "ratio");
    report("notice_delay_p99_target_ms", 2000, "ms");
    // A referral with a 24 h CTG attached, received by one of B's workstations, against one
    // without attachment. The others stop listening first: their notices are not measured here.
    for (const auto &channel : channels)
        channel->close();
    const QTemporaryDir receiverDir;
    auto clinicB = Database::open(receiverDir.filePath(QStringLiteral("clinic-b.db")), { QStringLiteral("clinic-b"), QStringLiteral("dr-zhao") });
    if (!clinicB)
        fail(clinicB.error().message);
    CenterConnection &zhao = *sessions.front();
    SyncEngine atB((*clinicB)->connection(), zhao);
    if (!atB.syncOnce())
        fail(QStringLiteral("clinic B's first sync failed"));
    const auto sendWith = [&](bool withTrace) {
        Patient woman;
        woman.name = withTrace ? QStringLiteral("带监护") : QStringLiteral("无附件");
        woman.birthDate = QDate(1991, 5, 5);
        Pregnancy hers;
        hers.lmp = QDate::currentDate().addDays(-270);
        if (!ClinicRecords(**clinicA).registerPregnancy(woman, hers))
            fail(QStringLiteral("cannot register"));
        Referral r;
        r.pregnancyId = hers.meta.id;
        r.targetClinic = QStringLiteral("clinic-b");
        r.reason = QStringLiteral("24 h CTG");
        if (!referrals.saveDraft(r))
            fail(QStringLiteral("cannot write a referral"));
        QString sha256;
        if (withTrace) {
            CtgTraceRecord trace;
            trace.pregnancyId = hers.meta.id;
            trace.recordedAt = QDateTime::currentDateTimeUtc().addDays(-1);
            trace.durationSeconds = 24 * 3600;
            trace.source = QStringLiteral("24h.csv");
            if (!CtgRecords(**clinicA).addTrace(trace, labourSynthesizer(24 * 3600).build()))
                fail(QStringLiteral("cannot store the 24 h trace"));
            ReferralAttachment a { {}, r.meta.id, ReferralAttachmentKind::Ctg, trace.meta.id.toString(QUuid::WithoutBraces), QStringLiteral("24 h") };
            if (!referrals.attach(a))
                fail(QStringLiteral("cannot attach"));
            sha256 = trace.dataSha256;
        }
        if (!referrals.take(r.meta.id, ReferralAction::Send) || !engine.syncOnce())
            fail(QStringLiteral("cannot send"));
        QElapsedTimer timer;
        timer.start();
        if (!atB.syncOnce())
            fail(QStringLiteral("clinic B cannot receive"));
        if (!sha256.isEmpty()) {
            BlobStore blobs((*clinicB)->connection(), zhao);
            if (!blobs.fetch(sha256))
                fail(QStringLiteral("clinic B cannot fetch the trace"));
        }
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const double plain = sendWith(false);
    const double withCtg = sendWith(true);
    report("referral_receive_without_attachment", plain, "ms");
    report("referral_receive_with_24h_ctg", withCtg, "ms");
    report("referral_receive_with_24h_ctg_to_without", withCtg / plain, "ratio");

    return 0;
}
