// Every computable item of the national 2017 table, on both sides of each boundary, exactly as
// the table states it; combinations; evidence; findings and suggestions.
#include "risk/riskengine.h"
#include "risk/riskjson.h"

#include <QTest>

namespace {
const QDate On(2026, 11, 20);

RiskAssessment assess(const QByteArray &json)
{
    auto input = RiskJson::parseInput(json);
    if (!input)
        qFatal("bad test input: %s", qPrintable(input.error().message));
    auto result = RiskEngine(RuleSet::national2017()).assess(*input);
    if (!result)
        qFatal("assessment failed: %s", qPrintable(result.error().message));
    return *result;
}

QStringList firedIds(const RiskAssessment &a)
{
    QStringList ids;
    for (const FiredRule &f : a.fired)
        ids << f.rule->id;
    return ids;
}

QByteArray withLab(const char *key, double value)
{
    return QStringLiteral(R"({"assessedOn":"2026-11-20","labs":{"%1":%2}})").arg(QLatin1String(key)).arg(value).toUtf8();
}
} // namespace

class TestRiskEngine : public QObject
{
    Q_OBJECT

private slots:
    void nothingKnownIsGreen()
    {
        const RiskAssessment a = assess(R"({"assessedOn":"2026-11-20"})");
        QCOMPARE(a.grade, QStringLiteral("green"));
        QVERIFY(!a.purple);
        QVERIFY(a.fired.isEmpty());
        QCOMPARE(a.ruleSetId, QStringLiteral("cn-nhfpc-2017"));
    }

    void ageBoundaries_data()
    {
        QTest::addColumn<QString>("birthDate");
        QTest::addColumn<QString>("grade");
        QTest::addColumn<QString>("rule");
        QTest::newRow("18 today is yellow") << "2008-11-20" << "yellow" << "yellow.1.1";
        QTest::newRow("19 today is green") << "2007-11-20" << "green" << "";
        QTest::newRow("18, 19th birthday tomorrow, is yellow") << "2007-11-21" << "yellow" << "yellow.1.1";
        QTest::newRow("34, 35th birthday tomorrow, is green") << "1991-11-21" << "green" << "";
        QTest::newRow("35 today is yellow") << "1991-11-20" << "yellow" << "yellow.1.1";
        QTest::newRow("39 is yellow") << "1986-11-21" << "yellow" << "yellow.1.1";
        QTest::newRow("40 today is orange") << "1986-11-20" << "orange" << "orange.1.1";
    }
    void ageBoundaries()
    {
        QFETCH(QString, birthDate);
        QFETCH(QString, grade);
        QFETCH(QString, rule);
        const RiskAssessment a = assess(QStringLiteral(R"({"assessedOn":"2026-11-20","birthDate":"%1"})").arg(birthDate).toUtf8());
        QCOMPARE(a.grade, grade);
        if (!rule.isEmpty())
            QVERIFY(firedIds(a).contains(rule));
    }

    void bmiBoundaries_data()
    {
        QTest::addColumn<double>("heightCm");
        QTest::addColumn<double>("weightKg");
        QTest::addColumn<QString>("grade");
        QTest::newRow("25.0 is green") << 160.0 << 64.0 << "green";
        QTest::newRow("25.04 is yellow") << 160.0 << 64.1 << "yellow";
        QTest::newRow("18.5 is green") << 160.0 << 47.36 << "green";
        QTest::newRow("18.48 is yellow") << 160.0 << 47.3 << "yellow";
        QTest::newRow("27.97 is yellow") << 160.0 << 71.6 << "yellow";
        QTest::newRow("28.0 is orange") << 160.0 << 71.68 << "orange";
        QTest::newRow("28.0 at 150 cm is orange") << 150.0 << 63.0 << "orange";
    }
    void bmiBoundaries()
    {
        QFETCH(double, heightCm);
        QFETCH(double, weightKg);
        QFETCH(QString, grade);
        const RiskAssessment a = assess(QStringLiteral(R"({"assessedOn":"2026-11-20","heightCm":%1,"weightKg":%2})")
                                            .arg(heightCm)
                                            .arg(weightKg)
                                            .toUtf8());
        QCOMPARE(a.grade, grade);
    }

