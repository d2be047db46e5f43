// The high-risk dashboard from the main window, offscreen: one click on the Cases toolbar opens
// it, each chart counts what the clinic's records say, clicking a bar with the mouse lists
// exactly the women behind it, and a woman in that list opens in the chart.
#include "cases-ui/casedashboardview.h"
#include "cases-ui/casefileview.h"
#include "cases-ui/casesworkbench.h"
#include "cases/casemanagement.h"
#include "casestestsupport.h"
#include "testtranslation.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientchartview.h"
#include "workstation-ui/worklistpanel.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>

using namespace CasesTest;

namespace {
int countOf(const QList<DashboardBar> &bars, const QString &key)
{
    for (const DashboardBar &bar : bars)
        if (bar.key == key)
            return bar.count;
    return -1;
}

// Clicks the middle of bar `key` of a chart with the mouse, as a nurse would.
void clickBar(CaseDashboardView *dashboard, DashboardChart chart, const QString &key)
{
    const QList<DashboardBar> bars = dashboard->bars(chart);
    int index = -1;
    for (int i = 0; i < bars.size(); ++i)
        if (bars[i].key == key)
            index = i;
    QVERIFY2(index >= 0, qPrintable(key));
    QChartView *view = dashboard->chartView(chart);
    QChart *qchart = view->chart();
    QAbstractSeries *series = qchart->series().first();
    const bool vertical = chart == DashboardChart::PregnanciesByColor;
    const QPointF value
        = vertical ? QPointF(index, bars[index].count / 2.0) : QPointF(bars[index].count / 2.0, index);
    const QPoint point = view->mapFromScene(qchart->mapToScene(qchart->mapToPosition(value, series)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
}

void decideGrade(const Database &database, const Pregnancy &pregnancy, const QString &level, const QDate &on)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO risk_assessment (id, clinic_id, created_at, updated_at, author, pregnancy_id, "
        "assessed_on, "
        "proposed_level, proposed_purple, level, purple, status, rule_set_id, rule_set_version, result_json) "
        "VALUES (?, 'c1', ?, ?, 'dr', ?, ?, ?, 0, ?, 0, 'confirmed', 'five-color', '2017', '{}')"));
    const QString at = on.startOfDay().toString(Qt::ISODate);
    for (const QVariant &value : QVariantList { QUuid::createUuid().toString(QUuid::WithoutBraces), at, at,
             pregnancy.meta.id.toString(QUuid::WithoutBraces), on.toString(Qt::ISODate), level, level })
        query.addBindValue(value);
    if (!query.exec())
        qFatal("cannot grade");
}
} // namespace

class TestCaseDashboardView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barsCountTheRecordsAndAClickedBarListsExactlyItsWomen();
};

void TestCaseDashboardView::initTestCase()
{
    QVERIFY(installTestTranslation(this));
}

