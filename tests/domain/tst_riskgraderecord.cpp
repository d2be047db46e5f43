// Status keys of a stored risk grading (proposed → confirmed or overridden), stored and synced.
#include "domain/riskgraderecord.h"

#include <QTest>

Q_DECLARE_METATYPE(RiskGradeRecord::Status)

class TestRiskGradeRecord : public QObject
{
    Q_OBJECT

private slots:
    void statusKeysAreFixedAndRoundTrip_data()
    {
        QTest::addColumn<RiskGradeRecord::Status>("status");
        QTest::addColumn<QString>("key");
        QTest::newRow("proposed") << RiskGradeRecord::Status::Proposed << QStringLiteral("proposed");
        QTest::newRow("confirmed") << RiskGradeRecord::Status::Confirmed << QStringLiteral("confirmed");
        QTest::newRow("overridden") << RiskGradeRecord::Status::Overridden << QStringLiteral("overridden");
    }
    void statusKeysAreFixedAndRoundTrip()
    {
        QFETCH(RiskGradeRecord::Status, status);
        QFETCH(QString, key);
        QCOMPARE(RiskGradeRecord::statusKey(status), key);
        QCOMPARE(RiskGradeRecord::statusFromKey(key), std::optional<RiskGradeRecord::Status>(status));
    }

    void unknownStatusKeysAreRefused()
    {
        QVERIFY(!RiskGradeRecord::statusFromKey(QString()));
        QVERIFY(!RiskGradeRecord::statusFromKey(QStringLiteral("Proposed")));
        QVERIFY(!RiskGradeRecord::statusFromKey(QStringLiteral("rejected")));
    }

    void newGradingIsAProposalWithoutDecision()
    {
        const RiskGradeRecord record;
        QCOMPARE(record.status, RiskGradeRecord::Status::Proposed);
        QVERIFY(record.level.isEmpty());
        QVERIFY(!record.purple);
        QVERIFY(!record.decidedAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestRiskGradeRecord)
#include "tst_riskgraderecord.moc"
