// The closed loop's rules: reporting deadlines, follow-up scheduling, legal transitions and
// the required fields of each way a case can end.
#include "cases/caselifecycle.h"
#include "cases/reportingclock.h"

#include <QTest>

namespace {
CaseOutcome completeDelivery()
{
    CaseOutcome o;
    o.kind = CaseOutcome::Kind::Delivery;
    o.date = QDate(2026, 9, 1);
    o.gestationalAge = GestationalAge::fromWeeksAndDays(38, 2);
    o.mode = QStringLiteral("caesarean");
    o.place = QStringLiteral("市妇幼保健院");
    o.placeLevel = QStringLiteral("tertiary");
    o.maternalOutcome = QStringLiteral("well");
    o.bloodLossMl = 400;
    o.newborns = { Newborn { QStringLiteral("female"), 3150, 9, 10, QStringLiteral("live") } };
    o.postpartumCheckOn = QDate(2026, 10, 13);
    return o;
}
} // namespace

class TestCaseLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void defaultSettingsLoadAndMatchTheDocumentedDefaults()
    {
        const CaseSettings s = CaseSettings::defaults();
        QCOMPARE(s.reportingDays, 3);
        QCOMPARE(s.intervalDaysFor(QStringLiteral("red"), false), 7);
        QCOMPARE(s.intervalDaysFor(QStringLiteral("orange"), false), 14);
        QCOMPARE(
            s.intervalDaysFor(QStringLiteral("yellow"), true), 14); // purple is followed at least fortnightly
        QVERIFY(s.isManaged(QStringLiteral("orange"), false));
        QVERIFY(s.isManaged(QStringLiteral("green"), true));
        QVERIFY(!s.isManaged(QStringLiteral("yellow"), false));
        // Level of care per color (2017 rules): red delivers at a tertiary hospital, yellow and
        // orange at a secondary one or higher, green anywhere.
        QCOMPARE(s.requiredDeliveryLevel(QStringLiteral("red"), false), QStringLiteral("tertiary"));
        QCOMPARE(s.requiredDeliveryLevel(QStringLiteral("orange"), true), QStringLiteral("secondary"));
        QCOMPARE(s.requiredDeliveryLevel(QStringLiteral("green"), false), QString());
        QVERIFY(CaseSettings::hospitalRank(QStringLiteral("secondary"))
            < CaseSettings::hospitalRank(QStringLiteral("tertiary")));
    }

    void settingsWithImpossibleValuesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("negative days") << QByteArray(R"({"reportingDays": -1})");
        QTest::newRow("fractional days") << QByteArray(R"({"reportingDays": 2.5})");
        QTest::newRow("zero interval") << QByteArray(R"({"followUpIntervalDays": {"red": 0}})");
        QTest::newRow("escalation before grace")
            << QByteArray(R"({"lostToFollowUpGraceDays": 10, "escalateToDoctorAfterDays": 5})");
        QTest::newRow("unknown hospital level")
            << QByteArray(R"({"deliveryHospitalLevel": {"red": "county"}})");
    }
    void settingsWithImpossibleValuesAreRefused()
    {
        QFETCH(QByteArray, json);
        const auto settings = CaseSettings::fromJson(json);
        QVERIFY(!settings);
        QVERIFY(settings.error().code.startsWith(QLatin1String("cases.settings")));
        QVERIFY(!settings.error().message.isEmpty());
    }

    void reportingDeadlineCountsCalendarDaysAcrossMonthAndYearEnds_data()
    {
        QTest::addColumn<QDate>("graded");
        QTest::addColumn<QDate>("deadline");
        QTest::newRow("mid-month") << QDate(2026, 11, 10) << QDate(2026, 11, 13);
        QTest::newRow("month end") << QDate(2026, 11, 29) << QDate(2026, 12, 2);
        QTest::newRow("year end") << QDate(2026, 12, 30) << QDate(2027, 1, 2);
        QTest::newRow("leap February") << QDate(2028, 2, 27) << QDate(2028, 3, 1);
        QTest::newRow("plain February") << QDate(2027, 2, 27) << QDate(2027, 3, 2);
    }
    void reportingDeadlineCountsCalendarDaysAcrossMonthAndYearEnds()
    {
        QFETCH(QDate, graded);
        QFETCH(QDate, deadline);
        QCOMPARE(ReportingClock::deadline(graded, 3, false), deadline);
    }

    void reportingDeadlineInWorkingDaysSkipsWeekends_data()
    {
        QTest::addColumn<QDate>("graded");
        QTest::addColumn<QDate>("deadline");
        QTest::newRow("Monday") << QDate(2026, 11, 16) << QDate(2026, 11, 19);
        QTest::newRow("Thursday to Tuesday") << QDate(2026, 11, 19) << QDate(2026, 11, 24);
        QTest::newRow("Friday to Wednesday") << QDate(2026, 11, 20) << QDate(2026, 11, 25);
        QTest::newRow("Saturday to Wednesday") << QDate(2026, 11, 21) << QDate(2026, 11, 25);
        QTest::newRow("across month end") << QDate(2026, 10, 30) << QDate(2026, 11, 4);
    }
    void reportingDeadlineInWorkingDaysSkipsWeekends()
    {
        QFETCH(QDate, graded);
        QFETCH(QDate, deadline);
        QCOMPARE(ReportingClock::deadline(graded, 3, true), deadline);
    }

    void reportIsOverdueOnlyAfterTheDeadlineDay()
    {
        const QDate deadline(2026, 11, 13);
        QCOMPARE(ReportingClock::status(deadline, {}, QDate(2026, 11, 13)), ReportingStatus::Due);
        QCOMPARE(ReportingClock::status(deadline, {}, QDate(2026, 11, 14)), ReportingStatus::Overdue);
        QCOMPARE(ReportingClock::status(deadline, QDate(2026, 11, 14), QDate(2026, 11, 20)),
            ReportingStatus::Reported);
        QCOMPARE(ReportingClock::status({}, {}, QDate(2026, 11, 20)), ReportingStatus::NotRequired);
    }

    void redCaseOpensWithDeadlineAndWeeklyContact()
    {
        const CaseSettings s = CaseSettings::defaults();
        const CaseFile c
            = CaseLifecycle::open(QUuid::createUuid(), QStringLiteral("red"), false, QDate(2026, 11, 10), s);
        QCOMPARE(c.status, CaseFile::Status::Open);
        QCOMPARE(c.reportDueOn, QDate(2026, 11, 13));
        QCOMPARE(CaseLifecycle::firstContact(c, {}, s).dueOn, QDate(2026, 11, 17));
        // An antenatal visit sooner than the interval is the contact.
        QCOMPARE(CaseLifecycle::firstContact(c, QDate(2026, 11, 12), s).dueOn, QDate(2026, 11, 12));
    }

    void yellowCaseOpenedByANurseHasNothingToReport()
    {
        const CaseFile c = CaseLifecycle::open(QUuid::createUuid(), QStringLiteral("yellow"), false,
            QDate(2026, 11, 10), CaseSettings::defaults());
        QVERIFY(!c.reportDueOn.isValid());
    }

    void recordingAContactSchedulesTheNextOne()
    {
        const CaseSettings s = CaseSettings::defaults();
        CaseFile c = CaseLifecycle::open(
            QUuid::createUuid(), QStringLiteral("orange"), false, QDate(2026, 11, 1), s);
        FollowUpContact pending = CaseLifecycle::firstContact(c, {}, s);
        FollowUpContact recorded;
        recorded.kind = ContactKind::PhoneCall;
        recorded.doneOn = QDate(2026, 11, 16);
        recorded.outcome = QStringLiteral("reached");
        recorded.advice = QStringLiteral("监测血压");
        auto next = CaseLifecycle::recordContact(c, pending, recorded, QDate(2026, 11, 20), {}, s);
        QVERIFY(next);
        QVERIFY(!pending.isPending());
        QCOMPARE(pending.dueOn, QDate(2026, 11, 15)); // the schedule is kept for the record
        QCOMPARE(next->dueOn, QDate(2026, 11, 30)); // orange: fortnightly
        QVERIFY(next->isPending());
        // Recording the same contact twice is refused.
        QVERIFY(!CaseLifecycle::recordContact(c, pending, recorded, QDate(2026, 11, 20), {}, s));
    }

    void contactInTheFutureOrWithoutOutcomeIsRefused()
    {
        const CaseSettings s = CaseSettings::defaults();
        CaseFile c
            = CaseLifecycle::open(QUuid::createUuid(), QStringLiteral("red"), false, QDate(2026, 11, 1), s);
        FollowUpContact pending = CaseLifecycle::firstContact(c, {}, s);
        FollowUpContact recorded;
        recorded.doneOn = QDate(2026, 11, 21);
        recorded.outcome = QStringLiteral("reached");
        QCOMPARE(CaseLifecycle::recordContact(c, pending, recorded, QDate(2026, 11, 20), {}, s).error().code,
            QStringLiteral("cases.contact-date"));
        recorded.doneOn = QDate(2026, 11, 20);
        recorded.outcome.clear();
        QCOMPARE(CaseLifecycle::recordContact(c, pending, recorded, QDate(2026, 11, 20), {}, s).error().code,
            QStringLiteral("cases.contact-outcome"));
    }

    void closureRequiresEveryDeliveryField()
    {
        CaseFile c = CaseLifecycle::open(
            QUuid::createUuid(), QStringLiteral("red"), false, QDate(2026, 6, 1), CaseSettings::defaults());
        CaseOutcome incomplete = completeDelivery();
        incomplete.bloodLossMl.reset();
        incomplete.newborns[0].apgar5.reset();
        const auto errors = CaseOutcomeValidator::validate(incomplete, c.openedOn, QDate(2026, 11, 20));
        QCOMPARE(errors.size(), 2);
        QVERIFY(!CaseLifecycle::close(c, incomplete, QDate(2026, 11, 20)));
        QCOMPARE(c.status, CaseFile::Status::Open);
        QVERIFY(CaseLifecycle::close(c, completeDelivery(), QDate(2026, 11, 20)));
        QCOMPARE(c.status, CaseFile::Status::Closed);
    }

    void closureBeforeThe42DayCheckIsRefused()
    {
        CaseOutcome o = completeDelivery();
        o.postpartumCheckOn = o.date.addDays(27);
        QCOMPARE(CaseOutcomeValidator::validate(o, QDate(2026, 6, 1), QDate(2026, 11, 20)).first().field,
            QStringLiteral("postpartumCheck"));
        o.maternalOutcome = QStringLiteral("died"); // no 42-day check after a maternal death
        QVERIFY(CaseOutcomeValidator::validate(o, QDate(2026, 6, 1), QDate(2026, 11, 20)).isEmpty());
    }

    void otherEndsHaveTheirOwnRequiredFields_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("missingField");
        QTest::newRow("miscarriage") << int(CaseOutcome::Kind::Miscarriage)
                                     << QStringLiteral("gestationalAge");
        QTest::newRow("termination") << int(CaseOutcome::Kind::Termination)
                                     << QStringLiteral("gestationalAge");
        QTest::newRow("transfer out") << int(CaseOutcome::Kind::TransferOut) << QStringLiteral("destination");
        QTest::newRow("death") << int(CaseOutcome::Kind::MaternalDeath) << QStringLiteral("cause");
    }
    void otherEndsHaveTheirOwnRequiredFields()
    {
        QFETCH(int, kind);
        QFETCH(QString, missingField);
        CaseOutcome o;
        o.kind = static_cast<CaseOutcome::Kind>(kind);
        o.date = QDate(2026, 8, 1);
        const auto errors = CaseOutcomeValidator::validate(o, QDate(2026, 6, 1), QDate(2026, 11, 20));
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().field, missingField);
    }

    void closedCaseChangesOnlyThroughAnAuditedAmendment()
    {
        const CaseSettings s = CaseSettings::defaults();
        CaseFile c
            = CaseLifecycle::open(QUuid::createUuid(), QStringLiteral("red"), false, QDate(2026, 6, 1), s);
        QVERIFY(
            !CaseLifecycle::amendClosure(c, completeDelivery(), QStringLiteral("typo"), QDate(2026, 11, 20)));
        QVERIFY(CaseLifecycle::close(c, completeDelivery(), QDate(2026, 11, 20)));
        QVERIFY(!CaseLifecycle::close(c, completeDelivery(), QDate(2026, 11, 20)));
        FollowUpContact pending = CaseLifecycle::firstContact(c, {}, s);
        FollowUpContact recorded;
        recorded.doneOn = QDate(2026, 11, 20);
        recorded.outcome = QStringLiteral("reached");
        QCOMPARE(CaseLifecycle::recordContact(c, pending, recorded, QDate(2026, 11, 20), {}, s).error().code,
            QStringLiteral("cases.closed"));
        QVERIFY(!CaseLifecycle::regrade(c, QStringLiteral("orange"), false, QDate(2026, 11, 20), s));

        CaseOutcome corrected = completeDelivery();
        corrected.bloodLossMl = 1200;
        QCOMPARE(CaseLifecycle::amendClosure(c, corrected, QString(), QDate(2026, 11, 21)).error().code,
            QStringLiteral("cases.amendment-reason"));
        const auto amendment = CaseLifecycle::amendClosure(
            c, corrected, QStringLiteral("出血量录入错误"), QDate(2026, 11, 21));
        QVERIFY(amendment);
        QVERIFY(amendment->beforeJson.contains(QLatin1String("\"bloodLossMl\":400")));
        QVERIFY(amendment->afterJson.contains(QLatin1String("\"bloodLossMl\":1200")));
        QCOMPARE(c.outcome->bloodLossMl, std::optional<int>(1200));
    }

    void escalationToRedRestartsAnUnreportedClock()
    {
        const CaseSettings s = CaseSettings::defaults();
        CaseFile c = CaseLifecycle::open(
            QUuid::createUuid(), QStringLiteral("orange"), false, QDate(2026, 11, 1), s);
        QVERIFY(CaseLifecycle::regrade(c, QStringLiteral("red"), false, QDate(2026, 11, 10), s));
        QCOMPARE(c.reportDueOn, QDate(2026, 11, 13));
        QVERIFY(CaseLifecycle::markReported(c, QDate(2026, 11, 11), QDate(2026, 11, 11)));
        QVERIFY(CaseLifecycle::regrade(c, QStringLiteral("red"), true, QDate(2026, 11, 15), s));
        QCOMPARE(c.reportDueOn, QDate(2026, 11, 13)); // already reported: the clock stays
    }

    void outcomeSurvivesJsonRoundTrip()
    {
        const CaseOutcome o = completeDelivery();
        const auto back = CaseOutcome::fromJson(o.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), o.toJson());
    }
};

QTEST_GUILESS_MAIN(TestCaseLifecycle)
#include "tst_caselifecycle.moc"
