// The referral life cycle (docs/referrals.md): which side takes which step, every action from
// every status, the reasons a decline and a cancel need, the stable keys, and a referral's
// history rebuilt from steps taken on two sides while apart: all kept, the order agreed, a step
// that met a status it did not apply to shown as such, a step seen twice counted once.
#include "referrals/referraltimeline.h"

#include <QTest>

namespace {
using S = ReferralStatus;
using A = ReferralAction;

const QDateTime Start(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

ReferralStep step(A action, int minutes, const QString &clinic = QStringLiteral("clinic-a"))
{
    return { QUuid::createUuid(), QUuid(), action, clinic, QStringLiteral("dr-wang"),
        Start.addSecs(minutes * 60), {}, {} };
}

const QList<S> AllStatuses { S::Draft, S::Sent, S::Received, S::Accepted, S::Declined, S::Arrived,
    S::OutcomeReturned, S::Closed, S::Cancelled };
const QList<A> AllActions { A::Send, A::Receive, A::Accept, A::Decline, A::Arrive, A::ReturnOutcome, A::Close,
    A::Cancel };
} // namespace

class TestReferralTimeline : public QObject
{
    Q_OBJECT

private slots:
    void everyActionFromEveryStatus_data();
    void everyActionFromEveryStatus();
    void eachActionBelongsToOneSideAndOnlyDeclineAndCancelNeedAReason();
    void keysRoundTripAndUnknownKeysAreRefused();
    void aReferralThatGoesWellReachesEachStatusInTurn();
    void aCancelWhileTheReceiverAcceptsKeepsBothAndSaysWhichCameFirst();
    void stepsArrivingInAnyOrderGiveTheSameHistory();
    void aStepSeenTwiceCountsOnce();
};

void TestReferralTimeline::everyActionFromEveryStatus_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("to"); // -1: does not apply
    // The whole table: what is not listed does not apply.
    const QMap<QPair<S, A>, S> allowed {
        { { S::Draft, A::Send }, S::Sent },
        { { S::Draft, A::Cancel }, S::Cancelled },
        { { S::Sent, A::Receive }, S::Received },
        { { S::Sent, A::Accept }, S::Accepted },
        { { S::Sent, A::Decline }, S::Declined },
        { { S::Sent, A::Cancel }, S::Cancelled },
        { { S::Received, A::Receive }, S::Received },
        { { S::Received, A::Accept }, S::Accepted },
        { { S::Received, A::Decline }, S::Declined },
        { { S::Received, A::Cancel }, S::Cancelled },
        { { S::Accepted, A::Receive }, S::Accepted },
        { { S::Accepted, A::Arrive }, S::Arrived },
        { { S::Accepted, A::Cancel }, S::Cancelled },
        { { S::Declined, A::Receive }, S::Declined },
        { { S::Declined, A::Close }, S::Closed },
        { { S::Arrived, A::Receive }, S::Arrived },
        { { S::Arrived, A::ReturnOutcome }, S::OutcomeReturned },
        { { S::OutcomeReturned, A::Receive }, S::OutcomeReturned },
        { { S::OutcomeReturned, A::Close }, S::Closed },
        { { S::Closed, A::Receive }, S::Closed },
        { { S::Cancelled, A::Receive }, S::Cancelled },
    };
    for (S from : AllStatuses)
        for (A action : AllActions) {
            const auto to = allowed.constFind({ from, action });
            QTest::addRow(
                "%s %s", qPrintable(ReferralSteps::key(from)), qPrintable(ReferralSteps::key(action)))
                << int(from) << int(action) << (to == allowed.cend() ? -1 : int(*to));
        }
}

void TestReferralTimeline::everyActionFromEveryStatus()
{
    QFETCH(int, from);
    QFETCH(int, action);
    QFETCH(int, to);
    const auto next = ReferralSteps::next(S(from), A(action));
    QCOMPARE(next ? int(*next) : -1, to);
}

void TestReferralTimeline::eachActionBelongsToOneSideAndOnlyDeclineAndCancelNeedAReason()
{
    for (A action : { A::Send, A::Close, A::Cancel })
        QCOMPARE(ReferralSteps::sideOf(action), ReferralSide::Sender);
    for (A action : { A::Receive, A::Accept, A::Decline, A::Arrive, A::ReturnOutcome })
        QCOMPARE(ReferralSteps::sideOf(action), ReferralSide::Receiver);
    for (A action : AllActions)
        QCOMPARE(ReferralSteps::needsReason(action), action == A::Decline || action == A::Cancel);
    for (S status : AllStatuses)
        QCOMPARE(ReferralSteps::isFinal(status), status == S::Closed || status == S::Cancelled);
}

