// The national screening form (2017 attachment 1) is complete as data, the record answers the
// items it can with evidence at the exact boundaries of the form, and a form file with a
// mistake is refused with a message that names it.
#include "risk/screeningchecklist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QDate On(2026, 11, 20);

QJsonObject minimalForm()
{
    return QJsonDocument::fromJson(R"({
        "id": "test-screening", "version": "1", "ruleSet": "cn-nhfpc-2017",
        "parts": [{"id":"basic","label":{"zh":"基本情况","en":"Basic information"}}],
        "sections": [{"id":"1","part":"basic","label":{"zh":"基本情况","en":"Basic information"}}],
        "items": [{"id":"screen.1.1","section":"1","group":"basic","label":{"zh":"年龄≥35岁","en":"Age ≥35"},
                   "condition":{"input":"ageYears","atLeast":35},"suggests":["yellow.1.5"]}]
    })").object();
}

QJsonObject withItemField(QJsonObject form, const QString &key, const QJsonValue &value)
{
    QJsonArray items = form.value(QStringLiteral("items")).toArray();
    QJsonObject item = items.first().toObject();
    item.insert(key, value);
    items.replace(0, item);
    form.insert(QStringLiteral("items"), items);
    return form;
}

QString loadError(const QJsonObject &form)
{
    const auto loaded = ScreeningChecklist::fromJson(QJsonDocument(form).toJson(), RuleSet::national2017());
    return loaded ? QString() : loaded.error().message;
}

RiskInput womanAged(int years)
{
    RiskInput in;
    in.assessedOn = On;
    in.birthDate = On.addYears(-years);
    return in;
}

QStringList answeredIds(const QList<ScreeningAnswer> &answers)
{
    QStringList ids;
    for (const ScreeningAnswer &a : answers)
        ids.append(a.item->id);
    return ids;
}
} // namespace

class TestScreeningChecklist : public QObject
{
    Q_OBJECT

private slots:
    void nationalFormHasEverySectionOfAttachment1()
    {
        const ScreeningChecklist &form = ScreeningChecklist::national2017();
        QCOMPARE(form.ruleSetId, RuleSet::national2017().id);
        QStringList sections;
        for (const ScreeningSection &s : form.sections)
            sections.append(s.id);
        QCOMPARE(sections.join(QLatin1Char(' ')), QStringLiteral("1 2 3 4 5 7.1 7.2 7.3 7.4 7.5 7.6 7.7 7.8 6"));
        // 1: 4 items, 2: 5, 3: 6, 4: 4, 5: 3, 6: 8, 7.1–7.8: 7+4+2+3+4+3+4+1.
        QCOMPARE(form.items.size(), 4 + 5 + 6 + 4 + 3 + 8 + 7 + 4 + 2 + 3 + 4 + 3 + 4 + 1);
        QCOMPARE(form.itemsOf(QStringLiteral("6")).size(), 8);
        QVERIFY(form.item(QStringLiteral("screen.7.8.1")));
        QVERIFY(form.item(QStringLiteral("screen.1.2"))->condition);
    }

    void ageOf35Or18AnswersTheAgeItemAndNot34Or19()
    {
        const ScreeningChecklist &form = ScreeningChecklist::national2017();
        for (const auto &[age, answered] : {std::pair{35, true}, std::pair{34, false}, std::pair{18, true}, std::pair{19, false}}) {
            const auto answers = form.answersFromRecord(womanAged(age));
            QCOMPARE(answeredIds(answers).contains(QStringLiteral("screen.1.1")), answered);
        }
        const auto answers = form.answersFromRecord(womanAged(35));
        QCOMPARE(answers.first().evidence.first().input, QStringLiteral("ageYears"));
        QCOMPARE(answers.first().evidence.first().value, 35.0);
        QVERIFY(answers.first().fromRecord);
    }

    void heightOf145AndHaemoglobinBelow110AndPlateletsOf100AreAnsweredFromTheRecord()
    {
        const ScreeningChecklist &form = ScreeningChecklist::national2017();
        RiskInput in = womanAged(28);
        in.heightCm = Measurement{145, On, QStringLiteral("pregnancy-1")};
        in.hbGramsPerLitre = Measurement{109, On, QStringLiteral("lab-hb")};
        in.plateletsE9PerLitre = Measurement{100, On, QStringLiteral("lab-plt")};
        QStringList ids = answeredIds(form.answersFromRecord(in));
        QVERIFY(ids.contains(QStringLiteral("screen.1.2")));
        QVERIFY(ids.contains(QStringLiteral("screen.6.1")));
        QVERIFY(ids.contains(QStringLiteral("screen.6.2")));
        in.heightCm->value = 146;
        in.hbGramsPerLitre->value = 110;
        in.plateletsE9PerLitre->value = 101;
        ids = answeredIds(form.answersFromRecord(in));
        QVERIFY(!ids.contains(QStringLiteral("screen.1.2")));
        QVERIFY(!ids.contains(QStringLiteral("screen.6.1")));
        QVERIFY(!ids.contains(QStringLiteral("screen.6.2")));
    }

