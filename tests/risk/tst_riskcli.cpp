// `obslink-cli risk assess` as scripts and checks use it.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run assess(const QByteArray &json, const QStringList &extra = {},
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess cli;
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), QStringList{QStringLiteral("risk"), QStringLiteral("assess"), QStringLiteral("-")} + extra);
    cli.write(json);
    cli.closeWriteChannel();
    cli.waitForFinished(30000);
    return {cli.exitCode(), cli.readAllStandardOutput(), cli.readAllStandardError()};
}
} // namespace

class TestRiskCli : public QObject
{
    Q_OBJECT

private slots:
    void printsGradePurpleRulesEvidenceAndVersion()
    {
        const Run run = assess(R"({"assessedOn":"2026-11-20","birthDate":"1985-03-02","heightCm":158,"weightKg":52,
            "fetuses":1,"gestationalWeeks":12,"uterineSurgeries":1,"lastUterineSurgeryDate":"2025-09-01",
            "labs":{"hb":102,"plt":180,"creatinine":60,"creatinineUpperLimit":84,"hbsag":"negative","syphilis":"positive","hiv":"negative"},
            "bp":{"systolic":118,"diastolic":72},"findings":[]})");
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QStringLiteral("grade")).toString(), QStringLiteral("orange"));
        QCOMPARE(result.value(QStringLiteral("purple")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("2017.1"));
        QStringList ids;
        for (const QJsonValue &rule : result.value(QStringLiteral("firedRules")).toArray())
            ids << rule.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(ids, (QStringList{QStringLiteral("orange.1.1"), QStringLiteral("orange.3.3"), QStringLiteral("yellow.1.1"),
                                   QStringLiteral("yellow.1.6"), QStringLiteral("yellow.2.6.2"), QStringLiteral("purple.1")}));
        const QJsonObject age = result.value(QStringLiteral("firedRules")).toArray().first().toObject();
        QCOMPARE(age.value(QStringLiteral("evidence")).toArray().first().toObject().value(QStringLiteral("value")).toInt(), 41);
    }

    void badInputIsAClearErrorAndNonZeroExit_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{assessedOn:") << QStringLiteral("JSON");
        QTest::newRow("unknown key") << QByteArray(R"({"assessedOn":"2026-11-20","shoeSize":38})") << QStringLiteral("shoeSize");
        QTest::newRow("missing date") << QByteArray(R"({"birthDate":"1990-01-01"})") << QStringLiteral("assessedOn");
        QTest::newRow("wrong type") << QByteArray(R"({"assessedOn":"2026-11-20","fetuses":"two"})") << QStringLiteral("fetuses");
        QTest::newRow("fractional count") << QByteArray(R"({"assessedOn":"2026-11-20","uterineSurgeries":1.5})") << QStringLiteral("uterineSurgeries");
        QTest::newRow("impossible Hb") << QByteArray(R"({"assessedOn":"2026-11-20","labs":{"hb":5000}})") << QStringLiteral("labs.hb");
        QTest::newRow("negative count") << QByteArray(R"({"assessedOn":"2026-11-20","uterineSurgeries":-1})") << QStringLiteral("uterineSurgeries");
        QTest::newRow("bad date") << QByteArray(R"({"assessedOn":"2026-02-30"})") << QStringLiteral("assessedOn");
        QTest::newRow("surgery after assessment") << QByteArray(R"({"assessedOn":"2026-11-20","lastUterineSurgeryDate":"2026-12-01"})")
                                                 << QStringLiteral("lastUterineSurgeryDate");
        QTest::newRow("diastolic above systolic") << QByteArray(R"({"assessedOn":"2026-11-20","bp":{"systolic":80,"diastolic":120}})")
                                                 << QStringLiteral("bp");
        QTest::newRow("unknown serology") << QByteArray(R"({"assessedOn":"2026-11-20","labs":{"hiv":"maybe"}})") << QStringLiteral("labs.hiv");
        QTest::newRow("unknown finding") << QByteArray(R"({"assessedOn":"2026-11-20","findings":["blue.1"]})") << QStringLiteral("blue.1");
        QTest::newRow("birth after assessment") << QByteArray(R"({"assessedOn":"2026-11-20","birthDate":"2027-01-01"})") << QStringLiteral("birthDate");
        QTest::newRow("height of 20 cm")
            << QByteArray(R"({"assessedOn":"2026-11-20","heightCm":20,"weightKg":60})")
            << QStringLiteral("heightCm");
        QTest::newRow("Hb in g/dL") << QByteArray(R"({"assessedOn":"2026-11-20","labs":{"hb":9.5}})")
                                    << QStringLiteral("g/dL");
        QTest::newRow("negative Hb") << QByteArray(R"({"assessedOn":"2026-11-20","labs":{"hb":-5}})")
                                     << QStringLiteral("labs.hb");
        QTest::newRow("negative platelets")
            << QByteArray(R"({"assessedOn":"2026-11-20","labs":{"plt":-1}})") << QStringLiteral("labs.plt");
        QTest::newRow("no fetus") << QByteArray(R"({"assessedOn":"2026-11-20","fetuses":0})")
                                  << QStringLiteral("fetuses");
        QTest::newRow("number as text")
            << QByteArray(R"({"assessedOn":"2026-11-20","heightCm":"160"})") << QStringLiteral("heightCm");
        QTest::newRow("unknown lab") << QByteArray(R"({"assessedOn":"2026-11-20","labs":{"hgb":100}})")
                                     << QStringLiteral("labs.hgb");
        QTest::newRow("labs not an object")
            << QByteArray(R"({"assessedOn":"2026-11-20","labs":[100]})") << QStringLiteral("labs");
        QTest::newRow("findings not a list")
            << QByteArray(R"({"assessedOn":"2026-11-20","findings":"red.1.1.1"})")
            << QStringLiteral("findings");
        QTest::newRow("computed item ticked")
            << QByteArray(R"({"assessedOn":"2026-11-20","findings":["yellow.1.1"]})")
            << QStringLiteral("yellow.1.1");
        QTest::newRow("an array, not an object")
            << QByteArray(R"([{"assessedOn":"2026-11-20"}])") << QStringLiteral("one JSON object");
        QTest::newRow("born on the assessment day")
            << QByteArray(R"({"assessedOn":"2026-11-20","birthDate":"2026-11-20"})")
            << QStringLiteral("birthDate");
        QTest::newRow("age of 126") << QByteArray(R"({"assessedOn":"2026-11-20","birthDate":"1900-01-01"})")
                                    << QStringLiteral("birthDate");
        QTest::newRow("operation date with no operation") << QByteArray(
            R"({"assessedOn":"2026-11-20","uterineSurgeries":0,"lastUterineSurgeryDate":"2025-01-01"})")
                                                          << QStringLiteral("lastUterineSurgeryDate");
    }
    void badInputIsAClearErrorAndNonZeroExit()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Run run = assess(json);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
    }

    // Vignettes on both sides of every threshold the national table states, through the command
    // line as a reviewer runs it (assessed on 2026-11-20).
    void tableBoundariesThroughTheCommandLine_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("grade");
        QTest::addColumn<bool>("purple");
        QTest::addColumn<QString>("rule"); // fires; empty: nothing fires
        auto row
            = [](const char *name, const char *fields, const char *grade, bool purple, const char *rule) {
                  QTest::newRow(name) << QByteArray(fields) << QString::fromLatin1(grade) << purple
                                      << QString::fromLatin1(rule);
              };
        row("age 35 on her birthday: yellow", R"("birthDate":"1991-11-20")", "yellow", false, "yellow.1.1");
        row("age 34, birthday tomorrow: green", R"("birthDate":"1991-11-21")", "green", false, "");
        row("age 18, 19 tomorrow: yellow", R"("birthDate":"2007-11-21")", "yellow", false, "yellow.1.1");
        row("age 19 on her birthday: green", R"("birthDate":"2007-11-20")", "green", false, "");
        row("age 40 on her birthday: orange", R"("birthDate":"1986-11-20")", "orange", false, "orange.1.1");
        row("age 39, birthday tomorrow: yellow", R"("birthDate":"1986-11-21")", "yellow", false,
            "yellow.1.1");
        row("BMI 25.0: green", R"("heightCm":160,"weightKg":64)", "green", false, "");
        row("BMI 25.02: yellow", R"("heightCm":160,"weightKg":64.05)", "yellow", false, "yellow.1.2");
        row("BMI 18.5: green", R"("heightCm":160,"weightKg":47.36)", "green", false, "");
        row("BMI 18.48: yellow", R"("heightCm":160,"weightKg":47.3)", "yellow", false, "yellow.1.2");
        row("BMI 27.97: yellow", R"("heightCm":160,"weightKg":71.6)", "yellow", false, "yellow.1.2");
        row("BMI 28.0: orange", R"("heightCm":150,"weightKg":63)", "orange", false, "orange.1.2");
        row("Hb 110.1: green", R"("labs":{"hb":110.1})", "green", false, "");
        row("Hb 110: yellow", R"("labs":{"hb":110})", "yellow", false, "yellow.2.6.2");
        row("Hb 109.9: yellow", R"("labs":{"hb":109.9})", "yellow", false, "yellow.2.6.2");
        row("Hb 60.1: yellow", R"("labs":{"hb":60.1})", "yellow", false, "yellow.2.6.2");
        row("Hb 60: orange", R"("labs":{"hb":60})", "orange", false, "orange.2.6");
        row("Hb 40.1: orange", R"("labs":{"hb":40.1})", "orange", false, "orange.2.6");
        row("Hb 40: red", R"("labs":{"hb":40})", "red", false, "red.1.6");
        row("PLT 101: green", R"("labs":{"plt":101})", "green", false, "");
        row("PLT 100: yellow", R"("labs":{"plt":100})", "yellow", false, "yellow.2.6.1");
        row("PLT 51: yellow", R"("labs":{"plt":51})", "yellow", false, "yellow.2.6.1");
        row("PLT 50: orange", R"("labs":{"plt":50})", "orange", false, "orange.2.6");
        row("PLT 30: orange", R"("labs":{"plt":30})", "orange", false, "orange.2.6");
        row("PLT 29.9: red", R"("labs":{"plt":29.9})", "red", false, "red.1.6");
        row("creatinine at the ULN: green", R"("labs":{"creatinine":84,"creatinineUpperLimit":84})", "green",
            false, "");
        row("creatinine above the ULN: orange", R"("labs":{"creatinine":85,"creatinineUpperLimit":84})",
            "orange", false, "orange.2.4");
        row("creatinine 1.5 x ULN: orange", R"("labs":{"creatinine":126,"creatinineUpperLimit":84})",
            "orange", false, "orange.2.4");
        row("creatinine above 1.5 x ULN: red", R"("labs":{"creatinine":127,"creatinineUpperLimit":84})",
            "red", false, "red.1.4");
        row("singleton: green", R"("fetuses":1)", "green", false, "");
        row("twins: yellow", R"("fetuses":2)", "yellow", false, "yellow.3.1");
        row("triplets: orange", R"("fetuses":3)", "orange", false, "orange.3.1");
        row("scar 17 months: orange", R"("uterineSurgeries":1,"lastUterineSurgeryDate":"2025-05-21")",
            "orange", false, "orange.3.3");
        row("scar exactly 18 months: yellow", R"("uterineSurgeries":1,"lastUterineSurgeryDate":"2025-05-20")",
            "yellow", false, "yellow.1.6");
        row("dated operation without a count is one", R"("lastUterineSurgeryDate":"2025-06-01")", "orange",
            false, "orange.3.3");
        row("one old operation: yellow", R"("uterineSurgeries":1)", "yellow", false, "yellow.1.6");
        row("two operations: orange", R"("uterineSurgeries":2,"lastUterineSurgeryDate":"2020-01-01")",
            "orange", false, "orange.3.5");
        row("no operation: green", R"("uterineSurgeries":0)", "green", false, "");
        row("HBsAg positive: yellow carrier and purple", R"("labs":{"hbsag":"positive"})", "yellow", true,
            "purple.1");
        row("syphilis positive: purple beside green", R"("labs":{"syphilis":"positive"})", "green", true,
            "purple.1");
        row("HIV positive: purple beside green", R"("labs":{"hiv":"阳性"})", "green", true, "purple.1");
        row("all serology negative: green",
            R"("labs":{"hbsag":"negative","syphilis":"negative","hiv":false})", "green", false, "");
        row("red beats yellow, purple stays",
            R"("birthDate":"1990-01-01","fetuses":2,"labs":{"plt":20,"syphilis":"positive"})", "red", true,
            "red.1.6");
        row("orange beats yellow", R"("birthDate":"1980-01-01","fetuses":2,"labs":{"hb":100})", "orange",
            false, "orange.1.1");
        row("ticked red item", R"("findings":["red.1.1.1"])", "red", false, "red.1.1.1");
    }
    void tableBoundariesThroughTheCommandLine()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, grade);
        QFETCH(bool, purple);
        QFETCH(QString, rule);
        const Run run = assess(R"({"assessedOn":"2026-11-20",)" + fields + "}");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QStringLiteral("grade")).toString(), grade);
        QCOMPARE(result.value(QStringLiteral("purple")).toBool(), purple);
        QStringList ids;
        for (const QJsonValue &fired : result.value(QStringLiteral("firedRules")).toArray())
            ids << fired.toObject().value(QStringLiteral("id")).toString();
        if (rule.isEmpty())
            QVERIFY2(ids.isEmpty(), qPrintable(ids.join(u' ')));
        else
            QVERIFY2(ids.contains(rule), qPrintable(ids.join(u' ')));
    }

    // A region replaces the table by naming its file in OBSLINK_RULE_SET: here the national file
    // with orange from 38 years instead of 40 and its own version.
    void installedRegionalRuleSetChangesTheResultWithoutRecompiling()
    {
        QFile national(QStringLiteral(OBSLINK_RULES_DIR "/five-color-2017.json"));
        QVERIFY(national.open(QIODevice::ReadOnly));
        QJsonObject set = QJsonDocument::fromJson(national.readAll()).object();
        set.insert(QStringLiteral("id"), QStringLiteral("province-test"));
        set.insert(QStringLiteral("version"), QStringLiteral("2018.1"));
        QJsonArray rules = set.value(QStringLiteral("rules")).toArray();
        for (qsizetype i = 0; i < rules.size(); ++i) {
            QJsonObject rule = rules.at(i).toObject();
            if (rule.value(QStringLiteral("id")).toString() == QLatin1String("orange.1.1")) {
                rule.insert(QStringLiteral("condition"),
                    QJsonObject { { QStringLiteral("input"), QStringLiteral("ageYears") },
                        { QStringLiteral("atLeast"), 38 } });
                rules.replace(i, rule);
            }
        }
        set.insert(QStringLiteral("rules"), rules);
        QTemporaryDir dir;
        QFile regional(dir.filePath(QStringLiteral("province.json")));
        QVERIFY(regional.open(QIODevice::WriteOnly));
        regional.write(QJsonDocument(set).toJson());
        regional.close();

        const QByteArray woman38 = R"({"assessedOn":"2026-11-20","birthDate":"1988-11-20"})";
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("OBSLINK_RULE_SET"));
        const Run builtIn = assess(woman38, {}, environment);
        QCOMPARE(QJsonDocument::fromJson(builtIn.out).object().value(QStringLiteral("grade")).toString(),
            QStringLiteral("yellow"));

        environment.insert(QStringLiteral("OBSLINK_RULE_SET"), regional.fileName());
        const Run run = assess(woman38, {}, environment);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QStringLiteral("grade")).toString(), QStringLiteral("orange"));
        QCOMPARE(result.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("province-test"));
        QCOMPARE(
            result.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("version")).toString(),
            QStringLiteral("2018.1"));

        // A mistake in the region's file stops grading with an error naming the file and the fault.
        QVERIFY(regional.open(QIODevice::WriteOnly | QIODevice::Truncate));
        set.insert(QStringLiteral("levels"), QJsonArray {});
        regional.write(QJsonDocument(set).toJson());
        regional.close();
        const Run broken = assess(woman38, {}, environment);
        QCOMPARE(broken.exitCode, 1);
        QVERIFY(broken.out.isEmpty());
        QVERIFY2(QString::fromUtf8(broken.err).contains(regional.fileName()), broken.err.constData());
    }

    void regionalRuleSetIsUsedWithoutRecompiling()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("province.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"id":"province-2018","version":"2018.2","defaultLevel":"green",
            "levels":[{"id":"green","kind":"grade","rank":0},{"id":"orange","kind":"grade","rank":1}],
            "groups":[{"id":"basic"}],
            "rules":[{"id":"orange.1.3","level":"orange","group":"basic","label":{"zh":"身高≤145cm","en":"Height ≤145 cm"},
                      "clinicianFinding":true}]})");
        file.close();
        const Run run = assess(R"({"assessedOn":"2026-11-20","findings":["orange.1.3"]})", {QStringLiteral("--rules"), file.fileName()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QStringLiteral("grade")).toString(), QStringLiteral("orange"));
        QCOMPARE(result.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("province-2018"));
    }
};

QTEST_GUILESS_MAIN(TestRiskCli)
#include "tst_riskcli.moc"