void TestReferralTimeline::keysRoundTripAndUnknownKeysAreRefused()
{
    QSet<QString> keys;
    for (S status : AllStatuses) {
        QCOMPARE(ReferralSteps::statusFromKey(ReferralSteps::key(status)), std::optional<S>(status));
        QVERIFY(!ReferralSteps::label(status).isEmpty());
        keys.insert(ReferralSteps::key(status));
    }
    QCOMPARE(keys.size(), AllStatuses.size());
    keys.clear();
    for (A action : AllActions) {
        QCOMPARE(ReferralSteps::actionFromKey(ReferralSteps::key(action)), std::optional<A>(action));
        keys.insert(ReferralSteps::key(action));
    }
    QCOMPARE(keys.size(), AllActions.size());
    QCOMPARE(ReferralSteps::key(S::OutcomeReturned), QStringLiteral("outcome-returned"));
    QCOMPARE(ReferralSteps::key(A::ReturnOutcome), QStringLiteral("return-outcome"));
    QVERIFY(!ReferralSteps::statusFromKey(QStringLiteral("Sent")));
    QVERIFY(!ReferralSteps::actionFromKey(QString()));
}

void TestReferralTimeline::aReferralThatGoesWellReachesEachStatusInTurn()
{
    const ReferralTimeline timeline = ReferralTimeline::of({ step(A::Send, 0),
        step(A::Receive, 2, QStringLiteral("center")), step(A::Accept, 30, QStringLiteral("center")),
        step(A::Arrive, 24 * 60, QStringLiteral("center")),
        step(A::ReturnOutcome, 3 * 24 * 60, QStringLiteral("center")), step(A::Close, 3 * 24 * 60 + 60) });
    QCOMPARE(timeline.status(), S::Closed);
    QVERIFY(timeline.concurrent().isEmpty());
    QCOMPARE(timeline.entries().size(), 6);
    QCOMPARE(timeline.reachedAt(S::Sent), std::optional<QDateTime>(Start));
    QCOMPARE(timeline.reachedAt(S::Accepted), std::optional<QDateTime>(Start.addSecs(30 * 60)));
    QVERIFY(!timeline.reachedAt(S::Declined));
}

void TestReferralTimeline::aCancelWhileTheReceiverAcceptsKeepsBothAndSaysWhichCameFirst()
{
    ReferralStep cancel = step(A::Cancel, 40);
    cancel.reason = QStringLiteral("她已在本院分娩");
    const ReferralStep accept = step(A::Accept, 45, QStringLiteral("center"));
    const ReferralTimeline cancelledFirst = ReferralTimeline::of(
        { step(A::Send, 0), step(A::Receive, 5, QStringLiteral("center")), cancel, accept });
    QCOMPARE(cancelledFirst.status(), S::Cancelled);
    QCOMPARE(cancelledFirst.entries().size(), 4);
    QCOMPARE(cancelledFirst.concurrent().size(), 1);
    QCOMPARE(cancelledFirst.concurrent().first().step.id, accept.id);
    QCOMPARE(cancelledFirst.concurrent().first().metStatus, S::Cancelled);
    QCOMPARE(cancelledFirst.entries()[2].step.reason, cancel.reason);

    // The acceptance first: both apply, the referral ends cancelled and nothing is left over.
    ReferralStep lateCancel = cancel;
    lateCancel.at = accept.at.addSecs(60);
    const ReferralTimeline acceptedFirst = ReferralTimeline::of({ step(A::Send, 0), accept, lateCancel });
    QCOMPARE(acceptedFirst.status(), S::Cancelled);
    QVERIFY(acceptedFirst.concurrent().isEmpty());
    QCOMPARE(acceptedFirst.entries()[1].statusAfter, S::Accepted);
}

void TestReferralTimeline::stepsArrivingInAnyOrderGiveTheSameHistory()
{
    QList<ReferralStep> steps { step(A::Send, 0), step(A::Decline, 10, QStringLiteral("center")),
        step(A::Accept, 10, QStringLiteral("center-2")), step(A::Close, 20) };
    const ReferralTimeline first = ReferralTimeline::of(steps);
    std::reverse(steps.begin(), steps.end());
    const ReferralTimeline reversed = ReferralTimeline::of(steps);
    QCOMPARE(first.status(), reversed.status());
    QCOMPARE(first.entries().size(), reversed.entries().size());
    for (qsizetype i = 0; i < first.entries().size(); ++i)
        QCOMPARE(first.entries()[i].step.id, reversed.entries()[i].step.id);
    // Two answers in the same second: one applies, the other is kept as having met it.
    QCOMPARE(first.concurrent().size(), first.status() == S::Closed ? 1 : 2);
}

void TestReferralTimeline::aStepSeenTwiceCountsOnce()
{
    const ReferralStep send = step(A::Send, 0);
    const ReferralTimeline timeline
        = ReferralTimeline::of({ send, send, step(A::Accept, 5, QStringLiteral("center")) });
    QCOMPARE(timeline.entries().size(), 2);
    QCOMPARE(timeline.status(), S::Accepted);
    QVERIFY(timeline.concurrent().isEmpty());
}

QTEST_GUILESS_MAIN(TestReferralTimeline)
#include "tst_referraltimeline.moc"
