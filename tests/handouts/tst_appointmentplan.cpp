#include "handouts/appointmentplan.h"

#include <QTest>

// The visit form's default next appointment: the schedule's interval after the visit, and what
// the check on that date is for, from resources/handouts/handouts.json.
class TestAppointmentPlan : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void visitAt20WeeksIsFollowedFourWeeksLaterByTheGlucoseCheckWindow();
    void visitAt27Plus6IsFollowedFourWeeksLaterButAt28Plus0TwoWeeks();
    void visitAt36Plus0IsFollowedAWeekLater();
    void visitAt41Plus6HasNoNextAppointment();
    void undatedPregnancyHasNoSuggestion();
    void purposeFollowsTheLocale();
    void textsWithAGapBetweenWindowsAreRefused();
    void textsWithoutAGradeMeaningAreRefused();

private:
    static Pregnancy pregnancyWithEdd(const QDate &edd);
    HandoutTexts m_texts;
};

Pregnancy TestAppointmentPlan::pregnancyWithEdd(const QDate &edd)
{
    Pregnancy pregnancy;
    pregnancy.lmp = edd.addDays(-GestationalAge::DaysAtTerm);
    return pregnancy;
}

void TestAppointmentPlan::initTestCase()
{
    auto texts = HandoutTexts::load();
    QVERIFY2(texts.has_value(), qPrintable(texts ? QString() : texts.error().message));
    m_texts = *texts;
}

void TestAppointmentPlan::visitAt20WeeksIsFollowedFourWeeksLaterByTheGlucoseCheckWindow()
{
    const Pregnancy p = pregnancyWithEdd(QDate(2027, 5, 1));
    const QDate visit = p.lmp.addDays(20 * 7);
    const auto next = AppointmentPlan::after(p, visit, m_texts, QLocale(QLocale::Chinese, QLocale::China));
    QVERIFY(next.has_value());
    QCOMPARE(next->on, visit.addDays(28)); // 24+0: still the 20–24 window
    QVERIFY2(next->purpose.contains(QStringLiteral("胎儿系统超声")), qPrintable(next->purpose));
    const auto at21
        = AppointmentPlan::after(p, visit.addDays(7), m_texts, QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(at21->on, visit.addDays(35)); // 25+0: the glucose tolerance test
    QVERIFY2(at21->purpose.contains(QStringLiteral("葡萄糖耐量")), qPrintable(at21->purpose));
}

void TestAppointmentPlan::visitAt27Plus6IsFollowedFourWeeksLaterButAt28Plus0TwoWeeks()
{
    const Pregnancy p = pregnancyWithEdd(QDate(2027, 5, 1));
    QCOMPARE(
        AppointmentPlan::after(p, p.lmp.addDays(27 * 7 + 6), m_texts)->on, p.lmp.addDays(27 * 7 + 6 + 28));
    QCOMPARE(AppointmentPlan::after(p, p.lmp.addDays(28 * 7), m_texts)->on, p.lmp.addDays(28 * 7 + 14));
}

void TestAppointmentPlan::visitAt36Plus0IsFollowedAWeekLater()
{
    const Pregnancy p = pregnancyWithEdd(QDate(2027, 5, 1));
    const auto next = AppointmentPlan::after(p, p.lmp.addDays(36 * 7), m_texts, QLocale(QLocale::English));
    QCOMPARE(next->on, p.lmp.addDays(37 * 7));
    QVERIFY2(next->purpose.contains(QStringLiteral("NST")), qPrintable(next->purpose));
    // 35+6 is still fortnightly.
    QCOMPARE(
        AppointmentPlan::after(p, p.lmp.addDays(35 * 7 + 6), m_texts)->on, p.lmp.addDays(35 * 7 + 6 + 14));
}

void TestAppointmentPlan::visitAt41Plus6HasNoNextAppointment()
{
    const Pregnancy p = pregnancyWithEdd(QDate(2027, 5, 1));
    QVERIFY(!AppointmentPlan::after(p, p.lmp.addDays(41 * 7 + 6), m_texts).has_value());
    // At 41+0 the schedule stops at 41+6.
    const auto at41 = AppointmentPlan::after(
        p, p.lmp.addDays(41 * 7), m_texts, QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(at41->on, p.lmp.addDays(41 * 7 + 6));
    QVERIFY2(at41->purpose.contains(QStringLiteral("引产")), qPrintable(at41->purpose));
}

void TestAppointmentPlan::undatedPregnancyHasNoSuggestion()
{
    QVERIFY(!AppointmentPlan::after(Pregnancy {}, QDate(2027, 1, 1), m_texts).has_value());
}

void TestAppointmentPlan::purposeFollowsTheLocale()
{
    const GestationalAge age = GestationalAge::fromWeeksAndDays(26, 0);
    QVERIFY(m_texts.purposeAt(age, QLocale(QLocale::English)).contains(QStringLiteral("glucose tolerance")));
    QVERIFY(m_texts.purposeAt(age, QLocale(QLocale::Chinese, QLocale::Taiwan))
                .contains(QStringLiteral("葡萄糖")));
    QCOMPARE(m_texts.levelLabel(QStringLiteral("orange"), QLocale(QLocale::Chinese)),
        QStringLiteral("橙色（较高风险）"));
    QCOMPARE(m_texts.levelLabel(QString(), QLocale(QLocale::English)), QStringLiteral("Not assessed"));
}

void TestAppointmentPlan::textsWithAGapBetweenWindowsAreRefused()
{
    QFile file(QStringLiteral(":/handouts/handouts.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray json = file.readAll();
    QVERIFY(HandoutTexts::fromJson(json).has_value());
    json.replace("\"fromWeeks\": 20", "\"fromWeeks\": 21");
    const auto texts = HandoutTexts::fromJson(json);
    QVERIFY(!texts.has_value());
    QCOMPARE(texts.error().code, QStringLiteral("handouts.invalid"));
    QVERIFY(texts.error().message.contains(QLatin1String("21")));
}

void TestAppointmentPlan::textsWithoutAGradeMeaningAreRefused()
{
    QFile file(QStringLiteral(":/handouts/handouts.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray json = file.readAll();
    json.replace("\"purple\": {", "\"violet\": {");
    const auto texts = HandoutTexts::fromJson(json);
    QVERIFY(!texts.has_value());
    QVERIFY(texts.error().message.contains(QLatin1String("purple")));
    QVERIFY(!HandoutTexts::fromJson("{not json").has_value());
}

QTEST_GUILESS_MAIN(TestAppointmentPlan)
#include "tst_appointmentplan.moc"
