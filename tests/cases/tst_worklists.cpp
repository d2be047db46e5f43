// The nurses' worklists over a real clinic database, and the CLI that prints them.
#include "cases/casemanagement.h"
#include "cases/worklists.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDate Today(2026, 11, 20);
}

class TestWorklists : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void eachWomanIsOnTheListHerCaseCallsFor();
    void recordingThePhoneFollowUpTakesHerOffTheOverdueList();
    void closedCaseLeavesEveryList();
    void firstPageIsTheHeadOfTheListLongestOpenFirst();
    void appointmentListsFollowHerNewestVisit();
    void cliPrintsTheWorklistAsJson();
    void cliRefusesBadArguments();

private:
    QUuid addWoman(const QString &name, const QDate &lmp);
    QUuid grade(const QUuid &pregnancy, const QString &level, const QDate &on);
    int countOf(WorklistKind kind);
    Pregnancy addBooked(const QString &name, const QDate &lmp);
    void addVisit(const Pregnancy &pregnancy, const QDate &on, const QDate &appointment, const QString &purpose);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CaseManagement> m_cases;
    QUuid m_overdueCase, m_lostCase, m_dueCase;
};

QUuid TestWorklists::addWoman(const QString &name, const QDate &lmp)
{
    ClinicRecords records(*m_db);
    Patient patient;
    patient.name = name;
    patient.birthDate = QDate(1990, 1, 1);
    Pregnancy pregnancy;
    pregnancy.lmp = lmp;
    if (!records.registerPregnancy(patient, pregnancy))
        qFatal("registration failed");
    return pregnancy.meta.id;
}

QUuid TestWorklists::grade(const QUuid &pregnancy, const QString &level, const QDate &on)
{
    RiskGradeRecord g;
    g.pregnancyId = pregnancy;
    g.assessedOn = on;
    g.proposedLevel = level;
    g.level = level;
    g.status = RiskGradeRecord::Status::Confirmed;
    g.ruleSetId = QStringLiteral("test");
    g.ruleSetVersion = QStringLiteral("1");
    g.resultJson = QStringLiteral("{}");
    ClinicRecords(*m_db).saveGrade(g);
    auto opened = m_cases->gradeDecided(g);
    if (!opened || !*opened)
        qFatal("case not opened");
    return (*opened)->meta.id;
}

Pregnancy TestWorklists::addBooked(const QString &name, const QDate &lmp)
{
    Patient patient;
    patient.name = name;
    patient.birthDate = QDate(1992, 5, 5);
    Pregnancy pregnancy;
    pregnancy.lmp = lmp;
    if (!ClinicRecords(*m_db).registerPregnancy(patient, pregnancy))
        qFatal("registration failed");
    return pregnancy;
}

void TestWorklists::addVisit(const Pregnancy &pregnancy, const QDate &on, const QDate &appointment, const QString &purpose)
{
    AntenatalVisit visit;
    visit.visitDate = on;
    visit.systolicMmHg = 110;
    visit.diastolicMmHg = 70;
    visit.nextAppointmentOn = appointment;
    visit.nextAppointmentPurpose = purpose;
    if (!ClinicRecords(*m_db).saveVisit(visit, pregnancy))
        qFatal("visit not saved");
}

int TestWorklists::countOf(WorklistKind kind)
{
    Worklists lists(*m_db, m_cases->settings());
    auto items = lists.list(kind, Today);
    auto counted = lists.count(kind, Today);
    if (!items || !counted || *counted != items->size())
        qFatal("worklist count disagrees with its list");
    return static_cast<int>(items->size());
}

