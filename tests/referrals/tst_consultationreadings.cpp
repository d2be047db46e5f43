// A CTG or ultrasound reading consultation answered by what the consultant signs in the viewer
// (docs/referrals.md): the consultation that awaits a trace or a study is found by what is
// attached and what it asks for; a signed interpretation or report answers it once, with its
// text as the opinion and the signed record named; an unsigned one is refused, one signed by
// the asking clinic answers nothing, a report filed under another woman is refused; a reading never
// answers a referral's return slip; `obslink-cli consultation list|show` print it as JSON.
#include "referrals/consultationreadings.h"

#include "clijson.h"
#include "testclinic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace {
using S = ReferralStatus;
using A = ReferralAction;
const QString ClinicA = QStringLiteral("clinic-a");
const QString Center = QStringLiteral("center");
const QString StudyUid = QStringLiteral("1.2.826.0.1.3680043.8.498.1001");

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

CtgInterpretation signedInterpretation(const QUuid &traceId, const QString &text)
{
    CtgInterpretation i;
    i.meta.id = QUuid::createUuid();
    i.meta.clinicId = Center; // signed by the consultant
    i.traceId = traceId;
    i.text = text;
    i.signedBy = QStringLiteral("dr-chen");
    i.signedAt = QDateTime::currentDateTimeUtc();
    return i;
}
} // namespace

