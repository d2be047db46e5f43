// `obslink-cli risk assess` as scripts and checks use it.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run assess(const QByteArray &json, const QStringList &extra = {})
{
    QProcess cli;
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