    void haemoglobinBoundaries_data()
    {
        QTest::addColumn<double>("hb");
        QTest::addColumn<QString>("grade");
        QTest::addColumn<QString>("rule");
        QTest::newRow("110.1 green") << 110.1 << "green" << "";
        QTest::newRow("110 yellow (60–110)") << 110.0 << "yellow" << "yellow.2.6.2";
        QTest::newRow("109.9 yellow") << 109.9 << "yellow"
                                      << "yellow.2.6.2";
        QTest::newRow("60.1 yellow") << 60.1 << "yellow" << "yellow.2.6.2";
        QTest::newRow("60 orange (shared endpoint: higher color)") << 60.0 << "orange" << "orange.2.6";
        QTest::newRow("40.1 orange") << 40.1 << "orange" << "orange.2.6";
        QTest::newRow("40 red (≤40)") << 40.0 << "red" << "red.1.6";
        QTest::newRow("35 red") << 35.0 << "red" << "red.1.6";
    }
    void haemoglobinBoundaries()
    {
        QFETCH(double, hb);
        QFETCH(QString, grade);
        QFETCH(QString, rule);
        const RiskAssessment a = assess(withLab("hb", hb));
        QCOMPARE(a.grade, grade);
        if (!rule.isEmpty()) {
            QCOMPARE(a.fired.first().rule->id, rule);
            QCOMPARE(a.fired.first().evidence.first().input, QStringLiteral("hbGramsPerLitre"));
            QCOMPARE(a.fired.first().evidence.first().value, hb);
        } else {
            QVERIFY(a.fired.isEmpty());
        }
        // The lower color's item does not also fire at a shared endpoint.
        if (hb == 60.0)
            QVERIFY(!firedIds(a).contains(QStringLiteral("yellow.2.6.2")));
    }

    void plateletBoundaries_data()
    {
        QTest::addColumn<double>("plt");
        QTest::addColumn<QString>("grade");
        QTest::newRow("100.1 green") << 100.1 << "green";
        QTest::newRow("100 yellow") << 100.0 << "yellow";
        QTest::newRow("50.1 yellow") << 50.1 << "yellow";
        QTest::newRow("50 orange") << 50.0 << "orange";
        QTest::newRow("30 orange (30–50)") << 30.0 << "orange";
        QTest::newRow("29.9 red (<30)") << 29.9 << "red";
    }
    void plateletBoundaries()
    {
        QFETCH(double, plt);
        QFETCH(QString, grade);
        QCOMPARE(assess(withLab("plt", plt)).grade, grade);
    }

    void creatinineAgainstUpperLimit_data()
    {
        QTest::addColumn<double>("creatinine");
        QTest::addColumn<QString>("grade");
        QTest::addColumn<QString>("rule");
        QTest::newRow("= ULN green") << 80.0 << "green" << "";
        QTest::newRow("just above ULN orange") << 80.5 << "orange" << "orange.2.4";
        QTest::newRow("= 1.5 ULN orange") << 120.0 << "orange" << "orange.2.4";
        QTest::newRow("just above 1.5 ULN red") << 120.5 << "red" << "red.1.4";
    }
    void creatinineAgainstUpperLimit()
    {
        QFETCH(double, creatinine);
        QFETCH(QString, grade);
        QFETCH(QString, rule);
        const RiskAssessment a = assess(
            QStringLiteral(R"({"assessedOn":"2026-11-20","labs":{"creatinine":%1,"creatinineUpperLimit":80}})").arg(creatinine).toUtf8());
        QCOMPARE(a.grade, grade);
        if (!rule.isEmpty())
            QCOMPARE(a.fired.first().rule->id, rule);
    }

