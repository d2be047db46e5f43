// Remote consultation (远程会诊) on the referral's records (docs/referrals.md): its life cycle
// (answered with an opinion or declined from sent or received, closed once read; never accepted
// or arrived), stored with its kind, the opinion required, response-time targets by urgency with
// overdue and in-time answers, and the figures that keep consultations apart from referrals.
#include "referrals/referralindicators.h"
#include "referrals/responsetargets.h"

#include "testclinic.h"

#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

namespace {
using S = ReferralStatus;
using A = ReferralAction;
constexpr auto Consultation = ReferralPurpose::Consultation;
const QString ClinicA = QStringLiteral("clinic-a");
const QDateTime Sent(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

ReferralStep step(A action, int minutes)
{
    ReferralStep s;
    s.id = QUuid::createUuid();
    s.action = action;
    s.at = Sent.addSecs(minutes * 60);
    return s;
}
} // namespace

class TestConsultation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("tst_consultation"));
    }

    void aConsultationIsAnsweredNotAcceptedAndClosedOnceRead()
    {
        QCOMPARE(ReferralSteps::next(S::Sent, A::Accept, Consultation), std::nullopt);
        QCOMPARE(ReferralSteps::next(S::Received, A::Arrive, Consultation), std::nullopt);
        QCOMPARE(ReferralSteps::next(S::Sent, A::ReturnOutcome, Consultation), S::OutcomeReturned);
        QCOMPARE(ReferralSteps::next(S::Received, A::ReturnOutcome, Consultation), S::OutcomeReturned);
        QCOMPARE(ReferralSteps::next(S::Received, A::Decline, Consultation), S::Declined);
        QCOMPARE(ReferralSteps::next(S::OutcomeReturned, A::Close, Consultation), S::Closed);
        QCOMPARE(ReferralSteps::next(S::Received, A::Cancel, Consultation), S::Cancelled);
        QCOMPARE(ReferralSteps::next(S::OutcomeReturned, A::Cancel, Consultation), std::nullopt);
        // A referral still needs her to be accepted and to arrive before its return slip.
        QCOMPARE(ReferralSteps::next(S::Received, A::ReturnOutcome), std::nullopt);
        const ReferralTimeline answered = ReferralTimeline::of(
            { step(A::Send, 0), step(A::Receive, 1), step(A::ReturnOutcome, 20), step(A::Close, 30) }, Consultation);
        QCOMPARE(answered.status(), S::Closed);
        QVERIFY(answered.concurrent().isEmpty());
    }

    void aConsultationIsStoredWithItsKindAndItsOpinionIsRequired()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), ClinicA);
        QVERIFY(clinic.isOpen());
        const auto woman = clinic.book(QStringLiteral("高雅"), QDate(1990, 7, 7), QDate::currentDate().addDays(-250));
        QVERIFY(woman);
        auto atCenter = Database::open(clinic.path() + QStringLiteral("/clinic.db"), { QStringLiteral("center"), QStringLiteral("dr-chen") });
        QVERIFY(atCenter);
        ReferralRepository asking(clinic.database());
        ReferralRepository consultant(**atCenter);
        Referral c;
        c.purpose = Consultation;
        c.consultationKind = ConsultationKind::CtgReading;
        c.pregnancyId = woman->pregnancy.meta.id;
        c.targetClinic = QStringLiteral("center");
        c.urgency = ReferralUrgency::Urgent;
        c.reason = QStringLiteral("胎心监护变异减少，请判读");
        QVERIFY(asking.saveDraft(c));
        QVERIFY(asking.take(c.meta.id, A::Send));
        const auto stored = consultant.find(c.meta.id);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->purpose, Consultation);
        QCOMPARE((*stored)->consultationKind, ConsultationKind::CtgReading);
        QCOMPARE(consultant.take(c.meta.id, A::Accept).error().code, QStringLiteral("referral.not-applicable"));
        QCOMPARE(consultant.take(c.meta.id, A::ReturnOutcome).error().code, QStringLiteral("referral.no-opinion"));
        QVERIFY(consultant.take(c.meta.id, A::ReturnOutcome, {}, ReferralOutcome { QStringLiteral("NICHD II 类，建议 30 分钟后复查"), {}, {}, {}, {} }));
        QCOMPARE(asking.timeline(c.meta.id)->status(), S::OutcomeReturned);
        QVERIFY(asking.take(c.meta.id, A::Close)); // read
        QCOMPARE(asking.timeline(c.meta.id)->status(), S::Closed);
    }

    void responseTargetsFlagLateConsultationsOnly()
    {
        const ResponseTargets targets; // 30 min, 4 h, 24 h
        Referral c;
        c.purpose = Consultation;
        c.urgency = ReferralUrgency::Emergency;
        const ReferralTimeline waiting = ReferralTimeline::of({ step(A::Send, 0), step(A::Receive, 2) }, Consultation);
        QCOMPARE(*targets.dueBy(c, waiting), Sent.addSecs(30 * 60));
        QVERIFY(!targets.isOverdue(c, waiting, Sent.addSecs(29 * 60)));
        QVERIFY(targets.isOverdue(c, waiting, Sent.addSecs(31 * 60)));
        const ReferralTimeline quick = ReferralTimeline::of({ step(A::Send, 0), step(A::ReturnOutcome, 25) }, Consultation);
        QVERIFY(targets.answeredInTime(c, quick));
        QVERIFY(!targets.isOverdue(c, quick, Sent.addSecs(60 * 60)));
        c.urgency = ReferralUrgency::Routine;
        const ReferralTimeline slow = ReferralTimeline::of({ step(A::Send, 0), step(A::Decline, 25 * 60) }, Consultation);
        QVERIFY(!targets.answeredInTime(c, slow));
        c.purpose = ReferralPurpose::Referral; // referrals have no response-time target
        QCOMPARE(targets.dueBy(c, waiting), std::nullopt);
        QVERIFY(!targets.isOverdue(c, waiting, Sent.addDays(3)));
    }

    void theRegionsTargetsComeFromTheSettingsAndNonsenseKeepsTheDefaults()
    {
        QSettings settings;
        settings.beginGroup(QStringLiteral("consultations"));
        settings.setValue(QStringLiteral("emergencyMinutes"), 20);
        settings.setValue(QStringLiteral("urgentMinutes"), QStringLiteral("soon"));
        settings.setValue(QStringLiteral("routineMinutes"), -5);
        settings.endGroup();
        const ResponseTargets targets = ResponseTargets::fromSettings();
        QCOMPARE(targets.emergencyMinutes, 20);
        QCOMPARE(targets.urgentMinutes, 4 * 60);
        QCOMPARE(targets.routineMinutes, 24 * 60);
        settings.remove(QStringLiteral("consultations"));
    }

    void theFiguresKeepConsultationsApartAndCountAnswersInTime()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), ClinicA);
        QVERIFY(clinic.isOpen());
        const auto woman = clinic.book(QStringLiteral("田甜"), QDate(1991, 8, 8), QDate::currentDate().addDays(-220));
        QVERIFY(woman);
        auto atCenter = Database::open(clinic.path() + QStringLiteral("/clinic.db"), { QStringLiteral("center"), QStringLiteral("dr-chen") });
        QVERIFY(atCenter);
        ReferralRepository asking(clinic.database());
        ReferralRepository consultant(**atCenter);
        for (ReferralPurpose purpose : { ReferralPurpose::Referral, Consultation }) {
            Referral r;
            r.purpose = purpose;
            r.pregnancyId = woman->pregnancy.meta.id;
            r.targetClinic = QStringLiteral("center");
            r.reason = QStringLiteral("请会诊");
            QVERIFY(asking.saveDraft(r));
            QVERIFY(asking.take(r.meta.id, A::Send));
            if (purpose == Consultation)
                QVERIFY(consultant.take(r.meta.id, A::ReturnOutcome, {}, ReferralOutcome { QStringLiteral("意见"), {}, {}, {}, {} }));
        }
        const QDate today = QDate::currentDate();
        const auto figures = ReferralIndicators::compute(asking, today.addDays(-1), today.addDays(1));
        QVERIFY(figures);
        QCOMPARE(figures->size(), 2);
        for (const ReferralFigures &f : *figures) {
            QCOMPARE(f.sent, 1);
            QCOMPARE(f.answeredInTime, f.purpose == Consultation ? 1 : 0);
            QCOMPARE(f.outcomeReturned, f.purpose == Consultation ? 1 : 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestConsultation)
#include "tst_consultation.moc"
