// The screening at the first visit: the record answers what it can, the result is stored with
// who, when and the versions used, and the sync engine carries it to the center.
#include "gradingfixture.h"

#include <QSqlQuery>

class TestScreeningService : public QObject
{
    Q_OBJECT

private slots:
    void womanOf36IsScreenPositiveFromHerRecordAndStoredWithWhoWhenAndVersions()
    {
        GradingFixture f(QDate(1990, 6, 1)); // 36 on the screening day
        auto screened = f.grading->screening().record(f.chart(), {}, QStringLiteral("王医生"), f.today);
        QVERIFY2(screened, qPrintable(screened ? QString() : screened.error().message));
        auto stored = f.grading->screening().latest(f.chart());
        QVERIFY(stored && *stored);
        const ScreeningRecord &s = **stored;
        QVERIFY(s.positive);
        QCOMPARE(s.screenedBy, QStringLiteral("王医生"));
        QCOMPARE(s.screenedOn, f.today);
        QCOMPARE(s.formId, ScreeningChecklist::national2017().id);
        QCOMPARE(s.formVersion, ScreeningChecklist::national2017().version);
        QCOMPARE(s.ruleSetVersion, RuleSet::national2017().version);
        QCOMPARE(s.answers.size(), 1);
        QCOMPARE(s.answers.first().itemId, QStringLiteral("screen.1.1"));
        QVERIFY(s.answers.first().fromRecord);
        QCOMPARE(s.answers.first().evidence.first().value, 36.0);
    }

    void womanOf30WithNothingTickedIsScreenNegative()
    {
        GradingFixture f(QDate(1996, 6, 1));
        auto screened = f.grading->screening().record(f.chart(), {}, QStringLiteral("王医生"), f.today);
        QVERIFY(screened);
        QVERIFY(!screened->positive);
        QVERIFY(!(*f.grading->screening().latest(f.chart()))->positive);
    }

    void tickedHistoryMakesItPositiveAndIsKept()
    {
        GradingFixture f(QDate(1996, 6, 1));
        auto screened = f.grading->screening().record(f.chart(), {QStringLiteral("screen.7.1.6")}, QStringLiteral("王医生"), f.today,
                                                      QStringLiteral("房缺修补术后"));
        QVERIFY(screened && screened->positive);
        const ScreeningRecord stored = **f.grading->screening().latest(f.chart());
        QCOMPARE(stored.answers.first().itemId, QStringLiteral("screen.7.1.6"));
        QVERIFY(!stored.answers.first().fromRecord);
        QCOMPARE(stored.note, QStringLiteral("房缺修补术后"));
    }

    void storedScreeningIsInTheSyncOutbox()
    {
        GradingFixture f(QDate(1996, 6, 1));
        QVERIFY(f.grading->screening().record(f.chart(), {}, QStringLiteral("王医生"), f.today));
        QSqlQuery outbox(f.db->connection());
        QVERIFY(outbox.exec(QStringLiteral("SELECT operation, json_extract(fields, '$.result'), json_extract(fields, '$.screened_by') "
                                           "FROM sync_outbox WHERE table_name = 'risk_screening'")));
        QVERIFY(outbox.next());
        QCOMPARE(outbox.value(0).toString(), QStringLiteral("insert"));
        QCOMPARE(outbox.value(1).toString(), QStringLiteral("negative"));
        QCOMPARE(outbox.value(2).toString(), QStringLiteral("王医生"));
    }

    void unnamedClinicianOrUnknownItemIsRefusedAndNothingStored()
    {
        GradingFixture f(QDate(1996, 6, 1));
        auto unnamed = f.grading->screening().record(f.chart(), {}, QStringLiteral("  "), f.today);
        QVERIFY(!unnamed);
        QCOMPARE(unnamed.error().code, QStringLiteral("grading.clinician"));
        auto unknown = f.grading->screening().record(f.chart(), {QStringLiteral("screen.42")}, QStringLiteral("王医生"), f.today);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, QStringLiteral("risk.screening-item"));
        QVERIFY(!*f.grading->screening().latest(f.chart()));
    }
};

QTEST_GUILESS_MAIN(TestScreeningService)
#include "tst_screeningservice.moc"