    void fetusesCount_data()
    {
        QTest::addColumn<int>("fetuses");
        QTest::addColumn<QString>("grade");
        QTest::newRow("singleton green") << 1 << "green";
        QTest::newRow("twins yellow") << 2 << "yellow";
        QTest::newRow("triplets orange") << 3 << "orange";
        QTest::newRow("quadruplets orange") << 4 << "orange";
    }
    void fetusesCount()
    {
        QFETCH(int, fetuses);
        QFETCH(QString, grade);
        QCOMPARE(assess(QStringLiteral(R"({"assessedOn":"2026-11-20","fetuses":%1})").arg(fetuses).toUtf8()).grade, grade);
    }

    void uterineScarInterval_data()
    {
        QTest::addColumn<QString>("lastSurgery");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("grade");
        QTest::newRow("17 months (one day short of 18) orange") << "2025-05-21" << 1 << "orange";
        QTest::newRow("exactly 18 months yellow") << "2025-05-20" << 1 << "yellow";
        QTest::newRow("3 years yellow (scarred uterus)") << "2023-11-20" << 1 << "yellow";
        QTest::newRow("two operations long ago orange") << "2020-01-01" << 2 << "orange";
    }
    void uterineScarInterval()
    {
        QFETCH(QString, lastSurgery);
        QFETCH(int, count);
        QFETCH(QString, grade);
        const RiskAssessment a = assess(QStringLiteral(R"({"assessedOn":"2026-11-20","uterineSurgeries":%1,"lastUterineSurgeryDate":"%2"})")
                                            .arg(count)
                                            .arg(lastSurgery)
                                            .toUtf8());
        QCOMPARE(a.grade, grade);
        QVERIFY(firedIds(a).contains(QStringLiteral("yellow.1.6")));
    }

    void noUterineOperationIsNoScar()
    {
        QCOMPARE(assess(R"({"assessedOn":"2026-11-20","uterineSurgeries":0})").grade, QStringLiteral("green"));
    }

    void positiveSerologyIsPurpleBesideTheGrade_data()
    {
        QTest::addColumn<QString>("test");
        QTest::addColumn<QString>("grade");
        QTest::newRow("HBsAg: carrier is also yellow") << "hbsag" << "yellow";
        QTest::newRow("syphilis") << "syphilis" << "green";
        QTest::newRow("HIV") << "hiv" << "green";
    }
    void positiveSerologyIsPurpleBesideTheGrade()
    {
        QFETCH(QString, test);
        QFETCH(QString, grade);
        const RiskAssessment a =
            assess(QStringLiteral(R"({"assessedOn":"2026-11-20","labs":{"%1":"positive"}})").arg(test).toUtf8());
        QVERIFY(a.purple);
        QCOMPARE(a.grade, grade);
        QVERIFY(firedIds(a).contains(QStringLiteral("purple.1")));
        const RiskAssessment negative =
            assess(QStringLiteral(R"({"assessedOn":"2026-11-20","labs":{"%1":"negative"}})").arg(test).toUtf8());
        QVERIFY(!negative.purple);
    }

