#include "ctg/ctgfileformat.h"
#include "fhir/fhircapability.h"
#include "fhir/fhircodes.h"
#include "fhir/fhirmapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

namespace {
const QString Patient = QStringLiteral("0190a1b2-0000-7000-8000-000000000001");

FhirSourceRecord record(const QString &table, const QString &id, const QJsonObject &fields)
{
    return FhirSourceRecord { table, id, QStringLiteral("clinic-a"), Patient, fields, {}, {} };
}

QStringList codesOf(const QJsonObject &cc)
{
    QStringList codes;
    for (const QJsonValue &coding : cc.value(QStringLiteral("coding")).toArray())
        codes << coding[QStringLiteral("system")].toString() + QLatin1Char('|')
                + coding[QStringLiteral("code")].toString();
    return codes;
}
} // namespace

class tst_FhirMapper : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(FhirCodes::load().has_value()); }

    void patientCarriesTheNationalIdAsOfficialIdentifier()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto resources = mapper.map(record(QStringLiteral("patient"), Patient,
            { { QStringLiteral("name"), QStringLiteral("王芳") },
                { QStringLiteral("national_id"), QStringLiteral("11010519900307002X") },
                { QStringLiteral("record_number"), QStringLiteral("MH0000001") },
                { QStringLiteral("birth_date"), QStringLiteral("1990-03-07") },
                { QStringLiteral("phone"), QJsonValue::Null } }));
        QCOMPARE(resources.size(), 1);
        const QJsonObject p = resources.first();
        QCOMPARE(p[QStringLiteral("resourceType")].toString(), QStringLiteral("Patient"));
        QCOMPARE(p[QStringLiteral("id")].toString(), Patient);
        const QJsonObject official = p[QStringLiteral("identifier")].toArray().first().toObject();
        QCOMPARE(official[QStringLiteral("system")].toString(),
            FhirCodes::builtIn().system(QStringLiteral("nationalId")));
        QCOMPARE(official[QStringLiteral("value")].toString(), QStringLiteral("11010519900307002X"));
        QCOMPARE(p[QStringLiteral("birthDate")].toString(), QStringLiteral("1990-03-07"));
        QCOMPARE(p[QStringLiteral("name")].toArray().first()[QStringLiteral("text")].toString(),
            QStringLiteral("王芳"));
        QVERIFY2(!p.contains(QStringLiteral("telecom")), "a null phone must not give an empty telecom");
    }

    void visitGivesBloodPressurePanelWeightAndFundalHeightWithLoinc()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto resources = mapper.map(record(QStringLiteral("antenatal_visit"), QStringLiteral("v1"),
            { { QStringLiteral("visit_date"), QStringLiteral("2026-03-01") },
                { QStringLiteral("systolic_mmhg"), 142 }, { QStringLiteral("diastolic_mmhg"), 91 },
                { QStringLiteral("weight_kg"), 63.5 }, { QStringLiteral("fundal_height_cm"), 28.0 } }));
        QCOMPARE(resources.size(), 3);
        const QJsonObject bp = resources.at(0);
        QCOMPARE(bp[QStringLiteral("id")].toString(), QStringLiteral("v1-bp"));
        QVERIFY(codesOf(bp[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|85354-9")));
        const QJsonArray components = bp[QStringLiteral("component")].toArray();
        QCOMPARE(components.size(), 2);
        QVERIFY(codesOf(components.at(0)[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|8480-6")));
        QCOMPARE(
            components.at(0)[QStringLiteral("valueQuantity")][QStringLiteral("value")].toDouble(), 142.0);
        QCOMPARE(components.at(0)[QStringLiteral("valueQuantity")][QStringLiteral("code")].toString(),
            QStringLiteral("mm[Hg]"));
        QVERIFY(codesOf(components.at(1)[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|8462-4")));
        QVERIFY(codesOf(resources.at(1)[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|29463-7")));
        QCOMPARE(resources.at(1)[QStringLiteral("valueQuantity")][QStringLiteral("unit")].toString(),
            QStringLiteral("kg"));
        QVERIFY(codesOf(resources.at(2)[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|11881-0")));
        QCOMPARE(bp[QStringLiteral("subject")][QStringLiteral("reference")].toString(),
            QStringLiteral("Patient/") + Patient);
        QCOMPARE(bp[QStringLiteral("effectiveDateTime")].toString(), QStringLiteral("2026-03-01"));
    }

    void visitWithoutMeasurementsGivesNoObservation()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        QVERIFY(mapper
                    .map(record(QStringLiteral("antenatal_visit"), QStringLiteral("v2"),
                        { { QStringLiteral("visit_date"), QStringLiteral("2026-03-01") },
                            { QStringLiteral("systolic_mmhg"), QJsonValue::Null } }))
                    .isEmpty());
    }

    void deletedRecordGivesNoResource()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        QVERIFY(
            mapper
                .map(record(QStringLiteral("patient"), Patient,
                    { { QStringLiteral("name"), QStringLiteral("x") }, { QStringLiteral("deleted"), 1 } }))
                .isEmpty());
    }

    void haemoglobinIsLoinc718_7InGramsPerLitre()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto r = mapper.map(record(QStringLiteral("lab_result"), QStringLiteral("l1"),
            { { QStringLiteral("test"), QStringLiteral("hb") },
                { QStringLiteral("taken_on"), QStringLiteral("2026-02-01") },
                { QStringLiteral("value"), 96.0 } }));
        QCOMPARE(r.size(), 1);
        QVERIFY(codesOf(r.first()[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|718-7")));
        QCOMPARE(r.first()[QStringLiteral("valueQuantity")][QStringLiteral("code")].toString(),
            QStringLiteral("g/L"));
    }

    void ogttHasNoLoincOnlyTheLocalCode()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto r = mapper.map(record(QStringLiteral("lab_result"), QStringLiteral("l2"),
            { { QStringLiteral("test"), QStringLiteral("ogtt1h") },
                { QStringLiteral("taken_on"), QStringLiteral("2026-02-01") },
                { QStringLiteral("value"), 10.2 } }));
        QCOMPARE(r.size(), 1);
        const QStringList codes = codesOf(r.first()[QStringLiteral("code")].toObject());
        QCOMPARE(codes,
            QStringList {
                FhirCodes::builtIn().system(QStringLiteral("local")) + QStringLiteral("|lab-ogtt1h") });
    }

    void positiveSerologyIsSnomedPositiveAndUnknownGivesNothing()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const QJsonObject base { { QStringLiteral("test"), QStringLiteral("hbsag") },
            { QStringLiteral("taken_on"), QStringLiteral("2026-02-01") },
            { QStringLiteral("value"), QJsonValue::Null } };
        QJsonObject positive = base;
        positive.insert(QStringLiteral("serology"), 2);
        const auto r = mapper.map(record(QStringLiteral("lab_result"), QStringLiteral("l3"), positive));
        QCOMPARE(r.size(), 1);
        QVERIFY(codesOf(r.first()[QStringLiteral("valueCodeableConcept")].toObject())
                    .contains(QStringLiteral("http://snomed.info/sct|10828004")));
        QJsonObject negative = base;
        negative.insert(QStringLiteral("serology"), 1);
        QVERIFY(codesOf(mapper.map(record(QStringLiteral("lab_result"), QStringLiteral("l4"), negative))
                            .first()[QStringLiteral("valueCodeableConcept")]
                            .toObject())
                    .contains(QStringLiteral("http://snomed.info/sct|260385009")));
        QJsonObject unknown = base;
        unknown.insert(QStringLiteral("serology"), 0);
        QVERIFY(mapper.map(record(QStringLiteral("lab_result"), QStringLiteral("l5"), unknown)).isEmpty());
    }

    void unknownLabTestIsNotGuessed()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        QVERIFY(
            mapper
                .map(record(QStringLiteral("lab_result"), QStringLiteral("l6"),
                    { { QStringLiteral("test"), QStringLiteral("tsh") }, { QStringLiteral("value"), 2.0 } }))
                .isEmpty());
    }

    void eddFromDatingScanWinsOverLmp()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto r = mapper.map(record(QStringLiteral("pregnancy"), QStringLiteral("p1"),
            { { QStringLiteral("lmp"), QStringLiteral("2026-01-01") },
                { QStringLiteral("ultrasound_scan_date"), QStringLiteral("2026-03-12") },
                { QStringLiteral("ultrasound_ga_days"), 84 } }));
        QCOMPARE(r.size(), 1);
        QVERIFY(codesOf(r.first()[QStringLiteral("code")].toObject())
                    .contains(QStringLiteral("http://loinc.org|11778-8")));
        QCOMPARE(r.first()[QStringLiteral("valueDateTime")].toString(),
            QDate(2026, 3, 12).addDays(196).toString(Qt::ISODate));
        const auto lmpOnly = mapper.map(record(QStringLiteral("pregnancy"), QStringLiteral("p2"),
            { { QStringLiteral("lmp"), QStringLiteral("2026-01-01") } }));
        QCOMPARE(lmpOnly.first()[QStringLiteral("valueDateTime")].toString(), QStringLiteral("2026-10-08"));
    }

    void confirmedGradeWithPurpleGivesTwoPredictionsAndTheRulesAsBasis()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const QJsonObject result { { QStringLiteral("firedRules"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("orange.hypertension") },
                { QStringLiteral("level"), QStringLiteral("orange") },
                { QStringLiteral("label"),
                    QJsonObject {
                        { QStringLiteral("en"), QStringLiteral("Chronic hypertension") } } } } } } };
        const auto r = mapper.map(record(QStringLiteral("risk_assessment"), QStringLiteral("r1"),
            { { QStringLiteral("assessed_on"), QStringLiteral("2026-02-02") },
                { QStringLiteral("proposed_level"), QStringLiteral("yellow") },
                { QStringLiteral("proposed_purple"), 0 },
                { QStringLiteral("level"), QStringLiteral("orange") }, { QStringLiteral("purple"), 1 },
                { QStringLiteral("status"), QStringLiteral("confirmed") },
                { QStringLiteral("rule_set_id"), QStringLiteral("cn-nhfpc-2017") },
                { QStringLiteral("rule_set_version"), QStringLiteral("2017.1") },
                { QStringLiteral("result_json"), QString::fromUtf8(QJsonDocument(result).toJson()) } }));
        QCOMPARE(r.size(), 1);
        const QJsonObject ra = r.first();
        QCOMPARE(ra[QStringLiteral("status")].toString(), QStringLiteral("final"));
        const QJsonArray predictions = ra[QStringLiteral("prediction")].toArray();
        QCOMPARE(predictions.size(), 2);
        const QString fiveColor = FhirCodes::builtIn().system(QStringLiteral("fiveColor"));
        QCOMPARE(codesOf(predictions.at(0)[QStringLiteral("outcome")].toObject()),
            QStringList { fiveColor + QStringLiteral("|orange") });
        QCOMPARE(codesOf(predictions.at(1)[QStringLiteral("outcome")].toObject()),
            QStringList { fiveColor + QStringLiteral("|purple") });
        const QJsonArray basis = ra[QStringLiteral("basis")].toArray();
        QCOMPARE(basis.size(), 1);
        QCOMPARE(basis.first()[QStringLiteral("identifier")][QStringLiteral("value")].toString(),
            QStringLiteral("orange.hypertension"));
        // The published CodeSystem is the one the grades point at, and defines every grade.
        const QJsonObject codeSystem = FhirCapability::fiveColorCodeSystem();
        QCOMPARE(codeSystem[QStringLiteral("url")].toString(), fiveColor);
        QStringList defined;
        for (const QJsonValue &cc : codeSystem[QStringLiteral("concept")].toArray())
            defined << cc[QStringLiteral("code")].toString();
        QCOMPARE(defined,
            (QStringList { QStringLiteral("green"), QStringLiteral("yellow"), QStringLiteral("orange"),
                QStringLiteral("red"), QStringLiteral("purple") }));
    }

    void proposedGradeIsPreliminaryWithTheProposedLevel()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto r = mapper.map(record(QStringLiteral("risk_assessment"), QStringLiteral("r2"),
            { { QStringLiteral("proposed_level"), QStringLiteral("yellow") },
                { QStringLiteral("proposed_purple"), 0 }, { QStringLiteral("level"), QJsonValue::Null },
                { QStringLiteral("status"), QStringLiteral("proposed") },
                { QStringLiteral("result_json"), QStringLiteral("{}") } }));
        QCOMPARE(r.first()[QStringLiteral("status")].toString(), QStringLiteral("preliminary"));
        QCOMPARE(r.first()[QStringLiteral("prediction")].toArray().size(), 1);
        QVERIFY(codesOf(
            r.first()[QStringLiteral("prediction")].toArray().first()[QStringLiteral("outcome")].toObject())
                    .first()
                    .endsWith(QStringLiteral("|yellow")));
    }

    void caseFileIsAnActiveHighRiskEpisodeUntilClosed()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto open = mapper.map(record(QStringLiteral("case_file"), QStringLiteral("c1"),
            { { QStringLiteral("opened_on"), QStringLiteral("2026-02-03") },
                { QStringLiteral("status"), QStringLiteral("open") },
                { QStringLiteral("closed_on"), QJsonValue::Null } }));
        QCOMPARE(open.first()[QStringLiteral("status")].toString(), QStringLiteral("active"));
        QVERIFY(codesOf(open.first()[QStringLiteral("type")].toArray().first().toObject())
                    .contains(QStringLiteral("http://snomed.info/sct|47200007")));
        QCOMPARE(open.first()[QStringLiteral("patient")][QStringLiteral("reference")].toString(),
            QStringLiteral("Patient/") + Patient);
        const auto closed = mapper.map(record(QStringLiteral("case_file"), QStringLiteral("c1"),
            { { QStringLiteral("opened_on"), QStringLiteral("2026-02-03") },
                { QStringLiteral("status"), QStringLiteral("closed") },
                { QStringLiteral("closed_on"), QStringLiteral("2026-09-01") } }));
        QCOMPARE(closed.first()[QStringLiteral("status")].toString(), QStringLiteral("finished"));
        QCOMPARE(closed.first()[QStringLiteral("period")][QStringLiteral("end")].toString(),
            QStringLiteral("2026-09-01"));
    }

    void ctgSamplesBecomeSampledDataWithLossAsE()
    {
        CtgTrace trace;
        trace.sampleRateHz = 4.0;
        trace.fhrBpm = { 140.0f, 141.4f, std::nanf(""), 139.6f };
        FhirSourceRecord r = record(QStringLiteral("ctg_trace"), QStringLiteral("t1"),
            { { QStringLiteral("recorded_at"), QStringLiteral("2026-03-01T01:30:00.000Z") },
                { QStringLiteral("sample_rate_hz"), 4.0 }, { QStringLiteral("baseline_bpm"), 140.0 } });
        r.attachment = CtgFileFormat::encode(trace);
        const FhirMapper mapper(FhirCodes::builtIn());
        const auto resources = mapper.map(r);
        QCOMPARE(resources.size(), 1);
        const QJsonObject sampled = resources.first()[QStringLiteral("valueSampledData")].toObject();
        QCOMPARE(sampled[QStringLiteral("period")].toDouble(), 250.0);
        QCOMPARE(sampled[QStringLiteral("dimensions")].toInt(), 1);
        QCOMPARE(sampled[QStringLiteral("data")].toString(), QStringLiteral("140 141 E 140"));
        QCOMPARE(resources.first()[QStringLiteral("effectiveDateTime")].toString(),
            QStringLiteral("2026-03-01T01:30:00Z"));
    }

    void onlySignedUltrasoundReportIsADiagnosticReport()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        QJsonObject fields { { QStringLiteral("exam_date"), QStringLiteral("2026-03-02") },
            { QStringLiteral("study_uid"), QStringLiteral("1.2.826.0.1.3680043.2.1125.1") },
            { QStringLiteral("impression"), QStringLiteral("Single live fetus.") },
            { QStringLiteral("signed_by"), QString() } };
        QVERIFY(
            mapper.map(record(QStringLiteral("ultrasound_report"), QStringLiteral("u1"), fields)).isEmpty());
        fields.insert(QStringLiteral("signed_by"), QStringLiteral("us-chen"));
        fields.insert(QStringLiteral("signed_at"), QStringLiteral("2026-03-02T03:00:00Z"));
        const auto r = mapper.map(record(QStringLiteral("ultrasound_report"), QStringLiteral("u1"), fields));
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first()[QStringLiteral("status")].toString(), QStringLiteral("final"));
        QCOMPARE(r.first()[QStringLiteral("issued")].toString(), QStringLiteral("2026-03-02T03:00:00Z"));
        QCOMPARE(r.first()[QStringLiteral("conclusion")].toString(), QStringLiteral("Single live fetus."));
        QCOMPARE(r.first()[QStringLiteral("imagingStudy")]
                     .toArray()
                     .first()[QStringLiteral("identifier")][QStringLiteral("value")]
                     .toString(),
            QStringLiteral("urn:oid:1.2.826.0.1.3680043.2.1125.1"));
    }

    void referralIsAServiceRequestAndATaskThatFollowsItsSteps()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        FhirSourceRecord r = record(QStringLiteral("referral"), QStringLiteral("r1"),
            { { QStringLiteral("purpose"), QStringLiteral("referral") }, { QStringLiteral("direction"), QStringLiteral("up") },
                { QStringLiteral("urgency"), QStringLiteral("emergency") }, { QStringLiteral("target_clinic"), QStringLiteral("center") },
                { QStringLiteral("reason"), QStringLiteral("血压 160/110 mmHg") }, { QStringLiteral("summary"), QStringLiteral("G1P0") },
                { QStringLiteral("risk_items"), QStringLiteral("[\"重度子痫前期\"]") },
                { QStringLiteral("created_at"), QStringLiteral("2026-12-01T08:00:00.000Z") } });
        // A draft: the request only.
        QList<QJsonObject> resources = mapper.map(r);
        QCOMPARE(resources.size(), 1);
        QCOMPARE(resources.first()[QStringLiteral("status")].toString(), QStringLiteral("draft"));
        const auto step = [](const char *id, const char *action, const char *clinic, const char *at, const char *reason = "") {
            return QJsonObject { { QStringLiteral("id"), QLatin1String(id) }, { QStringLiteral("action"), QLatin1String(action) },
                { QStringLiteral("clinic_id"), QLatin1String(clinic) }, { QStringLiteral("author"), QStringLiteral("dr") },
                { QStringLiteral("created_at"), QLatin1String(at) }, { QStringLiteral("reason"), QString::fromUtf8(reason) } };
        };
        r.children[QStringLiteral("referral_step")] = { step("0190a1b2-0000-7000-8000-000000000011", "send", "clinic-a", "2026-12-01T08:01:00.000Z"),
            step("0190a1b2-0000-7000-8000-000000000013", "decline", "center", "2026-12-01T09:00:00.000Z", "床位已满"),
            step("0190a1b2-0000-7000-8000-000000000012", "receive", "center", "2026-12-01T08:02:00.000Z") };
        r.children[QStringLiteral("referral_attachment")] = { QJsonObject { { QStringLiteral("kind"), QStringLiteral("ctg") },
            { QStringLiteral("item_ref"), QStringLiteral("t1") }, { QStringLiteral("label"), QStringLiteral("NST") } } };
        resources = mapper.map(r);
        QCOMPARE(resources.size(), 2);
        const QJsonObject request = resources.at(0);
        QCOMPARE(request[QStringLiteral("resourceType")].toString(), QStringLiteral("ServiceRequest"));
        QCOMPARE(request[QStringLiteral("status")].toString(), QStringLiteral("active"));
        QCOMPARE(request[QStringLiteral("priority")].toString(), QStringLiteral("stat"));
        QCOMPARE(request[QStringLiteral("performer")][0][QStringLiteral("identifier")][QStringLiteral("value")].toString(),
            QStringLiteral("center"));
        QCOMPARE(request[QStringLiteral("supportingInfo")][0][QStringLiteral("reference")].toString(), QStringLiteral("Observation/t1"));
        QVERIFY(request[QStringLiteral("note")][1][QStringLiteral("text")].toString().contains(QStringLiteral("重度子痫前期")));
        const QJsonObject task = resources.at(1);
        QCOMPARE(task[QStringLiteral("id")].toString(), QStringLiteral("r1-task"));
        QCOMPARE(task[QStringLiteral("status")].toString(), QStringLiteral("rejected")); // the steps in time order
        QCOMPARE(task[QStringLiteral("statusReason")][QStringLiteral("text")].toString(), QStringLiteral("床位已满"));
        QCOMPARE(task[QStringLiteral("focus")][QStringLiteral("reference")].toString(), QStringLiteral("ServiceRequest/r1"));
        QCOMPARE(task[QStringLiteral("authoredOn")].toString(), QStringLiteral("2026-12-01T08:01:00Z"));
        QCOMPARE(task[QStringLiteral("lastModified")].toString(), QStringLiteral("2026-12-01T09:00:00Z"));
        QCOMPARE(mapper.map(r, QStringLiteral("Task")).size(), 1);
        // Declined, then closed by the sender: never carried out, the refusal kept.
        r.children[QStringLiteral("referral_step")].append(step("0190a1b2-0000-7000-8000-000000000014", "close", "clinic-a", "2026-12-01T10:00:00.000Z"));
        resources = mapper.map(r);
        QCOMPARE(resources.at(0)[QStringLiteral("status")].toString(), QStringLiteral("revoked"));
        QCOMPARE(resources.at(1)[QStringLiteral("status")].toString(), QStringLiteral("rejected"));
        QCOMPARE(resources.at(1)[QStringLiteral("statusReason")][QStringLiteral("text")].toString(), QStringLiteral("床位已满"));
        // Cancelled before it was sent: a revoked request, no Task.
        r.children[QStringLiteral("referral_step")] = { step("0190a1b2-0000-7000-8000-000000000015", "cancel", "clinic-a",
            "2026-12-01T08:05:00.000Z", "写错了") };
        resources = mapper.map(r);
        QCOMPARE(resources.size(), 1);
        QCOMPARE(resources.first()[QStringLiteral("status")].toString(), QStringLiteral("revoked"));
    }

    void answeredUltrasoundReadingIsACompletedTaskWithTheSignedReport()
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        FhirSourceRecord r = record(QStringLiteral("referral"), QStringLiteral("c1"),
            { { QStringLiteral("purpose"), QStringLiteral("consultation") },
                { QStringLiteral("consultation_kind"), QStringLiteral("ultrasound-reading") },
                { QStringLiteral("urgency"), QStringLiteral("urgent") }, { QStringLiteral("target_clinic"), QStringLiteral("center") } });
        QJsonObject answer { { QStringLiteral("id"), QStringLiteral("0190a1b2-0000-7000-8000-000000000022") }, { QStringLiteral("action"), QStringLiteral("return-outcome") },
            { QStringLiteral("clinic_id"), QStringLiteral("center") }, { QStringLiteral("created_at"), QStringLiteral("2026-12-01T09:00:00.000Z") },
            { QStringLiteral("outcome_diagnosis"), QStringLiteral("羊水过少") },
            { QStringLiteral("outcome_reading_kind"), QStringLiteral("ultrasound-report") },
            { QStringLiteral("outcome_reading_id"), QStringLiteral("0190a1b2-0000-7000-8000-0000000000aa") } };
        r.children[QStringLiteral("referral_step")] = { QJsonObject { { QStringLiteral("id"), QStringLiteral("0190a1b2-0000-7000-8000-000000000021") },
            { QStringLiteral("action"), QStringLiteral("send") }, { QStringLiteral("clinic_id"), QStringLiteral("clinic-a") },
            { QStringLiteral("created_at"), QStringLiteral("2026-12-01T08:00:00.000Z") } }, answer };
        const QList<QJsonObject> resources = mapper.map(r);
        QCOMPARE(resources.size(), 2);
        QVERIFY(codesOf(resources.at(0)[QStringLiteral("category")][0].toObject()).contains(QStringLiteral("http://snomed.info/sct|11429006")));
        const QJsonObject task = resources.at(1);
        QCOMPARE(task[QStringLiteral("status")].toString(), QStringLiteral("completed"));
        const QJsonArray output = task[QStringLiteral("output")].toArray();
        QCOMPARE(output.size(), 2);
        QCOMPARE(output.at(0)[QStringLiteral("valueString")].toString(), QStringLiteral("羊水过少"));
        QCOMPARE(output.at(1)[QStringLiteral("valueReference")][QStringLiteral("reference")].toString(),
            QStringLiteral("DiagnosticReport/0190a1b2-0000-7000-8000-0000000000aa"));
    }

    void codeTableWithoutARequiredSystemIsRefused()
    {
        QFile file(QStringLiteral(":/fhir/fhir-codes.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonObject systems = root[QStringLiteral("systems")].toObject();
        systems.remove(QStringLiteral("loinc"));
        root.insert(QStringLiteral("systems"), systems);
        const auto loaded = FhirCodes::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QStringLiteral("fhir.codes"));
        QVERIFY(!FhirCodes::fromJson("not json"));
    }
};

QTEST_GUILESS_MAIN(tst_FhirMapper)
#include "tst_fhirmapper.moc"