    void recordAnswersNoOnlyWhereItKnowsTheValue()
    {
        const ScreeningChecklist &form = ScreeningChecklist::national2017();
        RiskInput in = womanAged(28);
        in.hbGramsPerLitre = Measurement{125, On, QStringLiteral("lab-hb")};
        const QStringList no = form.noFromRecord(in);
        QVERIFY(no.contains(QStringLiteral("screen.1.1")));  // age known: 28
        QVERIFY(no.contains(QStringLiteral("screen.6.1")));  // Hb 125
        QVERIFY(!no.contains(QStringLiteral("screen.6.2"))); // no platelet count yet: unknown, not no
        QVERIFY(!no.contains(QStringLiteral("screen.7.1.5"))); // no blood pressure yet
        QVERIFY(!no.contains(QStringLiteral("screen.2.1"))); // the record cannot answer it
    }

    void nothingAnsweredIsScreenNegative()
    {
        const auto result = ScreeningChecklist::national2017().evaluate(womanAged(28), {});
        QVERIFY(result);
        QVERIFY(!result->positive);
        QVERIFY(result->answers.isEmpty());
    }

    void oneTickedItemIsScreenPositiveAndSuggestsItsAssessmentItems()
    {
        const auto result = ScreeningChecklist::national2017().evaluate(womanAged(28), {QStringLiteral("screen.7.7.3")});
        QVERIFY(result);
        QVERIFY(result->positive);
        QCOMPARE(result->answers.size(), 1);
        QVERIFY(!result->answers.first().fromRecord);
        QCOMPARE(result->suggestedRules, QStringList{QStringLiteral("yellow.2.7")});
    }

    void positiveSyphilisScreenIsAnsweredFromTheLab()
    {
        RiskInput in = womanAged(28);
        in.syphilisPositive = Measurement{1, On, QStringLiteral("lab-syphilis")};
        const auto result = ScreeningChecklist::national2017().evaluate(in, {});
        QVERIFY(result->positive);
        QCOMPARE(answeredIds(result->answers), QStringList{QStringLiteral("screen.6.3")});
        QCOMPARE(result->answers.first().evidence.first().sourceId, QStringLiteral("lab-syphilis"));
    }

    void tickedItemNotOnTheFormIsRefused()
    {
        const auto result = ScreeningChecklist::national2017().evaluate(womanAged(28), {QStringLiteral("screen.99")});
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("risk.screening-item"));
    }

    void minimalFormLoads() { QCOMPARE(loadError(minimalForm()), QString()); }

    void mistakesAreRefusedWithTheirName_data()
    {
        QTest::addColumn<QJsonObject>("form");
        QTest::addColumn<QString>("named");
        QJsonObject other = minimalForm();
        other.insert(QStringLiteral("ruleSet"), QStringLiteral("zj-2018"));
        QTest::newRow("another rule set") << other << QStringLiteral("zj-2018");
        QTest::newRow("unknown section") << withItemField(minimalForm(), QStringLiteral("section"), QStringLiteral("9")) << QStringLiteral("\"9\"");
        QTest::newRow("unknown group") << withItemField(minimalForm(), QStringLiteral("group"), QStringLiteral("heart")) << QStringLiteral("heart");
        QTest::newRow("suggests an unknown item")
            << withItemField(minimalForm(), QStringLiteral("suggests"), QJsonArray{QStringLiteral("yellow.9.9")}) << QStringLiteral("yellow.9.9");
        QTest::newRow("suggests a computed item")
            << withItemField(minimalForm(), QStringLiteral("suggests"), QJsonArray{QStringLiteral("yellow.1.1")}) << QStringLiteral("yellow.1.1");
        QTest::newRow("bad id") << withItemField(minimalForm(), QStringLiteral("id"), QStringLiteral("1.1")) << QStringLiteral("\"1.1\"");
        QTest::newRow("no English label")
            << withItemField(minimalForm(), QStringLiteral("label"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("年龄")}})
            << QStringLiteral("screen.1.1");
        QTest::newRow("unknown input")
            << withItemField(minimalForm(), QStringLiteral("condition"), QJsonObject{{QStringLiteral("input"), QStringLiteral("shoeSize")}, {QStringLiteral("atLeast"), 40}})
            << QStringLiteral("shoeSize");
        QJsonObject twice = minimalForm();
        QJsonArray items = twice.value(QStringLiteral("items")).toArray();
        items.append(items.first());
        twice.insert(QStringLiteral("items"), items);
        QTest::newRow("item twice") << twice << QStringLiteral("screen.1.1");
        QJsonObject orphanSection = minimalForm();
        QJsonArray sections = orphanSection.value(QStringLiteral("sections")).toArray();
        sections.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("2")}, {QStringLiteral("part"), QStringLiteral("signs")},
                                    {QStringLiteral("label"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("体征")}, {QStringLiteral("en"), QStringLiteral("Signs")}}}});
        orphanSection.insert(QStringLiteral("sections"), sections);
        QTest::newRow("section of an unknown part") << orphanSection << QStringLiteral("signs");
        QJsonObject empty = minimalForm();
        empty.insert(QStringLiteral("items"), QJsonArray());
        QTest::newRow("no items") << empty << QStringLiteral("no items");
    }

    void mistakesAreRefusedWithTheirName()
    {
        QFETCH(QJsonObject, form);
        QFETCH(QString, named);
        const QString error = loadError(form);
        QVERIFY2(error.contains(named), qPrintable(error));
    }

    void notJsonIsRefused()
    {
        const auto loaded = ScreeningChecklist::fromJson("{\"id\": ", RuleSet::national2017());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QStringLiteral("risk.screening-invalid"));
    }
};

QTEST_GUILESS_MAIN(TestScreeningChecklist)
#include "tst_screeningchecklist.moc"