    void highestColorWinsAndPurpleCoexists()
    {
        const RiskAssessment a = assess(R"({"assessedOn":"2026-11-20","birthDate":"1990-01-01","fetuses":2,
            "labs":{"hb":38,"hiv":"positive"},"findings":["orange.3.2"]})");
        QCOMPARE(a.grade, QStringLiteral("red"));
        QVERIFY(a.purple);
        QCOMPARE(a.fired.first().rule->id, QStringLiteral("red.1.6"));
        QCOMPARE(a.fired.last().rule->id, QStringLiteral("purple.1"));
        QVERIFY(firedIds(a).contains(QStringLiteral("yellow.3.1")));
        QVERIFY(firedIds(a).contains(QStringLiteral("orange.3.2")));
    }

    void tickedFindingFiresItsRule()
    {
        const RiskAssessment a = assess(R"({"assessedOn":"2026-11-20","findings":["red.1.1.4"]})");
        QCOMPARE(a.grade, QStringLiteral("red"));
        QVERIFY(a.fired.first().byFinding);
    }

    void unknownOrComputedOnlyFindingIsRefused()
    {
        auto input = RiskJson::parseInput(R"({"assessedOn":"2026-11-20","findings":["yellow.99"]})");
        QVERIFY(input);
        QCOMPARE(RiskEngine(RuleSet::national2017()).assess(*input).error().code, QStringLiteral("risk.unknown-finding"));
        input = RiskJson::parseInput(R"({"assessedOn":"2026-11-20","findings":["orange.1.1"]})");
        QCOMPARE(RiskEngine(RuleSet::national2017()).assess(*input).error().code, QStringLiteral("risk.computed-only"));
    }

    void twoRaisedPressuresSuggestHypertensiveDisorder()
    {
        const RiskAssessment one = assess(R"({"assessedOn":"2026-11-20","bp":{"systolic":142,"diastolic":88}})");
        QVERIFY(one.suggestions.isEmpty());
        const RiskAssessment two = assess(R"({"assessedOn":"2026-11-20","bpReadings":[
            {"systolic":142,"diastolic":88,"date":"2026-11-13"},{"systolic":128,"diastolic":90,"date":"2026-11-20"}]})");
        QCOMPARE(two.grade, QStringLiteral("green")); // a suggestion never grades by itself
        QCOMPARE(two.suggestions.size(), 1);
        QCOMPARE(two.suggestions.first().rule->id, QStringLiteral("yellow.3.5"));
        const RiskAssessment below = assess(R"({"assessedOn":"2026-11-20","bpReadings":[
            {"systolic":139,"diastolic":89},{"systolic":139,"diastolic":89}]})");
        QVERIFY(below.suggestions.isEmpty());
    }

    void malpresentationFrom36WeeksIsSuggested()
    {
        QCOMPARE(assess(R"({"assessedOn":"2026-11-20","gestationalWeeks":36,"presentation":"breech"})").suggestions.first().rule->id,
                 QStringLiteral("yellow.3.10"));
        QVERIFY(assess(R"({"assessedOn":"2026-11-20","gestationalWeeks":35.9,"presentation":"breech"})").suggestions.isEmpty());
        QVERIFY(assess(R"({"assessedOn":"2026-11-20","gestationalWeeks":38,"presentation":"cephalic"})").suggestions.isEmpty());
    }

    void gradingFromRecordsUsesTheLatestLabOnOrBeforeTheDate()
    {
        Patient patient;
        patient.birthDate = QDate(1995, 1, 1);
        Pregnancy pregnancy;
        pregnancy.meta.id = QUuid::createUuid();
        pregnancy.lmp = On.addDays(-200);
        LabResult old;
        old.meta.id = QUuid::createUuid();
        old.test = LabTest::Haemoglobin;
        old.takenOn = On.addDays(-60);
        old.value = 95;
        LabResult recent = old;
        recent.meta.id = QUuid::createUuid();
        recent.takenOn = On.addDays(-5);
        recent.value = 118;
        LabResult future = old;
        future.meta.id = QUuid::createUuid();
        future.takenOn = On.addDays(3);
        future.value = 55;
        const RiskInput input = RiskInput::fromRecords(patient, pregnancy, {}, {old, future, recent}, {}, On);
        QCOMPARE(input.hbGramsPerLitre->value, 118.0);
        QCOMPARE(input.hbGramsPerLitre->sourceId, recent.meta.id.toString(QUuid::WithoutBraces));
        QCOMPARE(RiskEngine(RuleSet::national2017()).assess(input)->grade, QStringLiteral("green"));
        const RiskInput earlier = RiskInput::fromRecords(patient, pregnancy, {}, {old, future, recent}, {}, On.addDays(-30));
        QCOMPARE(RiskEngine(RuleSet::national2017()).assess(earlier)->grade, QStringLiteral("yellow"));
    }
};

QTEST_GUILESS_MAIN(TestRiskEngine)
#include "tst_riskengine.moc"
