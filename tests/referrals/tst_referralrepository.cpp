// The referral as the two clinics' workstations store it (schema 15, docs/referrals.md): a draft
// edited freely and frozen once sent, what sending needs, each step taken only by its side and
// only where it applies, the reasons and the return slip, the receive step after sync, and
// steps that stay as they were taken.
#include "referrals/referralrepository.h"

#include "sqlscalar.h"
#include "clijson.h"
#include "testclinic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QTest>

namespace {
using S = ReferralStatus;
using A = ReferralAction;

const QString ClinicA = QStringLiteral("clinic-a");
const QString ClinicB = QStringLiteral("clinic-b");
} // namespace

class TestReferralRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aDraftIsEditedFreelyAndFrozenOnceSent();
    void sendingNeedsATargetElsewhereAndAReason();
    void eachStepIsTakenOnlyByItsSide();
    void declineAndCancelNeedAReasonAndTheReturnSlipItsDiagnosisAndPlan();
    void aStepThatDoesNotApplyNowIsRefused();
    void aReferralGoesTheWholeWayBetweenTwoClinics();
    void theReceiverAcknowledgesEachSentReferralOnce();
    void everythingWrittenGoesToTheOutboxAndStepsStayAsTaken();
    void theCliListsAndShowsReferralsAsJson();

private:
    Referral draftTo(const QString &target);
    QUuid sentTo(const QString &target);

    std::unique_ptr<TestClinic> m_clinic; // clinic A, the sender
    // Clinic B's workstation on the same records, as if they had reached it by sync.
    std::unique_ptr<Database> m_receiverDatabase;
    std::optional<BookedWoman> m_woman;
};

void TestReferralRepository::init()
{
    m_clinic = std::make_unique<TestClinic>(QStringLiteral("dr-wang"), ClinicA);
    QVERIFY2(m_clinic->isOpen(), qPrintable(m_clinic->error()));
    m_woman = m_clinic->book(QStringLiteral("李娜"), QDate(1994, 3, 2), QDate(2026, 6, 1));
    QVERIFY(m_woman);
    auto receiver = Database::open(m_clinic->path() + QStringLiteral("/clinic.db"), { ClinicB, QStringLiteral("dr-zhou") });
    QVERIFY2(receiver, qPrintable(receiver ? QString() : receiver.error().message));
    m_receiverDatabase = std::move(*receiver);
}

void TestReferralRepository::cleanup()
{
    m_receiverDatabase.reset();
    m_clinic.reset();
}

Referral TestReferralRepository::draftTo(const QString &target)
{
    Referral r;
    r.pregnancyId = m_woman->pregnancy.meta.id;
    r.direction = ReferralDirection::Up;
    r.urgency = ReferralUrgency::Urgent;
    r.targetClinic = target;
    r.reason = QStringLiteral("血压 150/100 mmHg，尿蛋白 ++");
    r.diagnosis = QStringLiteral("子痫前期");
    r.riskColour = QStringLiteral("orange");
    r.riskItems = QStringList { QStringLiteral("子痫前期"), QStringLiteral("高龄") };
    r.summary = QStringLiteral("G2P1, 孕 28 周");
    return r;
}

QUuid TestReferralRepository::sentTo(const QString &target)
{
    ReferralRepository repository(m_clinic->database());
    Referral r = draftTo(target);
    if (!repository.saveDraft(r) || !repository.take(r.meta.id, A::Send))
        return {};
    return r.meta.id;
}

void TestReferralRepository::aDraftIsEditedFreelyAndFrozenOnceSent()
{
    ReferralRepository repository(m_clinic->database());
    Referral r = draftTo(ClinicB);
    QVERIFY(repository.saveDraft(r));
    r.urgency = ReferralUrgency::Emergency;
    r.summary = QStringLiteral("G2P1, 孕 28 周，头痛");
    QVERIFY(repository.saveDraft(r));
    ReferralAttachment trace { {}, r.meta.id, ReferralAttachmentKind::Ctg, QUuid::createUuid().toString(QUuid::WithoutBraces),
        QStringLiteral("CTG 2026-12-01") };
    ReferralAttachment lab { {}, r.meta.id, ReferralAttachmentKind::Lab, QStringLiteral("lab-1"), QStringLiteral("尿蛋白") };
    QVERIFY(repository.attach(trace));
    QVERIFY(repository.attach(lab));
    QVERIFY(repository.detach(lab));

    const auto stored = repository.find(r.meta.id);
    QVERIFY(stored && *stored);
    QCOMPARE((*stored)->urgency, ReferralUrgency::Emergency);
    QCOMPARE((*stored)->summary, r.summary);
    QCOMPARE((*stored)->riskItems, r.riskItems);
    QCOMPARE((*stored)->meta.clinicId, ClinicA);
    const auto attached = repository.attachments(r.meta.id);
    QVERIFY(attached);
    QCOMPARE(attached->size(), 1);
    QCOMPARE(attached->first().kind, ReferralAttachmentKind::Ctg);
    QCOMPARE(attached->first().label, trace.label);

    QVERIFY(repository.take(r.meta.id, A::Send));
    r.meta = (*stored)->meta;
    r.summary = QStringLiteral("changed after sending");
    const auto edited = repository.saveDraft(r);
    QVERIFY(!edited);
    QCOMPARE(edited.error().code, QStringLiteral("referral.sent"));
    ReferralAttachment late { {}, r.meta.id, ReferralAttachmentKind::Study, QStringLiteral("1.2.3"), {} };
    QCOMPARE(repository.attach(late).error().code, QStringLiteral("referral.sent"));
    QCOMPARE(repository.detach(trace).error().code, QStringLiteral("referral.sent"));
    QCOMPARE((*repository.find(r.meta.id))->summary, QStringLiteral("G2P1, 孕 28 周，头痛"));
    QCOMPARE(repository.attachments(r.meta.id)->size(), 1);
}