class TestConsultationReadings : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestClinic> m_clinic;
    std::unique_ptr<Database> m_centerDatabase; // the same file, as the consultant's workstation
    QUuid m_pregnancyId;
    const QUuid m_traceId = QUuid::createUuid();

    QUuid asked(ConsultationKind kind, ReferralAttachmentKind attachedKind, const QString &item, ReferralPurpose purpose = ReferralPurpose::Consultation)
    {
        ReferralRepository asking(m_clinic->database());
        Referral c;
        c.purpose = purpose;
        c.consultationKind = kind;
        c.pregnancyId = m_pregnancyId;
        c.targetClinic = Center;
        c.urgency = ReferralUrgency::Urgent;
        c.reason = QStringLiteral("变异减少，请判读");
        if (!asking.saveDraft(c))
            return {};
        ReferralAttachment a { {}, c.meta.id, attachedKind, item, QStringLiteral("NST 20 分钟") };
        if (!asking.attach(a) || !asking.take(c.meta.id, A::Send))
            return {};
        return c.meta.id;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_clinic = std::make_unique<TestClinic>(QStringLiteral("dr-wang"), ClinicA);
        QVERIFY(m_clinic->isOpen());
        const auto woman = m_clinic->book(QStringLiteral("高雅"), QDate(1990, 7, 7), QDate::currentDate().addDays(-250));
        QVERIFY(woman);
        m_pregnancyId = woman->pregnancy.meta.id;
        auto atCenter = Database::open(m_clinic->path() + QStringLiteral("/clinic.db"), { Center, QStringLiteral("dr-chen") });
        QVERIFY(atCenter);
        m_centerDatabase = std::move(*atCenter);
    }

    void aSignedInterpretationAnswersTheCtgReadingThatAttachedTheTraceOnce()
    {
        const QUuid general = asked(ConsultationKind::General, ReferralAttachmentKind::Ctg, idText(m_traceId));
        const QUuid reading = asked(ConsultationKind::CtgReading, ReferralAttachmentKind::Ctg, idText(m_traceId));
        QVERIFY(!general.isNull() && !reading.isNull());
        ReferralRepository consultant(*m_centerDatabase);
        ConsultationReadings readings(consultant);
        // A general opinion is written in its form, not signed in the viewer.
        const auto awaiting = readings.awaitingTrace(m_traceId);
        QVERIFY(awaiting && *awaiting);
        QCOMPARE((*awaiting)->meta.id, reading);
        QVERIFY(readings.awaitingTrace(QUuid::createUuid()) && !*readings.awaitingTrace(QUuid::createUuid()));
        // The asking clinic cannot answer its own consultation by reading the trace.
        ReferralRepository askingRepository(m_clinic->database());
        QVERIFY(!*ConsultationReadings(askingRepository).awaitingTrace(m_traceId));

        CtgInterpretation draft = signedInterpretation(m_traceId, QStringLiteral("草稿"));
        draft.signedAt = {};
        QCOMPARE(readings.answer(draft).error().code, QStringLiteral("referral.reading-unsigned"));
        QCOMPARE(consultant.timeline(reading)->status(), S::Sent);

        // The asking clinic's own interpretation, come with the trace, answers nothing.
        CtgInterpretation theirs = signedInterpretation(m_traceId, QStringLiteral("社区医生的判读"));
        theirs.meta.clinicId = ClinicA;
        const auto notAnswer = readings.answer(theirs);
        QVERIFY(notAnswer && !*notAnswer);
        QCOMPARE(consultant.timeline(reading)->status(), S::Sent);

        const CtgInterpretation signedOne = signedInterpretation(m_traceId, QStringLiteral(" 基线 140，变异减少，NICHD II 类；建议 30 分钟后复查 "));
        const auto answered = readings.answer(signedOne);
        QVERIFY(answered && *answered);
        QCOMPARE((*answered)->action, A::ReturnOutcome);
        const auto timeline = ReferralRepository(m_clinic->database()).timeline(reading);
        QCOMPARE(timeline->status(), S::OutcomeReturned);
        const ReferralStep &opinion = timeline->entries().constLast().step;
        QCOMPARE(opinion.outcome.diagnosis, QStringLiteral("基线 140，变异减少，NICHD II 类；建议 30 分钟后复查"));
        QCOMPARE(opinion.outcome.reading.kind, ReadingKind::CtgInterpretation);
        QCOMPARE(opinion.outcome.reading.recordId, signedOne.meta.id);
        QCOMPARE(opinion.clinicId, Center);
        QCOMPARE(consultant.timeline(general)->status(), S::Sent);

        // Answered: a later interpretation of the same trace answers nothing more.
        QVERIFY(!*readings.awaitingTrace(m_traceId));
        const auto again = readings.answer(signedInterpretation(m_traceId, QStringLiteral("复查")));
        QVERIFY(again && !*again);
        QCOMPARE(ReferralRepository(m_clinic->database()).steps(reading)->size(), 2);
    }

    void aSignedReportAnswersTheUltrasoundReadingWithItsImpression()
    {
        const QUuid reading = asked(ConsultationKind::UltrasoundReading, ReferralAttachmentKind::Study, StudyUid);
        QVERIFY(!reading.isNull());
        ReferralRepository consultant(*m_centerDatabase);
        ConsultationReadings readings(consultant);
        QVERIFY(!*readings.awaitingTrace(m_traceId));
        QCOMPARE((*readings.awaitingStudy(StudyUid))->meta.id, reading);
        UltrasoundReport report;
        report.meta.id = QUuid::createUuid();
        report.meta.clinicId = Center;
        report.pregnancyId = QUuid::createUuid(); // filed under another woman
        report.studyInstanceUid = StudyUid;
        report.findings = QStringLiteral("单活胎，头位");
        report.impression = QStringLiteral("宫内妊娠，单活胎，估测孕周 35 周，羊水偏少");
        QCOMPARE(readings.answer(report).error().code, QStringLiteral("referral.reading-unsigned"));
        report.signedBy = QStringLiteral("dr-chen");
        report.signedAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(readings.answer(report).error().code, QStringLiteral("referral.reading-other-woman"));
        report.pregnancyId = m_pregnancyId;
        const auto answered = readings.answer(report);
        QVERIFY(answered && *answered);
        QCOMPARE((*answered)->outcome.diagnosis, report.impression);
        QCOMPARE((*answered)->outcome.reading.kind, ReadingKind::UltrasoundReport);
        const auto steps = ReferralRepository(m_clinic->database()).steps(reading);
        QCOMPARE(steps->constLast().outcome.reading.recordId, report.meta.id);
        QCOMPARE(steps->constLast().outcome.reading.kind, ReadingKind::UltrasoundReport);
    }

    void aReadingNeverAnswersAReferralsReturnSlip()
    {
        const QUuid referral = asked(ConsultationKind::General, ReferralAttachmentKind::Ctg, idText(m_traceId), ReferralPurpose::Referral);
        ReferralRepository consultant(*m_centerDatabase);
        QVERIFY(consultant.take(referral, A::Accept));
        QVERIFY(consultant.take(referral, A::Arrive));
        ReferralOutcome slip { QStringLiteral("子痫前期"), QStringLiteral("解痉"), QStringLiteral("住院"), {}, {} };
        slip.reading = { ReadingKind::CtgInterpretation, QUuid::createUuid() };
        QCOMPARE(consultant.take(referral, A::ReturnOutcome, {}, slip).error().code, QStringLiteral("referral.reading-misplaced"));
        // Not the referral's: a consultation that names no reading record is refused too.
        const QUuid reading = asked(ConsultationKind::CtgReading, ReferralAttachmentKind::Ctg, idText(QUuid::createUuid()));
        ReferralOutcome unnamed { QStringLiteral("意见"), {}, {}, {}, { ReadingKind::CtgInterpretation, {} } };
        QCOMPARE(consultant.take(reading, A::ReturnOutcome, {}, unnamed).error().code, QStringLiteral("referral.reading-unknown"));
    }

    void theCliListsConsultationsApartFromReferrals()
    {
        const QString db = m_clinic->path() + QStringLiteral("/clinic.db");
        int exitCode = -1;
        const QJsonArray consultations
            = cliJson({ QStringLiteral("consultation"), QStringLiteral("list"), QStringLiteral("--db"), db }, &exitCode)
                  .value(QStringLiteral("consultations"))
                  .toArray();
        QCOMPARE(exitCode, 0);
        QCOMPARE(consultations.size(), 4); // the referral of the test before is not one
        QString answeredId;
        for (const QJsonValue &row : consultations) {
            const QJsonObject c = row.toObject();
            QCOMPARE(c.value(QStringLiteral("purpose")).toString(), QStringLiteral("consultation"));
            QVERIFY(!c.value(QStringLiteral("dueBy")).toString().isEmpty());
            QVERIFY(c.contains(QStringLiteral("overdue")));
            if (c.value(QStringLiteral("consultationKind")).toString() == QLatin1String("ctg-reading")
                && c.value(QStringLiteral("status")).toString() == QLatin1String("outcome-returned"))
                answeredId = c.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!answeredId.isEmpty());
        const QJsonObject shown = cliJson({ QStringLiteral("consultation"), QStringLiteral("show"), QStringLiteral("--db"), db,
                                          QStringLiteral("--id"), answeredId },
            &exitCode);
        QCOMPARE(exitCode, 0);
        const QJsonObject opinion = shown.value(QStringLiteral("steps")).toArray().last().toObject();
        QCOMPARE(opinion.value(QStringLiteral("action")).toString(), QStringLiteral("return-outcome"));
        QCOMPARE(opinion.value(QStringLiteral("signedReading")).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("ctg-interpretation"));

        const QJsonArray referrals
            = cliJson({ QStringLiteral("referral"), QStringLiteral("list"), QStringLiteral("--db"), db }, &exitCode)
                  .value(QStringLiteral("referrals"))
                  .toArray();
        QCOMPARE(referrals.size(), 1);
        // A consultation is not shown as a referral, and consultations have no figures command.
        cliJson({ QStringLiteral("referral"), QStringLiteral("show"), QStringLiteral("--db"), db, QStringLiteral("--id"), answeredId }, &exitCode);
        QCOMPARE(exitCode, 1);
        cliJson({ QStringLiteral("consultation"), QStringLiteral("figures"), QStringLiteral("--db"), db }, &exitCode);
        QCOMPARE(exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestConsultationReadings)
#include "tst_consultationreadings.moc"
