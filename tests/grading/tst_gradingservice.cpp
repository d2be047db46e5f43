// Dynamic grading: proposals follow the data, decisions are kept with who and why, and the
// grade never drops by itself.
#include "grading/gradingservice.h"
#include "storage/database.h"

#include <QTemporaryDir>
#include <QTest>

class TestGradingService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CaseManagement> m_cases;
    std::unique_ptr<GradingService> m_grading;
    QUuid m_patient;
    const QDate m_today{2026, 11, 20};

    PatientChart chart() { return **ClinicRecords(*m_db).loadChart(m_patient); }

    void addHaemoglobin(double value)
    {
        QList<LabResult> labs{LabResult{}};
        labs[0].pregnancyId = chart().pregnancy->meta.id;
        labs[0].takenOn = m_today;
        labs[0].test = LabTest::Haemoglobin;
        labs[0].value = value;
        QVERIFY(ClinicRecords(*m_db).saveLabs(labs));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::move(*Database::open(m_dir->filePath(QStringLiteral("c.db")), {QStringLiteral("c1"), QStringLiteral("dr-wang")}));
        m_cases = std::make_unique<CaseManagement>(*m_db, CaseSettings::defaults());
        m_grading = std::make_unique<GradingService>(*m_db, RuleSet::national2017(), *m_cases);
        Patient p;
        p.name = QStringLiteral("孙丽");
        p.birthDate = QDate(1995, 2, 2);
        Pregnancy pr;
        pr.lmp = m_today.addDays(-100);
        QVERIFY(ClinicRecords(*m_db).registerPregnancy(p, pr));
        m_patient = p.meta.id;
    }
    void cleanup()
    {
        m_grading.reset();
        m_cases.reset();
        m_db.reset();
        m_dir.reset();
    }

    void newDataProposesAndConfirmationDecides()
    {
        addHaemoglobin(55); // orange
        auto proposal = m_grading->regrade(chart(), m_today);
        QVERIFY(proposal && *proposal);
        QCOMPARE((*proposal)->proposedLevel, QStringLiteral("orange"));
        QVERIFY(!GradingService::currentGrade(chart()));
        auto decided = m_grading->decide(**proposal, QStringLiteral("orange"), false, QStringLiteral("王医生"), QString());
        QVERIFY(decided);
        QCOMPARE(decided->status, RiskGradeRecord::Status::Confirmed);
        QCOMPARE(GradingService::currentGrade(chart())->level, QStringLiteral("orange"));
        QVERIFY(!*m_grading->regrade(chart(), m_today)); // nothing new to decide
        QVERIFY(m_cases->repository().currentForPregnancy(chart().pregnancy->meta.id).value().has_value());
    }

    // Purple stands beside the grade: a positive syphilis test alone proposes green with purple,
    // and confirming it opens the case file with the 3-day reporting clock, as orange and red do.
    void confirmedPurpleBesideGreenOpensTheCaseAndStartsTheReportingClock()
    {
        QList<LabResult> labs { LabResult {} };
        labs[0].pregnancyId = chart().pregnancy->meta.id;
        labs[0].takenOn = m_today;
        labs[0].test = LabTest::Syphilis;
        labs[0].serology = Serology::Positive;
        QVERIFY(ClinicRecords(*m_db).saveLabs(labs));
        auto proposal = m_grading->regrade(chart(), m_today);
        QVERIFY(proposal && *proposal);
        QCOMPARE((*proposal)->proposedLevel, QStringLiteral("green"));
        QVERIFY((*proposal)->proposedPurple);
        QVERIFY(!m_cases->repository().currentForPregnancy(chart().pregnancy->meta.id).value().has_value());
        QVERIFY(m_grading->decide(
            **proposal, QStringLiteral("green"), true, QStringLiteral("王医生"), QString()));
        const auto caseFile = m_cases->repository().currentForPregnancy(chart().pregnancy->meta.id).value();
        QVERIFY(caseFile.has_value());
        QVERIFY(caseFile->purple);
        QCOMPARE(caseFile->reportDueOn, m_today.addDays(3));
    }

    void confirmedYellowOpensNoCaseFile()
    {
        addHaemoglobin(105);
        auto proposal = m_grading->regrade(chart(), m_today);
        QVERIFY(proposal && *proposal);
        QVERIFY(m_grading->decide(
            **proposal, QStringLiteral("yellow"), false, QStringLiteral("王医生"), QString()));
        QVERIFY(!m_cases->repository().currentForPregnancy(chart().pregnancy->meta.id).value().has_value());
    }

    void betterDataNeverDropsTheGradeByItself()
    {
        addHaemoglobin(55);
        auto proposal = m_grading->regrade(chart(), m_today);
        QVERIFY(m_grading->decide(**proposal, QStringLiteral("orange"), false, QStringLiteral("王医生"), QString()));
        addHaemoglobin(120); // anaemia treated: the rules now say green
        auto lower = m_grading->regrade(chart(), m_today.addDays(0));
        QVERIFY(lower && *lower);
        QCOMPARE((*lower)->proposedLevel, QStringLiteral("green"));
        QCOMPARE(GradingService::currentGrade(chart())->level, QStringLiteral("orange"));
    }

    void overrideNeedsAReasonAndIsRecordedAsSuch()
    {
        addHaemoglobin(105); // yellow
        auto proposal = m_grading->regrade(chart(), m_today);
        QCOMPARE(m_grading->decide(**proposal, QStringLiteral("orange"), false, QStringLiteral("王医生"), QString()).error().code,
                 QStringLiteral("grading.reason"));
        QCOMPARE(m_grading->decide(**proposal, QStringLiteral("blue"), false, QStringLiteral("王医生"), QStringLiteral("x")).error().code,
                 QStringLiteral("grading.level"));
        auto decided = m_grading->decide(**proposal, QStringLiteral("orange"), false, QStringLiteral("王医生"),
                                         QStringLiteral("既往产后出血史"));
        QVERIFY(decided);
        QCOMPARE(decided->status, RiskGradeRecord::Status::Overridden);
        const auto history = chart().grades;
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.last().reason, QStringLiteral("既往产后出血史"));
        QCOMPARE(history.last().proposedLevel, QStringLiteral("yellow"));
        QCOMPARE(history.last().ruleSetVersion, QStringLiteral("2017.1"));
    }

    void withdrawnDataWithdrawsThePendingProposal()
    {
        QVERIFY(m_grading->decide(**m_grading->regrade(chart(), m_today), QStringLiteral("green"), false, QStringLiteral("王医生"), {}));
        QVERIFY(m_grading->setFindings(chart(), {QStringLiteral("yellow.1.9")}, m_today));
        QCOMPARE((*m_grading->regrade(chart(), m_today))->proposedLevel, QStringLiteral("yellow"));
        QVERIFY(m_grading->setFindings(chart(), {}, m_today)); // ticked by mistake
        QVERIFY(!*m_grading->regrade(chart(), m_today));
        QVERIFY(!GradingService::pendingProposal(chart()));
        QVERIFY(!m_grading->setFindings(chart(), {QStringLiteral("orange.1.1")}, m_today)); // computed only
    }
};

QTEST_GUILESS_MAIN(TestGradingService)
#include "tst_gradingservice.moc"
