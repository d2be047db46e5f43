// Layer 2 of the risk profile: each condition under its organ system with where it was seen —
// booking, a visit, a lab, a ticked finding or the screening — and hints marked to confirm.
#include "gradingfixture.h"

namespace {
const ProfileCondition *conditionOf(const DiseaseProfile &profile, const QString &id)
{
    for (const ProfileCondition &c : profile.conditions)
        if (c.id == id)
            return &c;
    return nullptr;
}
} // namespace

class TestDiseaseProfile : public QObject
{
    Q_OBJECT

private slots:
    void anaemiaFromALabShowsUnderBloodWithTheLabAsItsSource()
    {
        GradingFixture f(QDate(1996, 6, 1));
        const QUuid lab = f.addLab(LabTest::Haemoglobin, 95, f.today.addDays(-2));
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        QVERIFY(profile);
        const ProfileCondition *anaemia = conditionOf(*profile, QStringLiteral("yellow.2.6.2"));
        QVERIFY(anaemia);
        QCOMPARE(anaemia->group, QStringLiteral("blood"));
        QVERIFY(!anaemia->toConfirm);
        QCOMPARE(anaemia->sources.size(), 1);
        QCOMPARE(anaemia->sources.first().kind, ProfileSource::Kind::Lab);
        QCOMPARE(anaemia->sources.first().date, f.today.addDays(-2));
        QCOMPARE(anaemia->sources.first().recordId, lab.toString(QUuid::WithoutBraces));
        QCOMPARE(anaemia->sources.first().evidence->value, 95.0);
    }

    void tickedCardiomyopathyShowsUnderCardiovascularAsAFindingWithWhoTickedIt()
    {
        GradingFixture f(QDate(1996, 6, 1));
        QVERIFY(f.grading->setFindings(f.chart(), {QStringLiteral("red.1.1.4")}, f.today.addDays(-1)));
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        const ProfileCondition *cardiomyopathy = conditionOf(*profile, QStringLiteral("red.1.1.4"));
        QVERIFY(cardiomyopathy);
        QCOMPARE(cardiomyopathy->group, QStringLiteral("cardiovascular"));
        QCOMPARE(cardiomyopathy->sources.first().kind, ProfileSource::Kind::Finding);
        QCOMPARE(cardiomyopathy->sources.first().date, f.today.addDays(-1));
        QCOMPARE(cardiomyopathy->sources.first().by, QStringLiteral("dr-wang"));
    }

    void raisedBloodPressureAtTwoVisitsIsAConditionToConfirmSeenAtAVisit()
    {
        GradingFixture f(QDate(1996, 6, 1));
        f.addVisit(f.today.addDays(-14), 142, 88);
        const QUuid second = f.addVisit(f.today.addDays(-7), 138, 92);
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        const ProfileCondition *hypertension = conditionOf(*profile, QStringLiteral("yellow.3.5"));
        QVERIFY(hypertension);
        QVERIFY(hypertension->toConfirm);
        QCOMPARE(hypertension->group, QStringLiteral("complications"));
        QCOMPARE(hypertension->sources.first().kind, ProfileSource::Kind::Visit);
        QCOMPARE(hypertension->sources.first().recordId, second.toString(QUuid::WithoutBraces));
        // One raised reading is not yet a hint.
        GradingFixture once(QDate(1996, 6, 1));
        once.addVisit(once.today.addDays(-7), 142, 88);
        QVERIFY(!conditionOf(*once.grading->diseaseProfile(once.chart(), once.today), QStringLiteral("yellow.3.5")));
    }

    void ageIsSeenAtBooking()
    {
        GradingFixture f(QDate(1986, 6, 1)); // 40
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        const ProfileCondition *age = conditionOf(*profile, QStringLiteral("orange.1.1"));
        QVERIFY(age);
        QCOMPARE(age->sources.first().kind, ProfileSource::Kind::Booking);
        QCOMPARE(age->sources.first().date, f.chart().pregnancy->bookingDate);
    }

    void screeningHistoryShowsUnderItsOrganSystemButAComputedAnswerARuleShowsDoesNot()
    {
        GradingFixture f(QDate(1990, 6, 1)); // 36: the age rule and the age screening item
        QVERIFY(f.grading->screening().record(f.chart(), {QStringLiteral("screen.7.1.6")}, QStringLiteral("王医生"), f.today));
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        const ProfileCondition *heart = conditionOf(*profile, QStringLiteral("screen.7.1.6"));
        QVERIFY(heart);
        QCOMPARE(heart->group, QStringLiteral("cardiovascular"));
        QCOMPARE(heart->level, QString());
        QCOMPARE(heart->sources.first().kind, ProfileSource::Kind::Screening);
        QCOMPARE(heart->sources.first().by, QStringLiteral("王医生"));
        QVERIFY(conditionOf(*profile, QStringLiteral("yellow.1.1")));
        QVERIFY(!conditionOf(*profile, QStringLiteral("screen.1.1")));
    }

    void screeningAnswerThatLedToAGradedFindingIsOneMoreSourceOfIt()
    {
        GradingFixture f(QDate(1996, 6, 1));
        QVERIFY(f.grading->screening().record(f.chart(), {QStringLiteral("screen.7.7.3")}, QStringLiteral("王医生"), f.today));
        QVERIFY(f.grading->setFindings(f.chart(), {QStringLiteral("yellow.2.7")}, f.today));
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        QVERIFY(!conditionOf(*profile, QStringLiteral("screen.7.7.3")));
        const ProfileCondition *epilepsy = conditionOf(*profile, QStringLiteral("yellow.2.7"));
        QVERIFY(epilepsy);
        QCOMPARE(epilepsy->sources.size(), 2);
        QCOMPARE(epilepsy->sources.last().kind, ProfileSource::Kind::Screening);
    }

    void organSystemsComeInTheRuleSetsOrder()
    {
        GradingFixture f(QDate(1986, 6, 1));
        f.addLab(LabTest::Haemoglobin, 95, f.today);
        QVERIFY(f.grading->setFindings(f.chart(), {QStringLiteral("yellow.3.12"), QStringLiteral("red.1.1.4")}, f.today));
        const auto profile = f.grading->diseaseProfile(f.chart(), f.today);
        QStringList groups;
        for (const ProfileCondition &c : profile->conditions)
            if (groups.isEmpty() || groups.last() != c.group)
                groups.append(c.group);
        QCOMPARE(groups.join(QLatin1Char(' ')), QStringLiteral("basic cardiovascular blood complications"));
        QCOMPARE(profile->inGroup(QStringLiteral("blood")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDiseaseProfile)
#include "tst_diseaseprofile.moc"