void TestWorklists::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("c.db")), {QStringLiteral("c1"), QStringLiteral("nurse1")});
    QVERIFY(db);
    m_db = std::move(*db);
    m_cases = std::make_unique<CaseManagement>(*m_db, CaseSettings::defaults());
    // Red, graded 10 days ago: weekly contact due 3 days ago (overdue, within the 7-day grace).
    m_overdueCase = grade(addWoman(QStringLiteral("刘芳"), Today.addDays(-200)), QStringLiteral("red"), Today.addDays(-10));
    // Orange, graded 50 days ago: fortnightly contact missed 36 days ago (lost, escalated to the district).
    m_lostCase = grade(addWoman(QStringLiteral("陈敏"), Today.addDays(-250)), QStringLiteral("orange"), Today.addDays(-50));
    // Red, graded a week ago, EDD in 10 days: contact due today.
    m_dueCase = grade(addWoman(QStringLiteral("杨静"), Today.addDays(-270)), QStringLiteral("red"), Today.addDays(-7));
    // A green woman: on no list.
    addWoman(QStringLiteral("黄丽"), Today.addDays(-100));
}

void TestWorklists::cleanup()
{
    m_cases.reset();
    m_db.reset();
    m_dir.reset();
}

void TestWorklists::eachWomanIsOnTheListHerCaseCallsFor()
{
    Worklists lists(*m_db, m_cases->settings());
    QCOMPARE(countOf(WorklistKind::Due), 1);
    QCOMPARE(lists.list(WorklistKind::Due, Today)->first().caseId, m_dueCase);
    QCOMPARE(countOf(WorklistKind::Overdue), 1);
    const WorklistItem overdue = lists.list(WorklistKind::Overdue, Today)->first();
    QCOMPARE(overdue.caseId, m_overdueCase);
    QCOMPARE(overdue.daysOverdue, 3);
    QCOMPARE(countOf(WorklistKind::Lost), 1);
    const WorklistItem lost = lists.list(WorklistKind::Lost, Today)->first();
    QCOMPARE(lost.caseId, m_lostCase);
    QCOMPARE(lost.escalation, QStringLiteral("district"));
    QCOMPARE(countOf(WorklistKind::Unreported), 3);
    QVERIFY(m_cases->markReported(m_lostCase, Today.addDays(-49), Today));
    QCOMPARE(countOf(WorklistKind::Unreported), 2);
    QCOMPARE(lists.list(WorklistKind::Unreported, Today)->first().reportStatus, QStringLiteral("overdue"));
    QCOMPARE(countOf(WorklistKind::Unassigned), 3);
    QVERIFY(m_cases->assign(m_dueCase, QStringLiteral("王医生"), QStringLiteral("李护士"), QStringLiteral("每周随访"),
                            QStringLiteral("tertiary")));
    QCOMPARE(countOf(WorklistKind::Unassigned), 2);
    QCOMPARE(countOf(WorklistKind::EddSoon), 1);
    // The day after, the due contact is overdue; a week later the overdue one is lost.
    QCOMPARE(*lists.count(WorklistKind::Overdue, Today.addDays(1)), 2);
    QCOMPARE(*lists.count(WorklistKind::Lost, Today.addDays(5)), 2);
}

void TestWorklists::recordingThePhoneFollowUpTakesHerOffTheOverdueList()
{
    FollowUpContact call;
    call.kind = ContactKind::PhoneCall;
    call.doneOn = Today;
    call.outcome = QStringLiteral("reached");
    call.findings = QStringLiteral("自觉胎动好，无头痛");
    call.advice = QStringLiteral("每日自测血压");
    const auto next = m_cases->recordContact(m_overdueCase, call, Today);
    QVERIFY2(next, next ? "" : qPrintable(next.error().message));
    QCOMPARE(next->dueOn, Today.addDays(7));
    QCOMPARE(countOf(WorklistKind::Overdue), 0);
    auto contacts = m_cases->repository().contacts(m_overdueCase);
    QCOMPARE(contacts->size(), 2);
    QCOMPARE(contacts->first().advice, QStringLiteral("每日自测血压"));
}

void TestWorklists::closedCaseLeavesEveryList()
{
    CaseOutcome transfer;
    transfer.kind = CaseOutcome::Kind::TransferOut;
    transfer.date = Today;
    transfer.destination = QStringLiteral("省妇幼保健院");
    QVERIFY(m_cases->close(m_lostCase, transfer, Today));
    QCOMPARE(countOf(WorklistKind::Lost), 0);
    QCOMPARE(countOf(WorklistKind::Unreported), 2);
    const auto closed = m_cases->repository().find(m_lostCase);
    QCOMPARE((*closed)->status, CaseFile::Status::Closed);
    QVERIFY(!m_cases->assign(m_lostCase, QStringLiteral("x"), QStringLiteral("y"), {}, {}));
}

