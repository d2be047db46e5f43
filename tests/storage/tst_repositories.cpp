// Every field of every clinical record survives a round trip; the sync columns are stamped;
// concurrent edits are caught by the revision; a failed multi-row write leaves nothing behind
// and the caller's records as they were; drafts outlive the form.
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/draftstore.h"
#include "storage/patientsearch.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
Patient newPatient(const QString &name, const QString &recordNumber = {})
{
    Patient patient;
    patient.name = name;
    patient.birthDate = QDate(1992, 4, 9);
    patient.recordNumber = recordNumber;
    return patient;
}

Pregnancy newPregnancy(const QDate &lmp = QDate(2026, 6, 1))
{
    Pregnancy pregnancy;
    pregnancy.lmp = lmp;
    pregnancy.bookingDate = lmp.addDays(56);
    return pregnancy;
}

void compareMeta(const RecordMeta &actual, const RecordMeta &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.clinicId, expected.clinicId);
    QCOMPARE(actual.createdAt, expected.createdAt);
    QCOMPARE(actual.updatedAt, expected.updatedAt);
    QCOMPARE(actual.author, expected.author);
    QCOMPARE(actual.revision, expected.revision);
    QCOMPARE(actual.deleted, expected.deleted);
}

int count(const Database &db, const QString &table)
{
    QSqlQuery query(db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && query.next()
        ? query.value(0).toInt()
        : -1;
}
} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    QString path() const { return m_dir->filePath(QStringLiteral("c.db")); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(path(), { QStringLiteral("clinic-7"), QStringLiteral("nurse-li") });
        QVERIFY(db);
        m_db = std::move(*db);
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void everyPatientAndPregnancyFieldRoundTrips()
    {
        ClinicRecords records(*m_db);
        Patient patient;
        patient.name = QStringLiteral("欧阳秀英");
        patient.nationalId = QStringLiteral("11010119900307002x");
        patient.birthDate = QDate(1990, 3, 7);
        patient.phone = QStringLiteral("139 1234-5678");
        patient.address = QStringLiteral("南京市鼓楼区中山路1号");
        patient.recordNumber = QStringLiteral("MH001");
        Pregnancy pregnancy;
        pregnancy.bookingDate = QDate(2026, 8, 1);
        pregnancy.lmp = QDate(2026, 6, 1);
        pregnancy.ultrasoundDating
            = UltrasoundDating { QDate(2026, 8, 20), GestationalAge::fromWeeksAndDays(11, 4) };
        pregnancy.gravida = 3;
        pregnancy.para = 1;
        pregnancy.fetuses = 2;
        pregnancy.status = PregnancyStatus::Transferred;
        pregnancy.heightCm = 158.5;
        pregnancy.prePregnancyWeightKg = 52.3;
        pregnancy.uterineSurgeries = 2;
        pregnancy.lastUterineSurgeryDate = QDate(2023, 4, 2);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        QCOMPARE(pregnancy.patientId, patient.meta.id);

        const auto loaded = records.loadChart(patient.meta.id);
        QVERIFY(loaded && *loaded);
        const Patient &p = (*loaded)->patient;
        compareMeta(p.meta, patient.meta);
        QCOMPARE(p.name, patient.name);
        QCOMPARE(p.nationalId, QStringLiteral("11010119900307002X")); // stored with a capital check character
        QCOMPARE(p.birthDate, patient.birthDate);
        QCOMPARE(p.phone, patient.phone);
        QCOMPARE(p.address, patient.address);
        QCOMPARE(p.recordNumber, patient.recordNumber);
        const Pregnancy &g = *(*loaded)->pregnancy;
        compareMeta(g.meta, pregnancy.meta);
        QCOMPARE(g.patientId, patient.meta.id);
        QCOMPARE(g.bookingDate, pregnancy.bookingDate);
        QCOMPARE(g.lmp, pregnancy.lmp);
        QVERIFY(g.ultrasoundDating);
        QCOMPARE(g.ultrasoundDating->scanDate, QDate(2026, 8, 20));
        QCOMPARE(g.ultrasoundDating->gestationalAgeAtScan, GestationalAge(81));
        QCOMPARE(g.gravida, 3);
        QCOMPARE(g.para, 1);
        QCOMPARE(g.fetuses, 2);
        QCOMPARE(g.status, PregnancyStatus::Transferred);
        QCOMPARE(g.heightCm, std::optional<double>(158.5));
        QCOMPARE(g.prePregnancyWeightKg, std::optional<double>(52.3));
        QCOMPARE(g.uterineSurgeries, 2);
        QCOMPARE(g.lastUterineSurgeryDate, QDate(2023, 4, 2));
        QCOMPARE(g.edd(), pregnancy.edd());
    }

    void unknownOptionalFieldsStayUnknown()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("李娜"));
        Pregnancy pregnancy;
        pregnancy.ultrasoundDating
            = UltrasoundDating { QDate(2026, 9, 1), GestationalAge::fromWeeksAndDays(8, 0) };
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 9, 1);
        QVERIFY(records.saveVisit(visit, pregnancy));

        const PatientChart chart = **records.loadChart(patient.meta.id);
        QVERIFY(chart.patient.nationalId.isEmpty());
        QVERIFY(chart.patient.phone.isEmpty());
        QVERIFY(chart.patient.address.isEmpty());
        QVERIFY(!chart.pregnancy->lmp.isValid());
        QVERIFY(!chart.pregnancy->bookingDate.isValid());
        QCOMPARE(chart.pregnancy->heightCm, std::nullopt);
        QCOMPARE(chart.pregnancy->prePregnancyWeightKg, std::nullopt);
        QVERIFY(!chart.pregnancy->lastUterineSurgeryDate.isValid());
        QCOMPARE(chart.pregnancy->edd(), QDate(2026, 9, 1).addDays(280 - 56)); // dated by the scan alone
        const AntenatalVisit &v = chart.visits.first();
        QCOMPARE(v.systolicMmHg, std::nullopt);
        QCOMPARE(v.diastolicMmHg, std::nullopt);
        QCOMPARE(v.pulseBpm, std::nullopt);
        QCOMPARE(v.weightKg, std::nullopt);
        QCOMPARE(v.fundalHeightCm, std::nullopt);
        QCOMPARE(v.abdominalGirthCm, std::nullopt);
        QCOMPARE(v.fetalHeartRateBpm, std::nullopt);
        QCOMPARE(v.presentation, FetalPresentation::Unknown);
        QCOMPARE(v.oedema, Oedema::None);
        QCOMPARE(v.urineProtein, UrineProtein::NotTested);
        QCOMPARE(v.gestationalAge, GestationalAge::fromWeeksAndDays(8, 0));
    }

    void everyVisitFieldRoundTrips()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("张敏"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 11, 2);
        visit.systolicMmHg = 141;
        visit.diastolicMmHg = 93;
        visit.pulseBpm = 88;
        visit.weightKg = 63.4;
        visit.fundalHeightCm = 21.5;
        visit.abdominalGirthCm = 92.5;
        visit.fetalHeartRateBpm = 150;
        visit.presentation = FetalPresentation::Oblique;
        visit.oedema = Oedema::Generalised;
        visit.urineProtein = UrineProtein::Plus4;
        visit.notes = QStringLiteral("头痛，视物模糊");
        QVERIFY(records.saveVisit(visit, pregnancy));
        QCOMPARE(visit.pregnancyId, pregnancy.meta.id);
        QCOMPARE(visit.gestationalAge, *pregnancy.gestationalAgeOn(visit.visitDate)); // computed on save

        const AntenatalVisit v = (**records.loadChart(patient.meta.id)).visits.value(0);
        compareMeta(v.meta, visit.meta);
        QCOMPARE(v.pregnancyId, pregnancy.meta.id);
        QCOMPARE(v.visitDate, visit.visitDate);
        QCOMPARE(v.gestationalAge, GestationalAge::fromWeeksAndDays(22, 0));
        QCOMPARE(v.systolicMmHg, visit.systolicMmHg);
        QCOMPARE(v.diastolicMmHg, visit.diastolicMmHg);
        QCOMPARE(v.pulseBpm, visit.pulseBpm);
        QCOMPARE(v.weightKg, visit.weightKg);
        QCOMPARE(v.fundalHeightCm, visit.fundalHeightCm);
        QCOMPARE(v.abdominalGirthCm, visit.abdominalGirthCm);
        QCOMPARE(v.fetalHeartRateBpm, visit.fetalHeartRateBpm);
        QCOMPARE(v.presentation, FetalPresentation::Oblique);
        QCOMPARE(v.oedema, Oedema::Generalised);
        QCOMPARE(v.urineProtein, UrineProtein::Plus4);
        QCOMPARE(v.notes, visit.notes);
    }

    void everyLabTestRoundTrips()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("王芳"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        const QList<LabTest> tests { LabTest::Haemoglobin, LabTest::Platelets, LabTest::FastingGlucose,
            LabTest::Ogtt1h, LabTest::Ogtt2h, LabTest::Alt, LabTest::Creatinine, LabTest::HBsAg,
            LabTest::Syphilis, LabTest::Hiv };
        QList<LabResult> labs;
        for (qsizetype i = 0; i < tests.size(); ++i) {
            LabResult lab;
            lab.pregnancyId = pregnancy.meta.id;
            lab.takenOn = QDate(2026, 8, 1).addDays(i);
            lab.test = tests[i];
            if (isQualitative(tests[i])) {
                lab.serology = i % 2 ? Serology::Positive : Serology::Negative;
            } else {
                lab.value = 10.25 * static_cast<double>(i + 1);
                if (tests[i] == LabTest::Creatinine || tests[i] == LabTest::Alt)
                    lab.upperLimitOfNormal = 84.5;
            }
            labs.append(lab);
        }
        QVERIFY(records.saveLabs(labs));
        const QList<LabResult> loaded = (**records.loadChart(patient.meta.id)).labs;
        QCOMPARE(loaded.size(), labs.size());
        for (qsizetype i = 0; i < labs.size(); ++i) { // oldest first, as taken
            compareMeta(loaded[i].meta, labs[i].meta);
            QCOMPARE(loaded[i].pregnancyId, pregnancy.meta.id);
            QCOMPARE(loaded[i].takenOn, labs[i].takenOn);
            QCOMPARE(loaded[i].test, labs[i].test);
            QCOMPARE(loaded[i].value, labs[i].value);
            QCOMPARE(loaded[i].upperLimitOfNormal, labs[i].upperLimitOfNormal);
            QCOMPARE(loaded[i].serology, labs[i].serology);
        }
    }

    void newRecordsAreStampedWithClinicAuthorAndTime()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("陈静"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
        for (const RecordMeta &meta : { patient.meta, pregnancy.meta }) {
            QVERIFY(!meta.id.isNull());
            QCOMPARE(meta.clinicId, QStringLiteral("clinic-7"));
            QCOMPARE(meta.author, QStringLiteral("nurse-li"));
            QCOMPARE(meta.revision, 1);
            QVERIFY(!meta.deleted);
            QVERIFY(meta.createdAt >= before && meta.createdAt <= after);
            QCOMPARE(meta.updatedAt, meta.createdAt);
            QCOMPARE(meta.createdAt.timeSpec(), Qt::UTC);
        }
        QVERIFY(patient.meta.id != pregnancy.meta.id);
    }

    void editsBumpTheRevisionAndRestampButKeepCreation()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("刘洁"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        auto other = Database::open(path(), { QStringLiteral("clinic-7"), QStringLiteral("doctor-wang") });
        QVERIFY(other);
        PatientRepository patients(**other);
        PregnancyRepository pregnancies(**other);
        const RecordMeta created = patient.meta;
        patient.phone = QStringLiteral("13800000001");
        QVERIFY(patients.save(patient));
        QCOMPARE(patient.meta.revision, 2);
        QCOMPARE(patient.meta.author, QStringLiteral("doctor-wang"));
        QVERIFY(patient.meta.updatedAt >= created.updatedAt);
        pregnancy.para = 0;
        pregnancy.gravida = 2;
        QVERIFY(pregnancies.save(pregnancy));
        QVERIFY(pregnancies.save(pregnancy));
        QCOMPARE(pregnancy.meta.revision, 3);

        const Patient stored = **patients.find(patient.meta.id);
        QCOMPARE(stored.meta.revision, 2);
        QCOMPARE(stored.meta.createdAt, created.createdAt);
        QCOMPARE(stored.meta.updatedAt, patient.meta.updatedAt);
        QCOMPARE(stored.meta.author, QStringLiteral("doctor-wang"));
        QCOMPARE(stored.meta.clinicId, QStringLiteral("clinic-7"));
        QCOMPARE(stored.phone, QStringLiteral("13800000001"));
        QCOMPARE((**pregnancies.find(pregnancy.meta.id)).gravida, 2);
    }

    void staleEditOfEveryRecordKindIsRefused()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("张敏"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 8, 1);
        QVERIFY(records.saveVisit(visit, pregnancy));
        QList<LabResult> labs(1);
        labs[0].pregnancyId = pregnancy.meta.id;
        labs[0].takenOn = QDate(2026, 8, 1);
        labs[0].value = 121;
        QVERIFY(records.saveLabs(labs));

        // Two forms opened on the same records; the first one saves.
        PatientRepository patients(*m_db);
        Patient first = patient, second = patient;
        first.phone = QStringLiteral("13800000001");
        second.phone = QStringLiteral("13800000002");
        QVERIFY(patients.save(first));
        const auto stalePatient = patients.save(second);
        QVERIFY(!stalePatient);
        QCOMPARE(stalePatient.error().code, QStringLiteral("storage.stale"));
        QCOMPARE(second.meta.revision, 1); // the refused form keeps what it had
        QCOMPARE((**patients.find(patient.meta.id)).phone, QStringLiteral("13800000001"));

        PregnancyRepository pregnancies(*m_db);
        Pregnancy pregnancyCopy = pregnancy;
        QVERIFY(pregnancies.save(pregnancy));
        QCOMPARE(pregnancies.save(pregnancyCopy).error().code, QStringLiteral("storage.stale"));

        AntenatalVisit visitCopy = visit;
        visit.systolicMmHg = 120;
        visit.diastolicMmHg = 80;
        QVERIFY(records.saveVisit(visit, pregnancy));
        QCOMPARE(visit.meta.revision, 2);
        visitCopy.systolicMmHg = 150;
        visitCopy.diastolicMmHg = 100;
        QCOMPARE(records.saveVisit(visitCopy, pregnancy).error().code, QStringLiteral("storage.stale"));
        QCOMPARE(visitCopy.meta.revision, 1);

        QList<LabResult> labsCopy = labs;
        labs[0].value = 119;
        QVERIFY(records.saveLabs(labs));
        labsCopy[0].value = 80;
        QCOMPARE(records.saveLabs(labsCopy).error().code, QStringLiteral("storage.stale"));
        QCOMPARE((**records.loadChart(patient.meta.id)).labs.value(0).value, std::optional<double>(119));
    }

    void failedPregnancyRollsBackThePatientAndLeavesTheFormUntouched()
    {
        ClinicRecords records(*m_db);
        // The database refuses any pregnancy, after the patient row is already written in the
        // same transaction.
        QVERIFY(QSqlQuery(m_db->connection())
                    .exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON pregnancy "
                                         "BEGIN SELECT RAISE(ABORT, 'refused'); END")));
        Patient patient = newPatient(QStringLiteral("丙"), QStringLiteral("MH77"));
        patient.phone = QStringLiteral("13912345678");
        Pregnancy pregnancy = newPregnancy();
        const Patient patientBefore = patient;
        const Pregnancy pregnancyBefore = pregnancy;
        const auto refused = records.registerPregnancy(patient, pregnancy);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("storage.sql"));
        QVERIFY(!refused.error().message.isEmpty());
        compareMeta(patient.meta, patientBefore.meta);
        compareMeta(pregnancy.meta, pregnancyBefore.meta);
        QVERIFY(pregnancy.patientId.isNull());
        QCOMPARE(patient.name, patientBefore.name);
        QCOMPARE(count(*m_db, QStringLiteral("patient")), 0);
        QCOMPARE(count(*m_db, QStringLiteral("pregnancy")), 0);
        QCOMPARE(count(*m_db, QStringLiteral("sync_outbox")), 0);

        // Once the cause is gone the same form saves.
        QVERIFY(QSqlQuery(m_db->connection()).exec(QStringLiteral("DROP TRIGGER temp.refuse")));
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        QCOMPARE(count(*m_db, QStringLiteral("patient")), 1);
        QCOMPARE(patient.meta.revision, 1);
    }

    void failedBatchOfLabsStoresNone()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("丁"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        QList<LabResult> labs(3);
        for (LabResult &lab : labs) {
            lab.pregnancyId = pregnancy.meta.id;
            lab.takenOn = QDate(2026, 8, 1);
            lab.value = 120;
        }
        labs[2].pregnancyId = QUuid::createUuid(); // a pregnancy that does not exist
        QVERIFY(!records.saveLabs(labs));
        QVERIFY(labs[0].meta.id.isNull());
        QCOMPARE(count(*m_db, QStringLiteral("lab_result")), 0);
    }

    void duplicateRecordNumberIsRefusedWhateverTheCase()
    {
        ClinicRecords records(*m_db);
        Patient existing = newPatient(QStringLiteral("甲"), QStringLiteral("MH9"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(existing, pregnancy));

        for (const QString &number : { QStringLiteral("MH9"), QStringLiteral("mh9") }) {
            Patient duplicate = newPatient(QStringLiteral("乙"), number);
            Pregnancy second = newPregnancy();
            const auto refused = records.registerPregnancy(duplicate, second);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, QStringLiteral("record.duplicate-number"));
            QVERIFY(refused.error().message.contains(number));
            QVERIFY(duplicate.meta.id.isNull());
        }
        QCOMPARE(count(*m_db, QStringLiteral("patient")), 1);
        // A neighbouring number is free, and the woman's own number is not a duplicate of hers.
        Patient neighbour = newPatient(QStringLiteral("乙"), QStringLiteral("MH90"));
        Pregnancy second = newPregnancy();
        QVERIFY(records.registerPregnancy(neighbour, second));
        PatientRepository patients(*m_db);
        QCOMPARE(*patients.recordNumberTaken(QStringLiteral("MH9"), existing.meta.id), false);
        QCOMPARE(*patients.recordNumberTaken(QStringLiteral("MH9"), neighbour.meta.id), true);
        // A tombstoned record gives its number back.
        existing.meta.deleted = true;
        QVERIFY(patients.save(existing));
        QCOMPARE(*patients.recordNumberTaken(QStringLiteral("MH9"), QUuid()), false);
    }

    void importedRecordsKeepTheirStampsAndCanBeEdited()
    {
        // Records that arrive with an id (demo data, an initial sync) keep their meta; a
        // stored record is at revision 1 at least, so saving it again is an update.
        PatientChart chart;
        chart.patient = newPatient(QStringLiteral("周梦"));
        chart.patient.meta.id = QUuid::createUuid();
        chart.patient.meta.clinicId = QStringLiteral("clinic-3");
        chart.patient.meta.author = QStringLiteral("import");
        chart.patient.meta.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        chart.patient.meta.updatedAt = QDateTime(QDate(2026, 2, 2), QTime(3, 4, 5, 678), Qt::UTC);
        chart.pregnancy = newPregnancy();
        QList<PatientChart> charts { chart };
        ClinicRecords records(*m_db);
        QVERIFY(records.importCharts(charts));
        const Patient imported = charts[0].patient;
        QCOMPARE(imported.meta.revision, 1);
        QCOMPARE(charts[0].pregnancy->meta.clinicId, QStringLiteral("clinic-7")); // stamped: it had none
        Patient stored = **PatientRepository(*m_db).find(imported.meta.id);
        compareMeta(stored.meta, imported.meta);
        QCOMPARE(stored.meta.clinicId, QStringLiteral("clinic-3"));
        QCOMPARE(stored.meta.createdAt, chart.patient.meta.createdAt);
        QCOMPARE(count(*m_db, QStringLiteral("sync_outbox")), 0); // imported, not a local edit
        stored.address = QStringLiteral("新地址");
        QVERIFY(PatientRepository(*m_db).save(stored));
        QCOMPARE(stored.meta.revision, 2);
    }

    void tombstonedVisitLeavesTheChart()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("吴雪"));
        Pregnancy pregnancy = newPregnancy();
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 8, 1);
        QVERIFY(records.saveVisit(visit, pregnancy));
        visit.meta.deleted = true;
        QVERIFY(records.saveVisit(visit, pregnancy));
        QVERIFY((**records.loadChart(patient.meta.id)).visits.isEmpty());
        QCOMPARE(count(*m_db, QStringLiteral("antenatal_visit")), 1); // kept for sync
    }

    void listColumnsFollowVisitsAndGrades()
    {
        ClinicRecords records(*m_db);
        Patient patient = newPatient(QStringLiteral("郑婷"));
        Pregnancy pregnancy = newPregnancy(QDate(2026, 6, 1));
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        PatientSearch search(*m_db);
        auto row = [&] {
            return search.find(QStringLiteral("郑婷"), PatientSort::Name, Qt::AscendingOrder)->value(0);
        };
        QCOMPARE(row().edd, QDate(2027, 3, 8));
        QCOMPARE(row().nextVisitDue, QDate(2026, 7, 13)); // no visit yet: from 6+0
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 10, 5); // 18+0: next in 4 weeks
        QVERIFY(records.saveVisit(visit, pregnancy));
        QCOMPARE(row().nextVisitDue, QDate(2026, 11, 2));

        RiskGradeRecord grade;
        grade.pregnancyId = pregnancy.meta.id;
        grade.assessedOn = QDate(2026, 10, 5);
        grade.proposedLevel = QStringLiteral("orange");
        grade.level = QStringLiteral("orange");
        grade.status = RiskGradeRecord::Status::Confirmed;
        grade.decidedBy = QStringLiteral("doctor");
        grade.decidedAt = QDateTime(QDate(2026, 10, 5), QTime(9, 0), Qt::UTC);
        grade.ruleSetId = QStringLiteral("cn-2017");
        grade.ruleSetVersion = QStringLiteral("1");
        grade.resultJson = QStringLiteral("{}");
        QVERIFY(records.saveGrade(grade));
        QCOMPARE(row().riskLevel, QStringLiteral("orange"));
        QCOMPARE(search.find(QString(), PatientSort::Name, Qt::AscendingOrder, 10, QStringLiteral("orange"))
                     ->size(),
            1);
        QCOMPARE((**records.loadChart(patient.meta.id)).grades.value(0).level, QStringLiteral("orange"));
    }

    void draftsSaveLoadOverwriteAndDiscard()
    {
        DraftStore drafts(*m_db);
        QVERIFY(!*drafts.load(QStringLiteral("visit:x")));
        QVERIFY(drafts.save(
            QStringLiteral("visit:x"), { { QStringLiteral("systolic"), QStringLiteral("132") } }));
        QVERIFY(drafts.save(QStringLiteral("visit:x"),
            { { QStringLiteral("systolic"), QStringLiteral("133") },
                { QStringLiteral("notes"), QStringLiteral("头晕") } }));
        QVERIFY(drafts.save(
            QStringLiteral("registration:new"), { { QStringLiteral("name"), QStringLiteral("王") } }));
        const QJsonObject visit = **drafts.load(QStringLiteral("visit:x"));
        QCOMPARE(visit.value(QStringLiteral("systolic")).toString(), QStringLiteral("133"));
        QCOMPARE(visit.value(QStringLiteral("notes")).toString(), QStringLiteral("头晕"));
        QVERIFY(drafts.discard(QStringLiteral("visit:x")));
        QVERIFY(!*drafts.load(QStringLiteral("visit:x")));
        QVERIFY(drafts.discard(QStringLiteral("visit:x"))); // discarding nothing is fine
        QCOMPARE((**drafts.load(QStringLiteral("registration:new"))).value(QStringLiteral("name")).toString(),
            QStringLiteral("王"));
    }

    void draftSurvivesReopeningTheDatabase()
    {
        QVERIFY(DraftStore(*m_db).save(QStringLiteral("visit:y"), { { QStringLiteral("weight"), 61.5 } }));
        m_db.reset(); // the workstation closes (or crashes after the commit)
        auto reopened = Database::open(path(), { QStringLiteral("clinic-7"), QStringLiteral("nurse-li") });
        QVERIFY(reopened);
        QCOMPARE((**DraftStore(**reopened).load(QStringLiteral("visit:y")))
                     .value(QStringLiteral("weight"))
                     .toDouble(),
            61.5);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