void TestReferralRepository::sendingNeedsATargetElsewhereAndAReason()
{
    ReferralRepository repository(m_clinic->database());
    const QList<QPair<QString, QString>> faults { { QStringLiteral("target"), QStringLiteral("referral.no-target") },
        { QStringLiteral("same"), QStringLiteral("referral.same-clinic") },
        { QStringLiteral("reason"), QStringLiteral("referral.no-reason") } };
    for (const auto &[fault, code] : faults) {
        Referral r = draftTo(ClinicB);
        if (fault == QLatin1String("target"))
            r.targetClinic.clear();
        else if (fault == QLatin1String("same"))
            r.targetClinic = ClinicA;
        else
            r.reason = QStringLiteral("  ");
        QVERIFY(repository.saveDraft(r)); // a draft may be incomplete
        const auto sent = repository.take(r.meta.id, A::Send);
        QVERIFY2(!sent, qPrintable(fault));
        QCOMPARE(sent.error().code, code);
        QVERIFY(!sent.error().message.isEmpty());
        QCOMPARE(repository.timeline(r.meta.id)->status(), S::Draft);
    }
    QCOMPARE(repository.take(QUuid::createUuid(), A::Send).error().code, QStringLiteral("referral.unknown"));
}

void TestReferralRepository::eachStepIsTakenOnlyByItsSide()
{
    const QUuid id = sentTo(ClinicB);
    QVERIFY(!id.isNull());
    ReferralRepository sender(m_clinic->database());
    ReferralRepository receiver(*m_receiverDatabase);
    for (A action : { A::Receive, A::Accept, A::Decline, A::Arrive, A::ReturnOutcome }) {
        const auto taken = sender.take(id, action, QStringLiteral("reason"));
        QVERIFY2(!taken, qPrintable(ReferralSteps::key(action)));
        QCOMPARE(taken.error().code, QStringLiteral("referral.wrong-side"));
    }
    for (A action : { A::Send, A::Close, A::Cancel }) {
        const auto taken = receiver.take(id, action, QStringLiteral("reason"));
        QVERIFY2(!taken, qPrintable(ReferralSteps::key(action)));
        QCOMPARE(taken.error().code, QStringLiteral("referral.wrong-side"));
    }
    // A third clinic is on neither side.
    auto third = Database::open(m_clinic->path() + QStringLiteral("/clinic.db"), { QStringLiteral("clinic-c"), QStringLiteral("dr-li") });
    QVERIFY(third);
    QCOMPARE(ReferralRepository(**third).take(id, A::Accept).error().code, QStringLiteral("referral.wrong-side"));
    QCOMPARE(sender.timeline(id)->status(), S::Sent);
}

void TestReferralRepository::declineAndCancelNeedAReasonAndTheReturnSlipItsDiagnosisAndPlan()
{
    const QUuid id = sentTo(ClinicB);
    ReferralRepository sender(m_clinic->database());
    ReferralRepository receiver(*m_receiverDatabase);
    QCOMPARE(receiver.take(id, A::Decline, QStringLiteral(" ")).error().code, QStringLiteral("referral.no-step-reason"));
    QCOMPARE(sender.take(id, A::Cancel).error().code, QStringLiteral("referral.no-step-reason"));
    QCOMPARE(receiver.take(id, A::Accept, {}, ReferralOutcome { QStringLiteral("x"), {}, {}, {}, {} }).error().code,
        QStringLiteral("referral.outcome-misplaced"));
    QVERIFY(receiver.take(id, A::Accept));
    QVERIFY(receiver.take(id, A::Arrive));
    ReferralOutcome outcome { QStringLiteral("重度子痫前期"), QStringLiteral("硫酸镁解痉，降压"), {}, {}, {} };
    QCOMPARE(receiver.take(id, A::ReturnOutcome, {}, outcome).error().code, QStringLiteral("referral.no-outcome-plan"));
    outcome.plan = QStringLiteral("34 周终止妊娠");
    outcome.diagnosis.clear();
    QCOMPARE(receiver.take(id, A::ReturnOutcome, {}, outcome).error().code, QStringLiteral("referral.no-outcome-diagnosis"));
    QCOMPARE(sender.timeline(id)->status(), S::Arrived);
}

