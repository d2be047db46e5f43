// A region ships its own rule set (and screening form) as files named in the environment; the
// workstation, the demo grading and the command line grade with it without a new build.
#include "risk/activerules.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QJsonObject nationalFile(const char *name)
{
    QFile file(QStringLiteral(OBSLINK_RULES_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Writes a regional file and names it in the environment, as an installer would.
QString install(
    const QTemporaryDir &dir, const char *variable, const QString &name, const QJsonObject &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(content).toJson());
    qputenv(variable, file.fileName().toLocal8Bit());
    return file.fileName();
}
} // namespace

class TestActiveRules : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv(ActiveRules::RuleSetVariable);
        qunsetenv(ActiveRules::ScreeningFormVariable);
    }
    void cleanup() { init(); }

    void withoutRegionalFilesTheNationalTableAndFormApply()
    {
        const auto active = ActiveRules::fromEnvironment();
        QVERIFY(active);
        QCOMPARE(active->rules().id, QStringLiteral("cn-nhfpc-2017"));
        QCOMPARE(active->rules().version, QStringLiteral("2017.1"));
        QCOMPARE(active->screeningForm().ruleSetId, QStringLiteral("cn-nhfpc-2017"));
        QCOMPARE(active->source(), QStringLiteral("built-in"));
    }

    void correctedNationalTableKeepsTheNationalFormAndRecordsItsVersion()
    {
        QJsonObject set = nationalFile("five-color-2017.json");
        QVERIFY(!set.isEmpty());
        set.insert(QStringLiteral("version"), QStringLiteral("2017.1-corrected"));
        QTemporaryDir dir;
        const QString path
            = install(dir, ActiveRules::RuleSetVariable, QStringLiteral("corrected.json"), set);
        const auto active = ActiveRules::fromEnvironment();
        QVERIFY2(active, active ? "" : qPrintable(active.error().message));
        QCOMPARE(active->rules().version, QStringLiteral("2017.1-corrected"));
        QCOMPARE(active->source(), path);
        QVERIFY(!active->screeningForm().items.isEmpty());
    }

    void provincialTableNeedsItsOwnScreeningForm()
    {
        QJsonObject set = nationalFile("five-color-2017.json");
        set.insert(QStringLiteral("id"), QStringLiteral("zj-2018"));
        set.insert(QStringLiteral("version"), QStringLiteral("2018.1"));
        QTemporaryDir dir;
        install(dir, ActiveRules::RuleSetVariable, QStringLiteral("zj.json"), set);
        const auto withoutForm = ActiveRules::fromEnvironment();
        QVERIFY(!withoutForm);
        QVERIFY2(withoutForm.error().message.contains(QLatin1String(ActiveRules::ScreeningFormVariable)),
            qPrintable(withoutForm.error().message));

        QJsonObject form = nationalFile("five-color-2017-screening.json");
        form.insert(QStringLiteral("ruleSet"), QStringLiteral("zj-2018"));
        install(dir, ActiveRules::ScreeningFormVariable, QStringLiteral("zj-screening.json"), form);
        const auto active = ActiveRules::fromEnvironment();
        QVERIFY2(active, active ? "" : qPrintable(active.error().message));
        QCOMPARE(active->rules().id, QStringLiteral("zj-2018"));
        QCOMPARE(active->screeningForm().ruleSetId, QStringLiteral("zj-2018"));
    }

    void faultyRegionalFileIsRefusedNamingTheFileAndTheFault()
    {
        QJsonObject set = nationalFile("five-color-2017.json");
        set.insert(QStringLiteral("defaultLevel"), QStringLiteral("grey"));
        QTemporaryDir dir;
        const QString path = install(dir, ActiveRules::RuleSetVariable, QStringLiteral("broken.json"), set);
        const auto active = ActiveRules::fromEnvironment();
        QVERIFY(!active);
        QVERIFY2(active.error().message.contains(path), qPrintable(active.error().message));
        QVERIFY2(active.error().message.contains(QStringLiteral("grey")), qPrintable(active.error().message));
    }
};

QTEST_GUILESS_MAIN(TestActiveRules)
#include "tst_activerules.moc"