void TestCaseDashboardView::barsCountTheRecordsAndAClickedBarListsExactlyItsWomen()
{
    QTemporaryDir dir;
    auto db = Database::open(
        dir.filePath(QStringLiteral("clinic.db")), { QStringLiteral("c1"), QStringLiteral("nurse") });
    QVERIFY(db);
    const Database &database = **db;
    CaseManagement cases(database, CaseSettings::defaults());
    const Pregnancy red1
        = addWoman(database, QStringLiteral("红一"), QStringLiteral("R1"), QStringLiteral("red"));
    const Pregnancy red2
        = addWoman(database, QStringLiteral("红二"), QStringLiteral("R2"), QStringLiteral("red"));
    const Pregnancy red3
        = addWoman(database, QStringLiteral("红三"), QStringLiteral("R3"), QStringLiteral("red"));
    const Pregnancy orange1
        = addWoman(database, QStringLiteral("橙一"), QStringLiteral("O1"), QStringLiteral("orange"));
    const Pregnancy orange2
        = addWoman(database, QStringLiteral("橙二"), QStringLiteral("O2"), QStringLiteral("orange"));
    const Pregnancy yellow
        = addWoman(database, QStringLiteral("黄一"), QStringLiteral("Y1"), QStringLiteral("yellow"));
    addWoman(database, QStringLiteral("紫一"), QStringLiteral("P1"), QStringLiteral("yellow"), true);
    addWoman(database, QStringLiteral("绿一"), QStringLiteral("G1"), QStringLiteral("green"));
    // Two of 王芳's women and one without a nurse are overdue; red3's first contact is not due yet.
    for (const auto &[pregnancy, level, daysAgo, nurse] :
        { std::tuple { red1, "red", 10, "王芳" }, std::tuple { red2, "red", 10, "王芳" },
            std::tuple { orange1, "orange", 20, "" }, std::tuple { red3, "red", 1, "李静" } }) {
        const auto opened
            = cases.openCase(pregnancy.meta.id, QLatin1String(level), false, Today.addDays(-daysAgo));
        QVERIFY(opened);
        QVERIFY(cases.assign(
            opened->meta.id, QStringLiteral("Dr Zhou"), QString::fromUtf8(nurse), QString(), QString()));
    }
    // This month: orange2 went from yellow (last month) to orange, red3 was first graded red.
    decideGrade(database, orange2, QStringLiteral("yellow"), Today.addDays(-60));
    decideGrade(database, orange2, QStringLiteral("orange"), Today.addDays(-5));
    decideGrade(database, red3, QStringLiteral("red"), Today.addDays(-1));
    const auto yellowCase
        = cases.openCase(yellow.meta.id, QStringLiteral("yellow"), false, Today.addDays(-100));
    QVERIFY(yellowCase);
    QVERIFY(cases.close(yellowCase->meta.id, wellDelivery(QStringLiteral("县医院"), 200), Today));

    MainWindow window(**db, Today);
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // One click from the main window: the Dashboard button on the Cases toolbar.
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("casesToolbar"));
    QVERIFY(toolbar && toolbar->isVisible());
    QWidget *button = toolbar->widgetForAction(window.cases()->dashboardAction());
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    CaseDashboardView *dashboard = window.cases()->dashboard();
    QVERIFY(dashboard && dashboard->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dashboard));

    const auto byColor = dashboard->bars(DashboardChart::PregnanciesByColor);
    QCOMPARE(countOf(byColor, QStringLiteral("red")), 3);
    QCOMPARE(countOf(byColor, QStringLiteral("orange")), 2);
    QCOMPARE(countOf(byColor, QStringLiteral("yellow")), 1);
    QCOMPARE(countOf(byColor, QStringLiteral("purple")), 1);
    QCOMPARE(countOf(byColor, QStringLiteral("green")), 1);
    const auto transitions = dashboard->bars(DashboardChart::TransitionsThisMonth);
    QCOMPARE(transitions.size(), 2);
    QCOMPARE(countOf(transitions, QStringLiteral("yellow>orange")), 1);
    QCOMPARE(countOf(transitions, QStringLiteral("new>red")), 1);
    const auto overdue = dashboard->bars(DashboardChart::OverdueByNurse);
    QCOMPARE(overdue.size(), 2);
    QCOMPARE(countOf(overdue, QStringLiteral("王芳")), 2);
    QCOMPARE(countOf(overdue, QString()), 1);
    const auto outcomes = dashboard->bars(DashboardChart::ClosureOutcomes);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(countOf(outcomes, QStringLiteral("delivery")), 1);
    saveScreenshot(dashboard, QStringLiteral("dashboard"));

    clickBar(dashboard, DashboardChart::PregnanciesByColor, QStringLiteral("red"));
    QVERIFY(dashboard->lastList());
    QTableWidget *list = dashboard->lastList()->table();
    QCOMPARE(list->rowCount(), 3);
    QSet<QString> names;
    for (int row = 0; row < list->rowCount(); ++row)
        names.insert(list->item(row, 0)->text());
    QCOMPARE(
        names, (QSet<QString> { QStringLiteral("红一"), QStringLiteral("红二"), QStringLiteral("红三") }));

    clickBar(dashboard, DashboardChart::OverdueByNurse, QStringLiteral("王芳"));
    list = dashboard->lastList()->table();
    QCOMPARE(list->rowCount(), countOf(overdue, QStringLiteral("王芳")));
    saveScreenshot(dashboard->lastList(), QStringLiteral("dashboard-list"));

    // From the list, her chart: it opens in the main window on her case page.
    const QString chosen = list->item(1, 0)->text();
    const QRect cell = list->visualItemRect(list->item(1, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY(window.chartView()->chart().has_value());
    QCOMPARE(window.chartView()->chart()->patient.name, chosen);
    QTabWidget *tabs = window.chartView()->tabs();
    tabs->setCurrentWidget(window.cases()->caseFileView());
    QVERIFY(window.cases()->caseFileView()->caseFile().has_value());
    QCOMPARE(window.cases()->caseFileView()->caseFile()->responsibleNurse, QStringLiteral("王芳"));
    saveScreenshot(&window, QStringLiteral("main-window-case-tab"));
    // Marked reported on her case page: the worklists' counts follow at once.
    QCOMPARE(window.worklists()->countOf(WorklistKind::Unreported), 4);
    QTest::mouseClick(
        window.cases()->caseFileView()->findChild<QPushButton *>(QStringLiteral("markReported")),
        Qt::LeftButton);
    QCOMPARE(window.worklists()->countOf(WorklistKind::Unreported), 3);
    window.navigation()->setCurrentIndex(1);
    saveScreenshot(&window, QStringLiteral("main-window-worklists"));
}

QTEST_MAIN(TestCaseDashboardView)
#include "tst_casedashboardview.moc"