void TestReferralRepository::aStepThatDoesNotApplyNowIsRefused()
{
    const QUuid id = sentTo(ClinicB);
    ReferralRepository sender(m_clinic->database());
    ReferralRepository receiver(*m_receiverDatabase);
    const auto early = receiver.take(id, A::Arrive);
    QVERIFY(!early);
    QCOMPARE(early.error().code, QStringLiteral("referral.not-applicable"));
    QCOMPARE(sender.take(id, A::Send).error().code, QStringLiteral("referral.not-applicable"));
    QCOMPARE(sender.take(id, A::Close).error().code, QStringLiteral("referral.not-applicable"));
    QVERIFY(sender.take(id, A::Cancel, QStringLiteral("她已去上级医院")));
    QCOMPARE(receiver.take(id, A::Accept).error().code, QStringLiteral("referral.not-applicable"));
    QCOMPARE(sender.timeline(id)->status(), S::Cancelled);
}

void TestReferralRepository::aReferralGoesTheWholeWayBetweenTwoClinics()
{
    const QUuid id = sentTo(ClinicB);
    ReferralRepository sender(m_clinic->database());
    ReferralRepository receiver(*m_receiverDatabase);
    QCOMPARE(*receiver.acknowledgeArrivals(), 1);
    QVERIFY(receiver.take(id, A::Accept));
    QVERIFY(receiver.take(id, A::Arrive));
    const ReferralOutcome outcome { QStringLiteral("重度子痫前期"), QStringLiteral("硫酸镁解痉，降压"),
        QStringLiteral("34 周终止妊娠"), QStringLiteral("产后回社区随访血压"), {} };
    QVERIFY(receiver.take(id, A::ReturnOutcome, {}, outcome));
    QVERIFY(sender.take(id, A::Close));

    const auto timeline = sender.timeline(id);
    QVERIFY(timeline);
    QCOMPARE(timeline->status(), S::Closed);
    QList<A> actions;
    QStringList clinics;
    for (const ReferralTimeline::Entry &entry : timeline->entries()) {
        actions << entry.step.action;
        clinics << entry.step.clinicId;
        QVERIFY(entry.applied);
        QVERIFY(entry.step.at.isValid());
    }
    QCOMPARE(actions, (QList<A> { A::Send, A::Receive, A::Accept, A::Arrive, A::ReturnOutcome, A::Close }));
    QCOMPARE(clinics, (QStringList { ClinicA, ClinicB, ClinicB, ClinicB, ClinicB, ClinicA }));
    QCOMPARE(timeline->entries().at(4).step.author, QStringLiteral("dr-zhou"));
    const ReferralOutcome returned = timeline->entries().at(4).step.outcome;
    QCOMPARE(returned.diagnosis, outcome.diagnosis);
    QCOMPARE(returned.treatment, outcome.treatment);
    QCOMPARE(returned.plan, outcome.plan);
    QCOMPARE(returned.advice, outcome.advice);
    QVERIFY(timeline->reachedAt(S::Accepted));
}

void TestReferralRepository::theReceiverAcknowledgesEachSentReferralOnce()
{
    ReferralRepository sender(m_clinic->database());
    ReferralRepository receiver(*m_receiverDatabase);
    Referral draft = draftTo(ClinicB);
    QVERIFY(sender.saveDraft(draft)); // not sent: nothing to acknowledge
    const QUuid toB = sentTo(ClinicB);
    const QUuid toC = sentTo(QStringLiteral("clinic-c"));
    QCOMPARE(*receiver.awaitingReceipt(), QList<QUuid> { toB });
    QCOMPARE(*receiver.acknowledgeArrivals(), 1);
    QCOMPARE(*receiver.acknowledgeArrivals(), 0);
    QCOMPARE(sender.timeline(toB)->status(), S::Received);
    QCOMPARE(sender.timeline(toC)->status(), S::Sent);
    QCOMPARE(sender.timeline(draft.meta.id)->status(), S::Draft);
}

