// The region's referral figures (ReferralIndicators): counted per month of sending and pair of
// clinics, drafts and referrals outside the period left out, accepted / declined / cancelled /
// answered counted once each, and the median hours of each stage from the steps' own times.
#include "referrals/referralindicators.h"

#include "sqlscalar.h"
#include "testclinic.h"

#include <QSqlQuery>
#include <QTest>

namespace {
using A = ReferralAction;
const QString ClinicA = QStringLiteral("clinic-a");
const QString ClinicB = QStringLiteral("clinic-b");
} // namespace

class TestReferralIndicators : public QObject
{
    Q_OBJECT

private slots:
    void theMedianOfOddAndEvenCountsAndOfNothing()
    {
        QCOMPARE(ReferralIndicators::median({}), std::nullopt);
        QCOMPARE(*ReferralIndicators::median({ 5, 1, 3 }), 3.0);
        QCOMPARE(*ReferralIndicators::median({ 4, 1, 3, 2 }), 2.5);
    }

    void referralsAreCountedPerMonthAndPairWithTheirStageTimes()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), ClinicA);
        QVERIFY(clinic.isOpen());
        const auto woman = clinic.book(QStringLiteral("郑洁"), QDate(1992, 2, 2), QDate::currentDate().addDays(-150));
        QVERIFY(woman);
        auto atB = Database::open(clinic.path() + QStringLiteral("/clinic.db"), { ClinicB, QStringLiteral("dr-zhou") });
        QVERIFY(atB);
        ReferralRepository sender(clinic.database());
        ReferralRepository receiver(**atB);
        const auto referral = [&](const QString &to) {
            Referral r;
            r.pregnancyId = woman->pregnancy.meta.id;
            r.targetClinic = to;
            r.reason = QStringLiteral("复查");
            return sender.saveDraft(r) ? r.meta.id : QUuid();
        };
        const QUuid accepted = referral(ClinicB);
        const QUuid declined = referral(ClinicB);
        const QUuid cancelled = referral(ClinicB);
        const QUuid elsewhere = referral(QStringLiteral("center"));
        const QUuid draft = referral(ClinicB);
        QVERIFY(!draft.isNull());
        for (const QUuid &id : { accepted, declined, cancelled, elsewhere })
            QVERIFY(sender.take(id, A::Send));
        QVERIFY(receiver.take(accepted, A::Accept));
        QVERIFY(receiver.take(declined, A::Decline, QStringLiteral("无床位")));
        QVERIFY(sender.take(cancelled, A::Cancel, QStringLiteral("已转他院")));
        // Accepted two hours after it was sent, as the steps' own times say.
        QSqlQuery later(clinic.database().connection());
        QVERIFY(later.exec(QStringLiteral("UPDATE sync_control SET applying = 1")));
        QVERIFY(later.exec(QStringLiteral("UPDATE referral_step SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                                          "(SELECT created_at FROM referral_step s WHERE s.referral_id = referral_step.referral_id "
                                          "AND s.action = 'send'), '+2 hours') WHERE action = 'accept'")));
        QVERIFY(later.exec(QStringLiteral("UPDATE sync_control SET applying = 0")));

        const QDate today = QDate::currentDate();
        const auto figures = ReferralIndicators::compute(sender, today.addDays(-1), today.addDays(1));
        QVERIFY(figures);
        QCOMPARE(figures->size(), 2); // to clinic B, to the center
        const ReferralFigures toB = figures->at(0).toClinic == ClinicB ? figures->at(0) : figures->at(1);
        QCOMPARE(toB.month, today.toString(QStringLiteral("yyyy-MM")));
        QCOMPARE(toB.fromClinic, ClinicA);
        QCOMPARE(toB.sent, 3); // the draft is not counted
        QCOMPARE(toB.accepted, 1);
        QCOMPARE(toB.declined, 1);
        QCOMPARE(toB.cancelled, 1);
        QCOMPARE(toB.outcomeReturned, 0);
        QVERIFY(toB.medianHoursToAcceptance);
        QVERIFY2(std::abs(*toB.medianHoursToAcceptance - 2.0) < 0.01, qPrintable(QString::number(*toB.medianHoursToAcceptance)));
        QCOMPARE(toB.medianHoursToOutcome, std::nullopt);

        const auto before = ReferralIndicators::compute(sender, today.addDays(-60), today.addDays(-30));
        QVERIFY(before);
        QVERIFY(before->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReferralIndicators)
#include "tst_referralindicators.moc"