void TestWorklists::firstPageIsTheHeadOfTheListLongestOpenFirst()
{
    Worklists lists(*m_db, m_cases->settings());
    // Nobody is assigned yet: the case open longest comes first.
    const auto everyone = lists.list(WorklistKind::Unassigned, Today);
    QCOMPARE(everyone->size(), 3);
    QCOMPARE(everyone->at(0).caseId, m_lostCase);    // opened 50 days ago
    QCOMPARE(everyone->at(1).caseId, m_overdueCase); // 10 days ago
    QCOMPARE(everyone->at(2).caseId, m_dueCase);     // 7 days ago
    const auto firstTwo = lists.list(WorklistKind::Unassigned, Today, 2);
    QCOMPARE(firstTwo->size(), 2);
    QCOMPARE(firstTwo->at(0).caseId, m_lostCase);
    QCOMPARE(firstTwo->at(1).caseId, m_overdueCase);
    // Every list's first row is its head, and a page of none is empty.
    for (WorklistKind kind : Worklists::allKinds()) {
        const auto full = lists.list(kind, Today);
        const auto head = lists.list(kind, Today, 1);
        QCOMPARE(head->size(), std::min<qsizetype>(1, full->size()));
        if (!full->isEmpty())
            QCOMPARE(head->first().pregnancyId, full->first().pregnancyId);
        QVERIFY(lists.list(kind, Today, 0)->isEmpty());
    }
}

void TestWorklists::appointmentListsFollowHerNewestVisit()
{
    // No visit has made an appointment yet: the three lists are empty.
    QCOMPARE(countOf(WorklistKind::AppointmentsToday), 0);
    QCOMPARE(countOf(WorklistKind::MissedAppointment), 0);
    const QDate lmp = Today.addDays(-170);
    addVisit(addBooked(QStringLiteral("周婷"), lmp), Today.addDays(-28), Today, QStringLiteral("OGTT"));
    addVisit(addBooked(QStringLiteral("吴娟"), lmp), Today.addDays(-14), Today.addDays(1), QStringLiteral("产前检查"));
    addVisit(addBooked(QStringLiteral("郑红"), lmp), Today.addDays(-30), Today.addDays(-2), QStringLiteral("胎儿系统超声"));
    // She missed hers three days ago but came yesterday and has a new one: on no list today.
    const Pregnancy came = addBooked(QStringLiteral("孙莉"), lmp);
    addVisit(came, Today.addDays(-30), Today.addDays(-3), QStringLiteral("产前检查"));
    addVisit(came, Today.addDays(-1), Today.addDays(13), QStringLiteral("产前检查"));
    // A visit without an appointment puts her on none.
    addVisit(addBooked(QStringLiteral("马兰"), lmp), Today.addDays(-3), QDate(), QString());

    Worklists lists(*m_db, m_cases->settings());
    QCOMPARE(countOf(WorklistKind::AppointmentsToday), 1);
    const WorklistItem today = lists.list(WorklistKind::AppointmentsToday, Today)->first();
    QCOMPARE(today.name, QStringLiteral("周婷"));
    QCOMPARE(today.dueOn, Today);
    QCOMPARE(today.appointmentPurpose, QStringLiteral("OGTT"));
    QVERIFY(today.caseId.isNull()); // a green woman without a case file is on it too
    QCOMPARE(countOf(WorklistKind::AppointmentsTomorrow), 1);
    QCOMPARE(lists.list(WorklistKind::AppointmentsTomorrow, Today)->first().name, QStringLiteral("吴娟"));
    QCOMPARE(countOf(WorklistKind::MissedAppointment), 1);
    const WorklistItem missed = lists.list(WorklistKind::MissedAppointment, Today)->first();
    QCOMPARE(missed.name, QStringLiteral("郑红"));
    QCOMPARE(missed.daysOverdue, 2);
    QCOMPARE(missed.toJson().value(QStringLiteral("appointmentPurpose")).toString(), QStringLiteral("胎儿系统超声"));
    // Boundaries: today's appointment is not missed until tomorrow; tomorrow's is today's then.
    QCOMPARE(*lists.count(WorklistKind::MissedAppointment, Today.addDays(1)), 2);
    QCOMPARE(lists.list(WorklistKind::AppointmentsToday, Today.addDays(1))->first().name, QStringLiteral("吴娟"));
    QCOMPARE(*lists.count(WorklistKind::MissedAppointment, Today.addDays(-2)), 0);
    // Her pregnancy ended: she leaves the lists.
    QSqlQuery ended(m_db->connection());
    QVERIFY(ended.exec(QStringLiteral("UPDATE pregnancy SET status = 'delivered' WHERE id = (SELECT v.pregnancy_id FROM "
                                      "antenatal_visit v WHERE v.next_appointment_purpose = '胎儿系统超声')")));
    QCOMPARE(countOf(WorklistKind::MissedAppointment), 0);

    QProcess cli;
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("cases"), QStringLiteral("worklist"), QStringLiteral("--db"),
                                                   m_dir->filePath(QStringLiteral("c.db")), QStringLiteral("--on"),
                                                   Today.toString(Qt::ISODate), QStringLiteral("--kind"),
                                                   QStringLiteral("appointments-tomorrow")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject result = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(result.value(QStringLiteral("counts")).toObject().value(QStringLiteral("appointments-tomorrow")).toInt(), 1);
    const QJsonObject item = result.value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("name")).toString(), QStringLiteral("吴娟"));
    QCOMPARE(item.value(QStringLiteral("dueOn")).toString(), Today.addDays(1).toString(Qt::ISODate));
}