void TestReferralRepository::everythingWrittenGoesToTheOutboxAndStepsStayAsTaken()
{
    const QUuid id = sentTo(ClinicB);
    const QSqlDatabase db = m_clinic->database().connection();
    QCOMPARE(sqlNumber(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'referral'")), 1);
    QCOMPARE(sqlNumber(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'referral_step' "
                                          "AND json_extract(fields, '$.action') = 'send' AND json_extract(fields, '$.referral_id') = '%1'")
                               .arg(id.toString(QUuid::WithoutBraces))),
        1);
    QCOMPARE(sqlScalar(db, QStringLiteral("SELECT json_extract(fields, '$.target_clinic') FROM sync_outbox WHERE table_name = 'referral'")).toString(),
        ClinicB);
    // The referral is queued before its step, so the center meets them in that order.
    QVERIFY(sqlNumber(db, QStringLiteral("SELECT min(rowid) FROM sync_outbox WHERE table_name = 'referral'"))
        < sqlNumber(db, QStringLiteral("SELECT min(rowid) FROM sync_outbox WHERE table_name = 'referral_step'")));
    QSqlQuery change(db);
    QVERIFY(!change.exec(QStringLiteral("UPDATE referral_step SET action = 'cancel'")));
    QVERIFY(change.lastError().text().contains(QStringLiteral("append-only")));
    QCOMPARE(ReferralRepository(m_clinic->database()).timeline(id)->status(), S::Sent);
}

void TestReferralRepository::theCliListsAndShowsReferralsAsJson()
{
    const QUuid id = sentTo(ClinicB);
    QVERIFY(ReferralRepository(*m_receiverDatabase).take(id, A::Decline, QStringLiteral("床位已满")));
    const QString db = m_clinic->path() + QStringLiteral("/clinic.db");
    int exitCode = -1;
    const QJsonObject listed = cliJson({ QStringLiteral("referral"), QStringLiteral("list"), QStringLiteral("--db"), db }, &exitCode);
    QCOMPARE(exitCode, 0);
    const QJsonArray referrals = listed.value(QStringLiteral("referrals")).toArray();
    QCOMPARE(referrals.size(), 1);
    const QJsonObject row = referrals.first().toObject();
    QCOMPARE(row.value(QStringLiteral("woman")).toString(), QStringLiteral("李娜"));
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("declined"));
    QCOMPARE(row.value(QStringLiteral("toClinic")).toString(), ClinicB);
    QCOMPARE(row.value(QStringLiteral("urgency")).toString(), QStringLiteral("urgent"));

    const QJsonObject shown = cliJson({ QStringLiteral("referral"), QStringLiteral("show"), QStringLiteral("--db"), db,
                                      QStringLiteral("--id"), id.toString(QUuid::WithoutBraces) },
        &exitCode);
    QCOMPARE(exitCode, 0);
    const QJsonArray steps = shown.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("decline"));
    QCOMPARE(steps.at(1).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("床位已满"));
    QCOMPARE(steps.at(1).toObject().value(QStringLiteral("clinic")).toString(), ClinicB);

    cliJson({ QStringLiteral("referral"), QStringLiteral("show"), QStringLiteral("--db"), db, QStringLiteral("--id"),
            QUuid::createUuid().toString(QUuid::WithoutBraces) },
        &exitCode);
    QCOMPARE(exitCode, 1);
    cliJson({ QStringLiteral("referral"), QStringLiteral("list"), QStringLiteral("--db"), db + QStringLiteral(".missing") }, &exitCode);
    QCOMPARE(exitCode, 1);
    cliJson({ QStringLiteral("referral"), QStringLiteral("show"), QStringLiteral("--db"), db }, &exitCode);
    QCOMPARE(exitCode, 2);

    const QJsonObject figures = cliJson({ QStringLiteral("referral"), QStringLiteral("figures"), QStringLiteral("--db"), db }, &exitCode);
    QCOMPARE(exitCode, 0);
    const QJsonObject counted = figures.value(QStringLiteral("figures")).toArray().first().toObject();
    QCOMPARE(counted.value(QStringLiteral("sent")).toInt(), 1);
    QCOMPARE(counted.value(QStringLiteral("declined")).toInt(), 1);
    QCOMPARE(counted.value(QStringLiteral("toClinic")).toString(), ClinicB);
    cliJson({ QStringLiteral("referral"), QStringLiteral("figures"), QStringLiteral("--db"), db, QStringLiteral("--from"),
            QStringLiteral("yesterday") },
        &exitCode);
    QCOMPARE(exitCode, 2);
}

QTEST_GUILESS_MAIN(TestReferralRepository)
#include "tst_referralrepository.moc"
