// The national 2017 table is complete in the default rule set, and a rule file with a mistake
// is refused with a message that names it.
#include "risk/ruleset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
QJsonObject minimalSet()
{
    return QJsonDocument::fromJson(R"({
        "id": "test", "version": "1", "defaultLevel": "green",
        "levels": [{"id":"green","kind":"grade","rank":0},{"id":"red","kind":"grade","rank":1},{"id":"purple","kind":"flag"}],
        "groups": [{"id":"basic"}],
        "rules": [{"id":"red.1","level":"red","group":"basic","label":{"zh":"红","en":"Red"},
                   "condition":{"input":"ageYears","atLeast":50}}]
    })").object();
}

QString loadError(const QJsonObject &set)
{
    const auto loaded = RuleSet::fromJson(QJsonDocument(set).toJson());
    return loaded ? QString() : loaded.error().message;
}

QJsonObject withRule(QJsonObject set, const QJsonObject &rule)
{
    QJsonArray rules = set.value(QStringLiteral("rules")).toArray();
    rules.append(rule);
    set.insert(QStringLiteral("rules"), rules);
    return set;
}
} // namespace

class TestRuleSet : public QObject
{
    Q_OBJECT

private slots:
    void nationalTableHasEveryItem()
    {
        const RuleSet &set = RuleSet::national2017();
        QMap<QString, int> perLevel;
        for (const RiskRule &rule : set.rules) {
            ++perLevel[rule.level];
            QVERIFY2(!rule.label.zh.isEmpty() && !rule.label.en.isEmpty(), qPrintable(rule.id));
        }
        // Yellow 1.1–1.9, 2.1.1–2.1.4, 2.2–2.5, 2.6.1–2.6.2, 2.7–2.11, 3.1–3.12.
        QCOMPARE(perLevel.value(QStringLiteral("yellow")), 9 + 4 + 4 + 2 + 5 + 12);
        // Orange 1.1–1.2, 2.1.1–2.1.7, 2.2–2.12, 3.1–3.9.
        QCOMPARE(perLevel.value(QStringLiteral("orange")), 2 + 7 + 11 + 9);
        // Red 1.1.1–1.1.9, 1.2–1.12, 2.1–2.3.
        QCOMPARE(perLevel.value(QStringLiteral("red")), 9 + 11 + 3);
        QCOMPARE(perLevel.value(QStringLiteral("purple")), 1);
        for (const char *id : {"yellow.1.1", "yellow.2.6.2", "yellow.3.12", "orange.2.1.7", "orange.3.3", "red.1.1.1",
                               "red.1.12", "red.2.3", "purple.1"})
            QVERIFY2(set.rule(QString::fromLatin1(id)), id);
    }

    void levelsAreOrderedGreenToRedWithPurpleAsAFlag()
    {
        const RuleSet &set = RuleSet::national2017();
        QVERIFY(set.level(QStringLiteral("green"))->rank < set.level(QStringLiteral("yellow"))->rank);
        QVERIFY(set.level(QStringLiteral("yellow"))->rank < set.level(QStringLiteral("orange"))->rank);
        QVERIFY(set.level(QStringLiteral("orange"))->rank < set.level(QStringLiteral("red"))->rank);
        QCOMPARE(set.level(QStringLiteral("purple"))->kind, RiskLevel::Kind::Flag);
        QCOMPARE(set.defaultLevel, QStringLiteral("green"));
    }

    void minimalRegionalSetLoads()
    {
        QCOMPARE(loadError(minimalSet()), QString());
    }