void TestWorklists::cliPrintsTheWorklistAsJson()
{
    QProcess cli;
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("cases"), QStringLiteral("worklist"), QStringLiteral("--db"),
                                                   m_dir->filePath(QStringLiteral("c.db")), QStringLiteral("--on"),
                                                   Today.toString(Qt::ISODate), QStringLiteral("--kind"), QStringLiteral("overdue")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject result = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(result.value(QStringLiteral("kind")).toString(), QStringLiteral("overdue"));
    const QJsonArray items = result.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("刘芳"));
    QCOMPARE(items.first().toObject().value(QStringLiteral("daysOverdue")).toInt(), 3);

    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("cases"), QStringLiteral("worklist"), QStringLiteral("--db"),
                                                   m_dir->filePath(QStringLiteral("c.db")), QStringLiteral("--on"),
                                                   Today.toString(Qt::ISODate)});
    QVERIFY(cli.waitForFinished(30000));
    const QJsonObject all = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(all.value(QStringLiteral("counts")).toObject().value(QStringLiteral("lost")).toInt(), 1);
    QCOMPARE(all.value(QStringLiteral("lists")).toObject().size(), 9);
}

void TestWorklists::cliRefusesBadArguments()
{
    const QString db = m_dir->filePath(QStringLiteral("c.db"));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--db"), db, QStringLiteral("--on"), QStringLiteral("2026-02-30")},
          QStringList{QStringLiteral("--db"), db, QStringLiteral("--kind"), QStringLiteral("someday")},
          QStringList{QStringLiteral("--on"), QStringLiteral("2026-11-20")}}) {
        QProcess cli;
        cli.start(QStringLiteral(OBSLINK_CLI_BINARY), QStringList{QStringLiteral("cases"), QStringLiteral("worklist")} + arguments);
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(!cli.readAllStandardError().isEmpty());
        QVERIFY(cli.readAllStandardOutput().isEmpty());
    }
    QProcess missing;
    missing.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("cases"), QStringLiteral("worklist"), QStringLiteral("--db"),
                                                       m_dir->filePath(QStringLiteral("nothing.db"))});
    QVERIFY(missing.waitForFinished(30000));
    QCOMPARE(missing.exitCode(), 1);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("nothing.db"))));
}

QTEST_GUILESS_MAIN(TestWorklists)
#include "tst_worklists.moc"
