// What each grade calls for comes from the rule set (level of care) and the case settings
// (case management, reporting deadline, contact interval), not from code.
#include "grading/managementguidance.h"

#include <QJsonDocument>
#include <QTest>

class TestManagementGuidance : public QObject
{
    Q_OBJECT

private slots:
    void greenIsRoutineCareWithoutCaseManagement()
    {
        const auto g = ManagementGuidance::of(RuleSet::national2017(), CaseSettings::defaults(), QStringLiteral("green"), false);
        QCOMPARE(g.care.zh, QStringLiteral("常规孕产期保健服务。"));
        QVERIFY(!g.dedicatedCaseManagement);
        QVERIFY(!g.reportingDays);
        QVERIFY(!g.followUpIntervalDays);
    }

    void orangeIsManagedAndReportedWithinTheSettingsDeadline()
    {
        const auto g = ManagementGuidance::of(RuleSet::national2017(), CaseSettings::defaults(), QStringLiteral("orange"), false);
        QVERIFY(g.care.en.contains(QStringLiteral("critical maternal care center")));
        QVERIFY(g.dedicatedCaseManagement);
        QCOMPARE(g.reportingDays.value_or(-1), 3);
        QCOMPARE(g.followUpIntervalDays.value_or(-1), 14);
        QVERIFY(g.purpleCare.zh.isEmpty());
    }

    void aRegionThatReportsWithin7WorkingDaysIsFollowed()
    {
        auto settings = CaseSettings::fromJson(R"({"version":"r1","managedLevels":["red"],"reportableLevels":["red"],
            "reportingDays":7,"reportingCountsWorkingDaysOnly":true})");
        QVERIFY2(settings, qPrintable(settings ? QString() : settings.error().message));
        const auto red = ManagementGuidance::of(RuleSet::national2017(), *settings, QStringLiteral("red"), false);
        QCOMPARE(red.reportingDays.value_or(-1), 7);
        QVERIFY(red.reportingCountsWorkingDaysOnly);
        const auto orange = ManagementGuidance::of(RuleSet::national2017(), *settings, QStringLiteral("orange"), false);
        QVERIFY(!orange.dedicatedCaseManagement);
        QVERIFY(!orange.reportingDays);
    }

    void purpleBesideYellowAddsInfectiousDiseaseCareAndCaseManagement()
    {
        const auto g = ManagementGuidance::of(RuleSet::national2017(), CaseSettings::defaults(), QStringLiteral("yellow"), true);
        QVERIFY(g.care.zh.contains(QStringLiteral("二级以上")));
        QVERIFY(g.purpleCare.zh.contains(QStringLiteral("母婴传播")));
        QVERIFY(g.dedicatedCaseManagement);
        QCOMPARE(g.reportingDays.value_or(-1), 3);
    }

    void notGradedCallsForNothingYet()
    {
        const auto g = ManagementGuidance::of(RuleSet::national2017(), CaseSettings::defaults(), QString(), false);
        QVERIFY(g.care.zh.isEmpty());
        QVERIFY(!g.dedicatedCaseManagement);
    }
};

QTEST_GUILESS_MAIN(TestManagementGuidance)
#include "tst_managementguidance.moc"
