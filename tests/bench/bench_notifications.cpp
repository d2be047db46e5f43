// Live notices (docs/referrals.md): 50 workstations of clinic B wait at a real obslink-center
// over loopback HTTPS (PostgreSQL when OBSLINK_TEST_POSTGRES is set, else SQLite) while clinic A
// sends emergency referrals, one per round; the delay from A's sync starting to each of B's
// workstations being told to sync (p50, p99; target p99 < 2 s), printed beside the reference
// measured in the same run: A's whole sync round (push and pull) for that referral.
#include "referrals/referralrepository.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/centerconnection.h"
#include "sync/notificationchannel.h"
#include "sync/syncengine.h"
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

void report(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what)
{
    qFatal("bench_notifications: %s", qPrintable(what));
}

double percentile(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[qsizetype(q * double(values.size() - 1))];
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
    return 0;
}
