// Every field of every clinical record survives a round trip; sync columns are stamped;
// concurrent edits are caught; a failed multi-row write leaves nothing behind.
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/draftstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestRepositories : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::move(*Database::open(m_dir->filePath(QStringLiteral("c.db")), {QStringLiteral("clinic-7"), QStringLiteral("nurse-li")}));
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void everyFieldRoundTrips()
    {
        ClinicRecords records(*m_db);
        Patient patient;
        patient.name = QStringLiteral("欧阳秀英");
        patient.nationalId = QStringLiteral("11010119900307002x");
        patient.birthDate = QDate(1990, 3, 7);
        patient.phone = QStringLiteral("13912345678");
        patient.address = QStringLiteral("南京市鼓楼区中山路1号");
        patient.recordNumber = QStringLiteral("MH001");
        Pregnancy pregnancy;
        pregnancy.bookingDate = QDate(2026, 8, 1);
        pregnancy.lmp = QDate(2026, 6, 1);
        pregnancy.ultrasoundDating = UltrasoundDating{QDate(2026, 8, 20), GestationalAge::fromWeeksAndDays(11, 4)};
        pregnancy.gravida = 3;
        pregnancy.para = 1;
        pregnancy.fetuses = 2;
        pregnancy.heightCm = 158.5;
        pregnancy.prePregnancyWeightKg = 52.3;
        pregnancy.uterineSurgeries = 1;
        pregnancy.lastUterineSurgeryDate = QDate(2023, 4, 2);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 9, 1);
        visit.systolicMmHg = 121;
        visit.diastolicMmHg = 79;
        visit.pulseBpm = 88;
        visit.weightKg = 55.6;
        visit.fundalHeightCm = 12.5;
        visit.abdominalGirthCm = 85;
        visit.fetalHeartRateBpm = 150;
        visit.presentation = FetalPresentation::Breech;
        visit.oedema = Oedema::BelowKnee;
        visit.urineProtein = UrineProtein::Plus2;
        visit.notes = QStringLiteral("无不适");
        QVERIFY(records.saveVisit(visit, pregnancy));
        QList<LabResult> labs(2);
        labs[0].pregnancyId = pregnancy.meta.id;
        labs[0].takenOn = QDate(2026, 8, 1);
        labs[0].test = LabTest::Creatinine;
        labs[0].value = 61.5;
        labs[0].upperLimitOfNormal = 84;
        labs[1].pregnancyId = pregnancy.meta.id;
        labs[1].takenOn = QDate(2026, 8, 1);
        labs[1].test = LabTest::Syphilis;
        labs[1].serology = Serology::Negative;
        QVERIFY(records.saveLabs(labs));

        const auto loaded = records.loadChart(patient.meta.id);
        QVERIFY(loaded && *loaded);
        const PatientChart &c = **loaded;
        QCOMPARE(c.patient.name, patient.name);
        QCOMPARE(c.patient.nationalId, QStringLiteral("11010119900307002X"));
        QCOMPARE(c.patient.birthDate, patient.birthDate);
        QCOMPARE(c.patient.phone, patient.phone);
        QCOMPARE(c.patient.address, patient.address);
        QCOMPARE(c.patient.recordNumber, patient.recordNumber);
        QCOMPARE(c.patient.meta.clinicId, QStringLiteral("clinic-7"));
        QCOMPARE(c.patient.meta.author, QStringLiteral("nurse-li"));
        QCOMPARE(c.patient.meta.revision, 1);
        QVERIFY(c.patient.meta.createdAt.isValid());
        const Pregnancy &p = *c.pregnancy;
        QCOMPARE(p.lmp, pregnancy.lmp);
        QCOMPARE(p.ultrasoundDating->scanDate, QDate(2026, 8, 20));
        QCOMPARE(p.ultrasoundDating->gestationalAgeAtScan.totalDays(), 81);
        QCOMPARE(p.gravida, 3);
        QCOMPARE(p.para, 1);
        QCOMPARE(p.fetuses, 2);
        QCOMPARE(p.heightCm, std::optional<double>(158.5));
        QCOMPARE(p.prePregnancyWeightKg, std::optional<double>(52.3));
        QCOMPARE(p.uterineSurgeries, 1);
        QCOMPARE(p.lastUterineSurgeryDate, QDate(2023, 4, 2));
        QCOMPARE(c.visits.size(), 1);
        const AntenatalVisit &v = c.visits.first();
        QCOMPARE(v.systolicMmHg, visit.systolicMmHg);
        QCOMPARE(v.diastolicMmHg, visit.diastolicMmHg);
        QCOMPARE(v.pulseBpm, visit.pulseBpm);
        QCOMPARE(v.weightKg, visit.weightKg);
        QCOMPARE(v.fundalHeightCm, visit.fundalHeightCm);
        QCOMPARE(v.abdominalGirthCm, visit.abdominalGirthCm);
        QCOMPARE(v.fetalHeartRateBpm, visit.fetalHeartRateBpm);
        QCOMPARE(v.presentation, FetalPresentation::Breech);
        QCOMPARE(v.oedema, Oedema::BelowKnee);
        QCOMPARE(v.urineProtein, UrineProtein::Plus2);
        QCOMPARE(v.notes, visit.notes);
        QCOMPARE(v.gestationalAge, *p.gestationalAgeOn(v.visitDate));
        QCOMPARE(c.labs.size(), 2);
        QCOMPARE(c.labs[0].upperLimitOfNormal, std::optional<double>(84));
        QCOMPARE(c.labs[1].serology, Serology::Negative);
    }

    void staleEditIsRefusedAndRevisionsGrow()
    {
        ClinicRecords records(*m_db);
        Patient patient;
        patient.name = QStringLiteral("张敏");
        patient.birthDate = QDate(1992, 1, 1);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 6, 1);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        PatientRepository patients(*m_db);
        Patient first = patient, second = patient;
        first.phone = QStringLiteral("13800000001");
        QVERIFY(patients.save(first));
        QCOMPARE(first.meta.revision, 2);
        second.phone = QStringLiteral("13800000002");
        const auto stale = patients.save(second);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, QStringLiteral("storage.stale"));
        QCOMPARE((*patients.find(patient.meta.id))->phone, QStringLiteral("13800000001"));
    }

    void failedRegistrationLeavesNothingAndTheFormUntouched()
    {
        ClinicRecords records(*m_db);
        Patient existing;
        existing.name = QStringLiteral("甲");
        existing.birthDate = QDate(1990, 1, 1);
        existing.recordNumber = QStringLiteral("MH9");
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 6, 1);
        QVERIFY(records.registerPregnancy(existing, pregnancy));

        Patient duplicate;
        duplicate.name = QStringLiteral("乙");
        duplicate.birthDate = QDate(1991, 1, 1);
        duplicate.recordNumber = QStringLiteral("MH9");
        Pregnancy second;
        second.lmp = QDate(2026, 6, 1);
        const auto refused = records.registerPregnancy(duplicate, second);
        QCOMPARE(refused.error().code, QStringLiteral("record.duplicate-number"));
        QVERIFY(duplicate.meta.id.isNull());

        // A pregnancy the database refuses (status NOT NULL via an impossible foreign key):
        // the patient written in the same transaction is rolled back too.
        Patient lonely;
        lonely.name = QStringLiteral("丙");
        lonely.birthDate = QDate(1993, 1, 1);
        QSqlQuery(m_db->connection()).exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON pregnancy BEGIN SELECT RAISE(ABORT, 'refused'); END"));
        Pregnancy refusedPregnancy;
        refusedPregnancy.lmp = QDate(2026, 6, 1);
        QVERIFY(!records.registerPregnancy(lonely, refusedPregnancy));
        QVERIFY(lonely.meta.id.isNull());
        QSqlQuery count(m_db->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM patient")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }

    void draftsSaveLoadAndDiscard()
    {
        DraftStore drafts(*m_db);
        QVERIFY(!*drafts.load(QStringLiteral("visit:x")));
        QVERIFY(drafts.save(QStringLiteral("visit:x"), {{QStringLiteral("systolic"), QStringLiteral("132")}}));
        QVERIFY(drafts.save(QStringLiteral("visit:x"), {{QStringLiteral("systolic"), QStringLiteral("133")}}));
        QCOMPARE((*drafts.load(QStringLiteral("visit:x")))->value(QStringLiteral("systolic")).toString(), QStringLiteral("133"));
        QVERIFY(drafts.discard(QStringLiteral("visit:x")));
        QVERIFY(!*drafts.load(QStringLiteral("visit:x")));
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