    void mistakesAreRefusedByName_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        auto rule = [](const char *json) { return QJsonDocument::fromJson(json).object(); };
        QTest::newRow("malformed JSON") << QByteArray("{\"id\": ") << QStringLiteral("JSON");
        QTest::newRow("duplicate id") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.1","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"}})"))).toJson() << QStringLiteral("red.1");
        QTest::newRow("level not its color") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.2","level":"green","group":"basic",
            "label":{"zh":"x","en":"x"}})"))).toJson() << QStringLiteral("red.2");
        QTest::newRow("unknown level") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"pink.1","level":"pink","group":"basic",
            "label":{"zh":"x","en":"x"}})"))).toJson() << QStringLiteral("pink");
        QTest::newRow("bad id") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red-3","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"}})"))).toJson() << QStringLiteral("red-3");
        QTest::newRow("unknown input") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.4","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"},"condition":{"input":"shoeSize","atLeast":40}})"))).toJson() << QStringLiteral("shoeSize");
        QTest::newRow("bound not a number") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.5","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"},"condition":{"input":"bmi","atLeast":"28"}})"))).toJson() << QStringLiteral("red.5");
        QTest::newRow("inverted range") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.6","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"},"condition":{"input":"bmi","atLeast":30,"atMost":20}})"))).toJson() << QStringLiteral("red.6");
        QTest::newRow("missing English label") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.7","level":"red","group":"basic",
            "label":{"zh":"x"}})"))).toJson() << QStringLiteral("red.7");
        QTest::newRow("rule that can never fire") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.8","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"},"clinicianFinding":false})"))).toJson() << QStringLiteral("red.8");
        QTest::newRow("unknown group") << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.9","level":"red","group":"feet",
            "label":{"zh":"x","en":"x"}})"))).toJson() << QStringLiteral("feet");
        QTest::newRow("misspelt condition key")
            << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.10","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"},"conditon":{"input":"bmi","atLeast":30}})")))
                   .toJson()
            << QStringLiteral("conditon");
        QTest::newRow("misspelt bound")
            << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.11","level":"red","group":"basic",
            "label":{"zh":"x","en":"x"},"condition":{"input":"bmi","atleast":30}})")))
                   .toJson()
            << QStringLiteral("atleast");
        QTest::newRow("input and anyOf in one condition")
            << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.12","level":"red",
            "group":"basic","label":{"zh":"x","en":"x"},"condition":{"input":"bmi","atLeast":30,"anyOf":[{"input":"bmi","below":15}]}})")))
                   .toJson()
            << QStringLiteral("red.12");
        QTest::newRow("finding flag not true or false")
            << QJsonDocument(withRule(minimalSet(), rule(R"({"id":"red.13","level":"red",
            "group":"basic","label":{"zh":"x","en":"x"},"clinicianFinding":"yes"})")))
                   .toJson()
            << QStringLiteral("red.13");
        QJsonObject unknownTopKey = minimalSet();
        unknownTopKey.insert(QStringLiteral("levls"), QJsonArray {});
        QTest::newRow("unknown key in the set")
            << QJsonDocument(unknownTopKey).toJson() << QStringLiteral("levls");
        QJsonObject purpleAsGrade = minimalSet();
        QJsonArray flagLevels = purpleAsGrade.value(QStringLiteral("levels")).toArray();
        QJsonObject purple = flagLevels.at(2).toObject();
        purple.insert(QStringLiteral("kind"), QStringLiteral("flg"));
        flagLevels.replace(2, purple);
        purpleAsGrade.insert(QStringLiteral("levels"), flagLevels);
        QTest::newRow("misspelt level kind")
            << QJsonDocument(purpleAsGrade).toJson() << QStringLiteral("flg");
        QJsonObject noDefault = minimalSet();
        noDefault.insert(QStringLiteral("defaultLevel"), QStringLiteral("purple"));
        QTest::newRow("default level is a flag") << QJsonDocument(noDefault).toJson() << QStringLiteral("purple");
        QJsonObject careInChineseOnly = minimalSet();
        QJsonArray levels = careInChineseOnly.value(QStringLiteral("levels")).toArray();
        QJsonObject red = levels.at(1).toObject();
        red.insert(QStringLiteral("care"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("三级医院")}});
        levels.replace(1, red);
        careInChineseOnly.insert(QStringLiteral("levels"), levels);
        QTest::newRow("care text in one language") << QJsonDocument(careInChineseOnly).toJson() << QStringLiteral("Level red");
    }
    void everyNationalLevelSaysWhereTheWomanIsCaredFor()
    {
        for (const RiskLevel &level : RuleSet::national2017().levels)
            QVERIFY2(!level.care.zh.isEmpty() && !level.care.en.isEmpty(), qPrintable(level.id));
        QVERIFY(RuleSet::national2017().level(QStringLiteral("orange"))->care.zh.contains(QStringLiteral("危重孕产妇救治中心")));
    }
    void mistakesAreRefusedByName()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto loaded = RuleSet::fromJson(json);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QStringLiteral("risk.rules-invalid"));
        QVERIFY2(loaded.error().message.contains(mentions), qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
