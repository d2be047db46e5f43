// An exam's biometry, EFW and GA survive the round trip and reach the sync outbox; "use to date
// the pregnancy" moves the EDD only when the ACOG limit is exceeded, keeps it otherwise, and is
// refused without a GA by ultrasound, after delivery, or after an earlier dating scan.
#include "sqlscalar.h"
#include "testclinic.h"
#include "ultrasound-exams/ultrasoundexamrecords.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDate lmp(2026, 3, 2);

FetalBiometry crl(double mm)
{
    FetalBiometry b;
    b.set(BiometryMeasure::Crl, mm);
    return b;
}
} // namespace

class TestUltrasoundExamRecords : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestClinic> m_clinic;
    Database *m_db = nullptr;
    Pregnancy m_pregnancy;

    int count(const QString &sql) const { return int(sqlNumber(m_db->connection(), sql)); }

private slots:
    void init()
    {
        m_clinic = std::make_unique<TestClinic>(QStringLiteral("us-chen"));
        QVERIFY2(m_clinic->isOpen(), qPrintable(m_clinic->error()));
        m_db = &m_clinic->database();
        const auto woman = m_clinic->book(QStringLiteral("李梅"), QDate(1993, 5, 1), lmp, lmp.addDays(60));
        QVERIFY(woman);
        m_pregnancy = woman->pregnancy;
    }

    void examRoundTripsWithItsResultsAndIsQueuedForSync()
    {
        FetalBiometry b;
        QVERIFY(b.set(BiometryMeasure::Bpd, 74.8));
        QVERIFY(b.set(BiometryMeasure::Hc, 274.6));
        QVERIFY(b.set(BiometryMeasure::Ac, 258.4));
        QVERIFY(b.set(BiometryMeasure::Fl, 57.2));
        UltrasoundExam exam
            = UltrasoundExam::measured(m_pregnancy.meta.id, QDate(2026, 9, 28), QStringLiteral("1.2.3"), b);
        QVERIFY(exam.efwGrams && *exam.efwGrams > 1300 && *exam.efwGrams < 1700);
        QVERIFY(exam.gestationalAge);
        UltrasoundExamRecords records(*m_db);
        QVERIFY(records.save(exam));
        QCOMPARE(exam.meta.revision, 1);
        auto stored = records.forPregnancy(m_pregnancy.meta.id);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        const UltrasoundExam &s = stored->first();
        QCOMPARE(s.biometry, b);
        QCOMPARE(s.examDate, QDate(2026, 9, 28));
        QCOMPARE(s.studyInstanceUid, QStringLiteral("1.2.3"));
        QCOMPARE(qRound(*s.efwGrams), qRound(*exam.efwGrams));
        QCOMPARE(s.efwFormula, exam.efwFormula);
        QCOMPARE(s.gestationalAge, exam.gestationalAge);
        QCOMPARE(s.meta.clinicId, QStringLiteral("clinic-a"));
        QCOMPARE(s.meta.author, QStringLiteral("us-chen"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'ultrasound_exam' "
                                      "AND json_extract(fields, '$.hc_mm') = 274.6")),
            1);
    }

    void discrepancyBeyondTheAcogLimitMovesTheEdd()
    {
        // Scan at 10+0 by LMP (limit 7 days) showing CRL 45 mm, 11+0: 7 days — within; a CRL
        // of 55 mm (11+6) is 13 days: the ultrasound dates the pregnancy.
        const QDate scanDate = lmp.addDays(70);
        UltrasoundExam exam = UltrasoundExam::measured(m_pregnancy.meta.id, scanDate, {}, crl(55));
        QCOMPARE(exam.gestationalAge->toString(), QStringLiteral("11+6"));
        UltrasoundExamRecords records(*m_db);
        auto proposal = records.useToDate(exam);
        QVERIFY2(proposal, qPrintable(proposal ? QString() : proposal.error().message));
        QVERIFY(!proposal->refused);
        QVERIFY(proposal->changesEdd());
        QCOMPARE(proposal->eddBefore, eddByNaegele(lmp));
        QCOMPARE(proposal->eddAfter, eddByNaegele(lmp).addDays(-13));
        QCOMPARE(proposal->acceptedDays, 7);
        QVERIFY(proposal->explanation.contains(QStringLiteral("11+6")));
        QVERIFY(exam.datedPregnancy);
        const auto stored = records.pregnancy(m_pregnancy.meta.id);
        QCOMPARE((*stored)->edd(), eddByNaegele(lmp).addDays(-13));
        QCOMPARE((*stored)->ultrasoundDating->scanDate, scanDate);
        QCOMPARE(records.forPregnancy(m_pregnancy.meta.id)->first().datedPregnancy, true);
    }

    void discrepancyAtTheLimitKeepsTheEddByLmp()
    {
        UltrasoundExam exam = UltrasoundExam::measured(m_pregnancy.meta.id, lmp.addDays(70), {}, crl(45));
        QCOMPARE(exam.gestationalAge->totalDays(), 77); // 7 days more than 10+0: exactly the limit
        UltrasoundExamRecords records(*m_db);
        auto proposal = records.useToDate(exam);
        QVERIFY(proposal);
        QVERIFY(!proposal->refused);
        QVERIFY(!proposal->changesEdd());
        QCOMPARE(proposal->discrepancyDays, 7);
        QCOMPARE((*records.pregnancy(m_pregnancy.meta.id))->edd(), eddByNaegele(lmp));
    }

    void laterScanDoesNotRedateAPregnancyDatedByAnEarlierOne()
    {
        UltrasoundExamRecords records(*m_db);
        UltrasoundExam first = UltrasoundExam::measured(m_pregnancy.meta.id, lmp.addDays(70), {}, crl(55));
        QVERIFY(records.useToDate(first));
        const QDate datedEdd = (*records.pregnancy(m_pregnancy.meta.id))->edd();
        UltrasoundExam later = UltrasoundExam::measured(m_pregnancy.meta.id, lmp.addDays(84), {}, crl(80));
        auto proposal = records.useToDate(later);
        QVERIFY(proposal);
        QVERIFY(proposal->refused);
        QVERIFY(!proposal->changesEdd());
        QVERIFY(!later.datedPregnancy);
        QCOMPARE((*records.pregnancy(m_pregnancy.meta.id))->edd(), datedEdd);
        QCOMPARE(records.forPregnancy(m_pregnancy.meta.id)->size(), 1);
    }

    void examWithoutGestationalAgeCannotDate()
    {
        FetalBiometry nt;
        QVERIFY(nt.set(BiometryMeasure::Nt, 1.8));
        UltrasoundExam exam = UltrasoundExam::measured(m_pregnancy.meta.id, lmp.addDays(84), {}, nt);
        QVERIFY(!exam.gestationalAge);
        auto proposal = UltrasoundExamRecords(*m_db).useToDate(exam);
        QVERIFY(proposal);
        QVERIFY(proposal->refused);
        QVERIFY(!proposal->explanation.isEmpty());
    }

    void endedPregnancyIsNotRedated()
    {
        Pregnancy delivered = m_pregnancy;
        delivered.status = PregnancyStatus::Delivered;
        UltrasoundExam exam = UltrasoundExam::measured(m_pregnancy.meta.id, lmp.addDays(70), {}, crl(55));
        QVERIFY(PregnancyRedating::propose(delivered, exam).refused);
    }
};

QTEST_GUILESS_MAIN(TestUltrasoundExamRecords)
#include "tst_ultrasoundexamrecords.moc"
