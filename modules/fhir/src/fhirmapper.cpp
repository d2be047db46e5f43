#include "fhir/fhirmapper.h"

#include "ctg/ctgfileformat.h"
#include "referrals/referraltimeline.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {
QString text(const QJsonObject &fields, const char *name)
{
    const QJsonValue value = fields.value(QLatin1String(name));
    return value.isString() ? value.toString() : QString();
}

std::optional<double> number(const QJsonObject &fields, const char *name)
{
    const QJsonValue value = fields.value(QLatin1String(name));
    if (value.isDouble())
        return value.toDouble();
    return std::nullopt;
}

bool isDeleted(const QJsonObject &fields)
{
    const QJsonValue deleted = fields.value(QStringLiteral("deleted"));
    return deleted.toBool(false) || deleted.toInt(0) != 0;
}

// FHIR date: YYYY-MM-DD; empty when the text is not a date.
QString fhirDate(const QString &value)
{
    const QDate date = QDate::fromString(value.left(10), Qt::ISODate);
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// FHIR dateTime/instant: stored timestamps are UTC (RFC 3339); a plain date stays a date for
// dateTime. An instant needs the time, so a date alone gives nothing there.
QString fhirDateTime(const QString &value, bool instant = false)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (time.isValid() && value.size() > 10) {
        if (time.timeSpec() == Qt::LocalTime)
            time.setTimeSpec(Qt::UTC);
        return time.toUTC().toString(Qt::ISODate);
    }
    return instant ? QString() : fhirDate(value);
}

QJsonObject reference(const QString &type, const QString &id)
{
    return { { QStringLiteral("reference"), type + QLatin1Char('/') + id } };
}

// FHIR ids are at most 64 characters of [A-Za-z0-9.-]: record ids are UUIDs, so the few
// suffixes used here stay within it.
QString resourceId(const QString &recordId, const QString &suffix = {})
{
    return suffix.isEmpty() ? recordId : recordId + QLatin1Char('-') + suffix;
}

void insertIfNotEmpty(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}
} // namespace

FhirMapper::FhirMapper(const FhirCodes &codes)
    : m_codes(codes)
{
}

const QStringList &FhirMapper::resourceTypes()
{
    static const QStringList types { QStringLiteral("Patient"), QStringLiteral("EpisodeOfCare"),
        QStringLiteral("RiskAssessment"), QStringLiteral("Observation"), QStringLiteral("ImagingStudy"),
        QStringLiteral("DiagnosticReport"), QStringLiteral("ServiceRequest"), QStringLiteral("Task") };
    return types;
}

QStringList FhirMapper::tablesFor(const QString &resourceType)
{
    if (resourceType == QLatin1String("Patient"))
        return { QStringLiteral("patient") };
    if (resourceType == QLatin1String("EpisodeOfCare"))
        return { QStringLiteral("case_file") };
    if (resourceType == QLatin1String("RiskAssessment"))
        return { QStringLiteral("risk_assessment") };
    // Sorted: the search walks the tables in this order, the same as the index.
    if (resourceType == QLatin1String("Observation"))
        return { QStringLiteral("antenatal_visit"), QStringLiteral("ctg_trace"), QStringLiteral("lab_result"),
            QStringLiteral("pregnancy") };
    if (resourceType == QLatin1String("ImagingStudy"))
        return { QStringLiteral("ultrasound_exam") };
    if (resourceType == QLatin1String("DiagnosticReport"))
        return { QStringLiteral("ultrasound_report") };
    if (resourceType == QLatin1String("ServiceRequest") || resourceType == QLatin1String("Task"))
        return { QStringLiteral("referral") };
    return {};
}

QList<QJsonObject> FhirMapper::map(const FhirSourceRecord &record) const
{
    if (isDeleted(record.fields))
        return {};
    const QString &table = record.table;
    if (table == QLatin1String("patient"))
        return patient(record);
    if (table == QLatin1String("pregnancy"))
        return pregnancy(record);
    if (table == QLatin1String("antenatal_visit"))
        return visit(record);
    if (table == QLatin1String("lab_result"))
        return lab(record);
    if (table == QLatin1String("risk_assessment"))
        return riskAssessment(record);
    if (table == QLatin1String("case_file"))
        return caseFile(record);
    if (table == QLatin1String("ctg_trace"))
        return ctgTrace(record);
    if (table == QLatin1String("ultrasound_exam"))
        return ultrasoundExam(record);
    if (table == QLatin1String("ultrasound_report"))
        return ultrasoundReport(record);
    if (table == QLatin1String("referral"))
        return referral(record);
    return {};
}

QList<QJsonObject> FhirMapper::map(const FhirSourceRecord &record, const QString &resourceType) const
{
    QList<QJsonObject> resources = map(record);
    resources.removeIf([&](const QJsonObject &r) {
        return r.value(QStringLiteral("resourceType")).toString() != resourceType;
    });
    return resources;
}

QJsonObject FhirMapper::codeableConcept(const FhirCodes::Code &code, const QString &localCode) const
{
    QJsonArray codings;
    if (!code.loinc.isEmpty())
        codings.append(QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("loinc")) },
            { QStringLiteral("code"), code.loinc }, { QStringLiteral("display"), code.display } });
    if (!code.snomed.isEmpty())
        codings.append(QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("snomed")) },
            { QStringLiteral("code"), code.snomed }, { QStringLiteral("display"), code.display } });
    const QString local = code.local.isEmpty() ? localCode : code.local;
    if (!local.isEmpty())
        codings.append(QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("local")) },
            { QStringLiteral("code"), local }, { QStringLiteral("display"), code.display } });
    return { { QStringLiteral("coding"), codings }, { QStringLiteral("text"), code.display } };
}

QJsonObject FhirMapper::quantity(double value, const QString &unit) const
{
    QJsonObject q { { QStringLiteral("value"), value } };
    if (!unit.isEmpty()) {
        q.insert(QStringLiteral("unit"), unit);
        q.insert(QStringLiteral("system"), m_codes.system(QStringLiteral("ucum")));
        q.insert(QStringLiteral("code"), unit);
    }
    return q;
}

QJsonObject FhirMapper::observation(const FhirSourceRecord &record, const QString &idSuffix,
    const FhirCodes::Code &code, const QString &effective) const
{
    QJsonObject o { { QStringLiteral("resourceType"), QStringLiteral("Observation") },
        { QStringLiteral("id"), resourceId(record.id, idSuffix) },
        { QStringLiteral("status"), QStringLiteral("final") },
        { QStringLiteral("code"), codeableConcept(code, {}) },
        { QStringLiteral("subject"), reference(QStringLiteral("Patient"), record.patientKey) } };
    if (!code.category.isEmpty())
        o.insert(QStringLiteral("category"),
            QJsonArray { QJsonObject { { QStringLiteral("coding"),
                QJsonArray { QJsonObject {
                    { QStringLiteral("system"), m_codes.system(QStringLiteral("observationCategory")) },
                    { QStringLiteral("code"), code.category } } } } } });
    insertIfNotEmpty(o, QStringLiteral("effectiveDateTime"), effective);
    return o;
}

QList<QJsonObject> FhirMapper::patient(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    QJsonArray identifiers;
    const QString nationalId = text(f, "national_id");
    if (!nationalId.isEmpty())
        identifiers.append(QJsonObject { { QStringLiteral("use"), QStringLiteral("official") },
            { QStringLiteral("system"), m_codes.system(QStringLiteral("nationalId")) },
            { QStringLiteral("value"), nationalId } });
    const QString recordNumber = text(f, "record_number");
    if (!recordNumber.isEmpty())
        identifiers.append(QJsonObject { { QStringLiteral("use"), QStringLiteral("usual") },
            { QStringLiteral("system"),
                m_codes.system(QStringLiteral("recordNumber")) + QLatin1Char('/') + record.clinicId },
            { QStringLiteral("value"), recordNumber } });
    QJsonObject p { { QStringLiteral("resourceType"), QStringLiteral("Patient") },
        { QStringLiteral("id"), record.id }, { QStringLiteral("active"), true },
        { QStringLiteral("gender"), QStringLiteral("female") },
        { QStringLiteral("managingOrganization"),
            QJsonObject { { QStringLiteral("identifier"),
                QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("clinic")) },
                    { QStringLiteral("value"), record.clinicId } } } } } };
    if (!identifiers.isEmpty())
        p.insert(QStringLiteral("identifier"), identifiers);
    const QString name = text(f, "name");
    if (!name.isEmpty())
        p.insert(QStringLiteral("name"), QJsonArray { QJsonObject { { QStringLiteral("text"), name } } });
    insertIfNotEmpty(p, QStringLiteral("birthDate"), fhirDate(text(f, "birth_date")));
    const QString phone = text(f, "phone");
    if (!phone.isEmpty())
        p.insert(QStringLiteral("telecom"),
            QJsonArray { QJsonObject { { QStringLiteral("system"), QStringLiteral("phone") },
                { QStringLiteral("value"), phone } } });
    const QString address = text(f, "address");
    if (!address.isEmpty())
        p.insert(
            QStringLiteral("address"), QJsonArray { QJsonObject { { QStringLiteral("text"), address } } });
    return { p };
}

QList<QJsonObject> FhirMapper::pregnancy(const FhirSourceRecord &record) const
{
    // The estimated delivery date as the clinic computes it: from the dating scan when there is
    // one (scan date + 280 days − gestational age at the scan), else Naegele's rule (LMP + 280).
    const QJsonObject &f = record.fields;
    QDate edd;
    const QDate scan = QDate::fromString(fhirDate(text(f, "ultrasound_scan_date")), Qt::ISODate);
    const auto scanGa = number(f, "ultrasound_ga_days");
    const QDate lmp = QDate::fromString(fhirDate(text(f, "lmp")), Qt::ISODate);
    if (scan.isValid() && scanGa)
        edd = scan.addDays(280 - qint64(*scanGa));
    else if (lmp.isValid())
        edd = lmp.addDays(280);
    if (!edd.isValid())
        return {};
    QJsonObject o = observation(record, QStringLiteral("edd"), *m_codes.observation(QStringLiteral("edd")),
        fhirDate(text(f, scan.isValid() && scanGa ? "ultrasound_scan_date" : "booking_date")));
    o.insert(QStringLiteral("valueDateTime"), edd.toString(Qt::ISODate));
    o.insert(QStringLiteral("focus"),
        QJsonArray { QJsonObject { { QStringLiteral("display"), tr("Pregnancy %1").arg(record.id) } } });
    return { o };
}

QList<QJsonObject> FhirMapper::visit(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const QString date = fhirDate(text(f, "visit_date"));
    QList<QJsonObject> resources;
    const auto systolic = number(f, "systolic_mmhg");
    const auto diastolic = number(f, "diastolic_mmhg");
    if (systolic || diastolic) {
        QJsonObject bp = observation(
            record, QStringLiteral("bp"), *m_codes.observation(QStringLiteral("bloodPressure")), date);
        QJsonArray components;
        for (const auto &[name, value] :
            { std::pair { "systolic", systolic }, std::pair { "diastolic", diastolic } }) {
            if (!value)
                continue;
            const auto code = *m_codes.observation(QLatin1String(name));
            components.append(QJsonObject { { QStringLiteral("code"), codeableConcept(code, {}) },
                { QStringLiteral("valueQuantity"), quantity(*value, code.unit) } });
        }
        bp.insert(QStringLiteral("component"), components);
        resources.append(bp);
    }
    for (const auto &[column, name, suffix] : { std::tuple { "weight_kg", "bodyWeight", "weight" },
             std::tuple { "fundal_height_cm", "fundalHeight", "fundal-height" } }) {
        const auto value = number(f, column);
        if (!value)
            continue;
        const auto code = *m_codes.observation(QLatin1String(name));
        QJsonObject o = observation(record, QLatin1String(suffix), code, date);
        o.insert(QStringLiteral("valueQuantity"), quantity(*value, code.unit));
        resources.append(o);
    }
    return resources;
}

QList<QJsonObject> FhirMapper::lab(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const QString test = text(f, "test");
    const auto code = m_codes.lab(test);
    if (!code)
        return {}; // a test this table does not know is not guessed at
    QJsonObject o = observation(record, {}, *code, fhirDate(text(f, "taken_on")));
    o.insert(QStringLiteral("code"), codeableConcept(*code, QStringLiteral("lab-") + test));
    o.insert(QStringLiteral("category"),
        QJsonArray { QJsonObject { { QStringLiteral("coding"),
            QJsonArray { QJsonObject {
                { QStringLiteral("system"), m_codes.system(QStringLiteral("observationCategory")) },
                { QStringLiteral("code"), QStringLiteral("laboratory") } } } } } });
    if (const auto value = number(f, "value")) {
        o.insert(QStringLiteral("valueQuantity"), quantity(*value, code->unit));
        if (const auto upper = number(f, "upper_limit_of_normal"))
            o.insert(QStringLiteral("referenceRange"),
                QJsonArray { QJsonObject { { QStringLiteral("high"), quantity(*upper, code->unit) } } });
    } else {
        // Serology: 1 negative, 2 positive (domain Serology); unknown gives no result yet.
        const int serology = int(number(f, "serology").value_or(0));
        if (serology != 1 && serology != 2)
            return {};
        o.insert(
            QStringLiteral("valueCodeableConcept"), codeableConcept(m_codes.qualitative(serology == 2), {}));
    }
    return { o };
}

QList<QJsonObject> FhirMapper::riskAssessment(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const QString status = text(f, "status");
    const bool decided = status == QLatin1String("confirmed") || status == QLatin1String("overridden");
    const QString level
        = decided && !text(f, "level").isEmpty() ? text(f, "level") : text(f, "proposed_level");
    const bool purple = decided && f.value(QStringLiteral("purple")).isDouble()
        ? number(f, "purple").value_or(0) != 0
        : number(f, "proposed_purple").value_or(0) != 0;
    const QString fiveColor = m_codes.system(QStringLiteral("fiveColor"));
    QJsonArray predictions;
    for (const QString &grade :
        purple ? QStringList { level, QStringLiteral("purple") } : QStringList { level }) {
        if (grade.isEmpty())
            continue;
        predictions.append(QJsonObject { { QStringLiteral("outcome"),
            QJsonObject { { QStringLiteral("coding"),
                              QJsonArray { QJsonObject { { QStringLiteral("system"), fiveColor },
                                  { QStringLiteral("code"), grade } } } },
                { QStringLiteral("text"), grade } } } });
    }
    QJsonObject r { { QStringLiteral("resourceType"), QStringLiteral("RiskAssessment") },
        { QStringLiteral("id"), record.id },
        { QStringLiteral("status"),
            decided ? (
                status == QLatin1String("overridden") ? QStringLiteral("amended") : QStringLiteral("final"))
                    : QStringLiteral("preliminary") },
        { QStringLiteral("subject"), reference(QStringLiteral("Patient"), record.patientKey) },
        { QStringLiteral("method"),
            QJsonObject { { QStringLiteral("coding"),
                              QJsonArray { QJsonObject {
                                  { QStringLiteral("system"), m_codes.system(QStringLiteral("riskRule")) },
                                  { QStringLiteral("version"), text(f, "rule_set_version") },
                                  { QStringLiteral("code"), text(f, "rule_set_id") } } } },
                { QStringLiteral("text"),
                    text(f, "rule_set_id") + QLatin1Char(' ') + text(f, "rule_set_version") } } } };
    insertIfNotEmpty(r, QStringLiteral("occurrenceDateTime"), fhirDate(text(f, "assessed_on")));
    if (!predictions.isEmpty())
        r.insert(QStringLiteral("prediction"), predictions);
    // The basis: every rule that fired, named in the rule set (identifier) with its label.
    const QJsonObject result = QJsonDocument::fromJson(text(f, "result_json").toUtf8()).object();
    QJsonArray basis;
    for (const QJsonValue &fired : result.value(QStringLiteral("firedRules")).toArray()) {
        const QJsonObject rule = fired.toObject();
        const QString id = rule.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            continue;
        const QJsonObject label = rule.value(QStringLiteral("label")).toObject();
        const QString display
            = label.value(QStringLiteral("en")).toString(label.value(QStringLiteral("zh")).toString(id));
        basis.append(QJsonObject { { QStringLiteral("identifier"),
                                       QJsonObject { { QStringLiteral("system"),
                                                         m_codes.system(QStringLiteral("riskRule"))
                                                             + QLatin1Char('/') + text(f, "rule_set_id") },
                                           { QStringLiteral("value"), id } } },
            { QStringLiteral("display"),
                display + QStringLiteral(" (") + rule.value(QStringLiteral("level")).toString()
                    + QLatin1Char(')') } });
    }
    if (!basis.isEmpty())
        r.insert(QStringLiteral("basis"), basis);
    const QString reason = text(f, "reason");
    if (!reason.isEmpty())
        r.insert(QStringLiteral("note"), QJsonArray { QJsonObject { { QStringLiteral("text"), reason } } });
    return { r };
}

QList<QJsonObject> FhirMapper::caseFile(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const bool closed = text(f, "status") == QLatin1String("closed");
    QJsonObject period;
    insertIfNotEmpty(period, QStringLiteral("start"), fhirDate(text(f, "opened_on")));
    if (closed)
        insertIfNotEmpty(period, QStringLiteral("end"), fhirDate(text(f, "closed_on")));
    QJsonObject e { { QStringLiteral("resourceType"), QStringLiteral("EpisodeOfCare") },
        { QStringLiteral("id"), record.id },
        { QStringLiteral("status"), closed ? QStringLiteral("finished") : QStringLiteral("active") },
        { QStringLiteral("type"), QJsonArray { codeableConcept(m_codes.episode(), {}) } },
        { QStringLiteral("patient"), reference(QStringLiteral("Patient"), record.patientKey) },
        { QStringLiteral("managingOrganization"),
            QJsonObject { { QStringLiteral("identifier"),
                QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("clinic")) },
                    { QStringLiteral("value"), record.clinicId } } } } } };
    if (!period.isEmpty())
        e.insert(QStringLiteral("period"), period);
    const QString doctor = text(f, "responsible_doctor");
    if (!doctor.isEmpty())
        e.insert(QStringLiteral("careManager"), QJsonObject { { QStringLiteral("display"), doctor } });
    return { e };
}

QList<QJsonObject> FhirMapper::ctgTrace(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const auto code = *m_codes.observation(QStringLiteral("ctg"));
    QJsonObject o = observation(record, {}, code, fhirDateTime(text(f, "recorded_at")));
    const double rate = number(f, "sample_rate_hz").value_or(0);
    if (rate <= 0)
        return {};
    // SampledData: the fetal heart rate in bpm, one value per sample period; "E" where the signal
    // was lost. The samples travel as an attachment; without its bytes the shape is still given.
    QJsonObject sampled { { QStringLiteral("origin"), quantity(0, code.unit) },
        { QStringLiteral("period"), 1000.0 / rate }, { QStringLiteral("dimensions"), 1 },
        { QStringLiteral("lowerLimit"), 0 }, { QStringLiteral("upperLimit"), 300 } };
    if (!record.attachment.isEmpty()) {
        if (const auto trace = CtgFileFormat::decode(record.attachment)) {
            QString data;
            data.reserve(trace->fhrBpm.size() * 4);
            for (const float bpm : trace->fhrBpm) {
                if (!data.isEmpty())
                    data += QLatin1Char(' ');
                data += std::isfinite(bpm) && bpm > 0 ? QString::number(std::lround(bpm))
                                                      : QStringLiteral("E");
            }
            if (!data.isEmpty())
                sampled.insert(QStringLiteral("data"), data);
        }
    }
    o.insert(QStringLiteral("valueSampledData"), sampled);
    QJsonArray components;
    if (const auto baseline = number(f, "baseline_bpm"))
        components.append(
            QJsonObject { { QStringLiteral("code"),
                              QJsonObject { { QStringLiteral("text"), tr("Baseline fetal heart rate") } } },
                { QStringLiteral("valueQuantity"), quantity(*baseline, code.unit) } });
    const QString figo = text(f, "figo_class");
    if (!figo.isEmpty())
        components.append(
            QJsonObject { { QStringLiteral("code"),
                              QJsonObject { { QStringLiteral("text"), tr("FIGO 2015 classification") } } },
                { QStringLiteral("valueString"), figo } });
    if (!components.isEmpty())
        o.insert(QStringLiteral("component"), components);
    return { o };
}

QList<QJsonObject> FhirMapper::ultrasoundExam(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    QJsonObject s { { QStringLiteral("resourceType"), QStringLiteral("ImagingStudy") },
        { QStringLiteral("id"), record.id }, { QStringLiteral("status"), QStringLiteral("available") },
        { QStringLiteral("subject"), reference(QStringLiteral("Patient"), record.patientKey) },
        { QStringLiteral("modality"),
            QJsonArray {
                QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("dicomModality")) },
                    { QStringLiteral("code"), QStringLiteral("US") } } } },
        { QStringLiteral("description"), tr("Obstetric ultrasound") } };
    const QString uid = text(f, "study_uid");
    if (!uid.isEmpty())
        s.insert(QStringLiteral("identifier"),
            QJsonArray {
                QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("dicomUid")) },
                    { QStringLiteral("value"), QStringLiteral("urn:oid:") + uid } } });
    insertIfNotEmpty(s, QStringLiteral("started"), fhirDateTime(text(f, "exam_date")));
    return { s };
}

QList<QJsonObject> FhirMapper::ultrasoundReport(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const QString signedBy = text(f, "signed_by");
    if (signedBy.isEmpty())
        return {}; // a draft is not a report the platform may act on
    QJsonObject d { { QStringLiteral("resourceType"), QStringLiteral("DiagnosticReport") },
        { QStringLiteral("id"), record.id },
        { QStringLiteral("status"),
            text(f, "amends").isEmpty() ? QStringLiteral("final") : QStringLiteral("amended") },
        { QStringLiteral("category"),
            QJsonArray { QJsonObject { { QStringLiteral("coding"),
                QJsonArray {
                    QJsonObject { { QStringLiteral("system"),
                                      QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0074") },
                        { QStringLiteral("code"), QStringLiteral("RUS") } } } } } } },
        { QStringLiteral("code"), codeableConcept(m_codes.ultrasoundReport(), {}) },
        { QStringLiteral("subject"), reference(QStringLiteral("Patient"), record.patientKey) },
        { QStringLiteral("resultsInterpreter"),
            QJsonArray { QJsonObject { { QStringLiteral("display"), signedBy } } } } };
    insertIfNotEmpty(d, QStringLiteral("effectiveDateTime"), fhirDateTime(text(f, "exam_date")));
    insertIfNotEmpty(d, QStringLiteral("issued"), fhirDateTime(text(f, "signed_at"), true));
    const QString uid = text(f, "study_uid");
    if (!uid.isEmpty())
        d.insert(QStringLiteral("imagingStudy"),
            QJsonArray { QJsonObject { { QStringLiteral("identifier"),
                QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("dicomUid")) },
                    { QStringLiteral("value"), QStringLiteral("urn:oid:") + uid } } } } });
    QStringList conclusion;
    for (const char *part : { "findings", "impression" }) {
        if (!text(f, part).isEmpty())
            conclusion << text(f, part);
    }
    if (!conclusion.isEmpty())
        d.insert(QStringLiteral("conclusion"), conclusion.join(QLatin1Char('\n')));
    return { d };
}

QJsonObject FhirMapper::clinic(const QString &clinicId) const
{
    return { { QStringLiteral("identifier"),
        QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("clinic")) },
            { QStringLiteral("value"), clinicId } } } };
}

namespace {
// A referral's steps as ReferralTimeline reads them, from their synced fields.
QList<ReferralStep> stepsOf(const QList<QJsonObject> &records)
{
    QList<ReferralStep> steps;
    for (const QJsonObject &f : records) {
        const auto action = ReferralSteps::actionFromKey(text(f, "action"));
        if (!action || isDeleted(f))
            continue;
        ReferralStep step;
        step.id = QUuid::fromString(text(f, "id"));
        step.action = *action;
        step.clinicId = text(f, "clinic_id");
        step.author = text(f, "author");
        step.at = QDateTime::fromString(text(f, "created_at"), Qt::ISODateWithMs);
        step.reason = text(f, "reason");
        step.outcome = { text(f, "outcome_diagnosis"), text(f, "outcome_treatment"), text(f, "outcome_plan"),
            text(f, "outcome_advice"),
            { ReferralSteps::readingKindFromKey(text(f, "outcome_reading_kind")).value_or(ReadingKind::None),
                QUuid::fromString(text(f, "outcome_reading_id")) } };
        steps.append(step);
    }
    return steps;
}

// FHIR R4 Task.status for where the referral stands (docs/referrals.md).
QString taskStatus(ReferralStatus status)
{
    switch (status) {
    case ReferralStatus::Draft:
        return QStringLiteral("draft");
    case ReferralStatus::Sent:
        return QStringLiteral("requested");
    case ReferralStatus::Received:
        return QStringLiteral("received");
    case ReferralStatus::Accepted:
        return QStringLiteral("accepted");
    case ReferralStatus::Declined:
        return QStringLiteral("rejected");
    case ReferralStatus::Arrived:
        return QStringLiteral("in-progress");
    case ReferralStatus::OutcomeReturned:
    case ReferralStatus::Closed:
        return QStringLiteral("completed");
    case ReferralStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("requested");
}

QString priorityOf(const QString &urgency)
{
    if (urgency == QLatin1String("emergency"))
        return QStringLiteral("stat");
    return urgency == QLatin1String("urgent") ? QStringLiteral("urgent") : QStringLiteral("routine");
}

QJsonObject textConcept(const QString &value)
{
    return { { QStringLiteral("text"), value } };
}

// What the receiver returned, as the Task's output: the return slip, or the consultant's
// opinion with the signed report it comes from.
QJsonArray outputOf(const ReferralStep &answer, bool consultation)
{
    QStringList parts;
    for (const QString &part : { answer.outcome.diagnosis, answer.outcome.treatment, answer.outcome.plan, answer.outcome.advice })
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    QJsonArray output { QJsonObject { { QStringLiteral("type"),
                                          textConcept(consultation ? QStringLiteral("consultation opinion")
                                                                   : QStringLiteral("return slip")) },
        { QStringLiteral("valueString"), parts.join(QLatin1Char('\n')) } } };
    if (answer.outcome.reading.kind == ReadingKind::UltrasoundReport)
        output.append(QJsonObject { { QStringLiteral("type"), textConcept(QStringLiteral("signed ultrasound report")) },
            { QStringLiteral("valueReference"),
                reference(QStringLiteral("DiagnosticReport"), answer.outcome.reading.recordId.toString(QUuid::WithoutBraces)) } });
    return output;
}
} // namespace

QList<QJsonObject> FhirMapper::referral(const FhirSourceRecord &record) const
{
    const QJsonObject &f = record.fields;
    const bool consultation = text(f, "purpose") == QLatin1String("consultation");
    const ReferralTimeline timeline = ReferralTimeline::of(stepsOf(record.children.value(QStringLiteral("referral_step"))),
        consultation ? ReferralPurpose::Consultation : ReferralPurpose::Referral);
    const ReferralStatus status = timeline.status();
    const bool sent = timeline.reachedAt(ReferralStatus::Sent).has_value();
    // Declined, then closed by the sender: the request was never carried out.
    const bool refused = status == ReferralStatus::Closed && timeline.reachedAt(ReferralStatus::Declined).has_value();
    const QString requestStatus = !sent && status != ReferralStatus::Cancelled ? QStringLiteral("draft")
        : status == ReferralStatus::Cancelled || refused                       ? QStringLiteral("revoked")
        : status == ReferralStatus::Closed                                     ? QStringLiteral("completed")
                                                                               : QStringLiteral("active");
    // SNOMED CT 3457005 |Patient referral|, 11429006 |Consultation|.
    const QJsonObject category { { QStringLiteral("coding"),
        QJsonArray { QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("snomed")) },
            { QStringLiteral("code"), consultation ? QStringLiteral("11429006") : QStringLiteral("3457005") },
            { QStringLiteral("display"), consultation ? QStringLiteral("Consultation") : QStringLiteral("Patient referral") } } } } };
    const QString what = consultation ? QStringLiteral("consultation: ") + text(f, "consultation_kind")
                                      : QStringLiteral("referral ") + text(f, "direction");
    QJsonObject request { { QStringLiteral("resourceType"), QStringLiteral("ServiceRequest") },
        { QStringLiteral("id"), record.id }, { QStringLiteral("status"), requestStatus },
        { QStringLiteral("intent"), QStringLiteral("order") }, { QStringLiteral("category"), QJsonArray { category } },
        { QStringLiteral("priority"), priorityOf(text(f, "urgency")) }, { QStringLiteral("code"), textConcept(what) },
        { QStringLiteral("subject"), reference(QStringLiteral("Patient"), record.patientKey) },
        { QStringLiteral("requester"), clinic(record.clinicId) },
        { QStringLiteral("performer"), QJsonArray { clinic(text(f, "target_clinic")) } } };
    insertIfNotEmpty(request, QStringLiteral("authoredOn"), fhirDateTime(text(f, "created_at")));
    QJsonArray reasons;
    for (const char *field : { "reason", "diagnosis" })
        if (!text(f, field).isEmpty())
            reasons.append(textConcept(text(f, field)));
    if (!reasons.isEmpty())
        request.insert(QStringLiteral("reasonCode"), reasons);
    QStringList notes;
    if (!text(f, "summary").isEmpty())
        notes << text(f, "summary");
    const QJsonArray riskItems = QJsonDocument::fromJson(text(f, "risk_items").toUtf8()).array();
    QStringList items;
    for (const QJsonValue &item : riskItems)
        items << item.toString();
    if (!items.isEmpty())
        notes << items.join(QStringLiteral("; "));
    QJsonArray noteArray;
    for (const QString &note : notes)
        noteArray.append(QJsonObject { { QStringLiteral("text"), note } });
    if (!noteArray.isEmpty())
        request.insert(QStringLiteral("note"), noteArray);
    QJsonArray supporting;
    for (const QJsonObject &a : record.children.value(QStringLiteral("referral_attachment"))) {
        if (isDeleted(a))
            continue;
        const QString kind = text(a, "kind");
        QJsonObject item { { QStringLiteral("display"), text(a, "label") } };
        if (kind == QLatin1String("ctg") || kind == QLatin1String("lab"))
            item.insert(QStringLiteral("reference"), QStringLiteral("Observation/") + text(a, "item_ref"));
        else if (kind == QLatin1String("ultrasound-report"))
            item.insert(QStringLiteral("reference"), QStringLiteral("DiagnosticReport/") + text(a, "item_ref"));
        else if (kind == QLatin1String("study"))
            item.insert(QStringLiteral("identifier"),
                QJsonObject { { QStringLiteral("system"), m_codes.system(QStringLiteral("dicomUid")) },
                    { QStringLiteral("value"), QStringLiteral("urn:oid:") + text(a, "item_ref") } });
        supporting.append(item);
    }
    if (!supporting.isEmpty())
        request.insert(QStringLiteral("supportingInfo"), supporting);
    if (!sent)
        return { request }; // a draft, or one cancelled before it went: nothing to track

    QJsonObject task { { QStringLiteral("resourceType"), QStringLiteral("Task") },
        { QStringLiteral("id"), resourceId(record.id, QStringLiteral("task")) },
        { QStringLiteral("status"), refused ? QStringLiteral("rejected") : taskStatus(status) },
        { QStringLiteral("intent"), QStringLiteral("order") },
        { QStringLiteral("priority"), priorityOf(text(f, "urgency")) },
        { QStringLiteral("businessStatus"), textConcept(ReferralSteps::key(status)) },
        { QStringLiteral("focus"), reference(QStringLiteral("ServiceRequest"), record.id) },
        { QStringLiteral("for"), reference(QStringLiteral("Patient"), record.patientKey) },
        { QStringLiteral("requester"), clinic(record.clinicId) }, { QStringLiteral("owner"), clinic(text(f, "target_clinic")) } };
    if (const auto sentAt = timeline.reachedAt(ReferralStatus::Sent))
        task.insert(QStringLiteral("authoredOn"), sentAt->toUTC().toString(Qt::ISODate));
    task.insert(QStringLiteral("lastModified"), timeline.entries().constLast().step.at.toUTC().toString(Qt::ISODate));
    for (auto it = timeline.entries().crbegin(); it != timeline.entries().crend(); ++it) {
        const ReferralStep &step = it->step;
        if (it->applied && ReferralSteps::needsReason(step.action) && !step.reason.isEmpty()) {
            task.insert(QStringLiteral("statusReason"), textConcept(step.reason));
            break;
        }
    }
    for (auto it = timeline.entries().crbegin(); it != timeline.entries().crend(); ++it) {
        if (it->applied && it->step.action == ReferralAction::ReturnOutcome) {
            task.insert(QStringLiteral("output"), outputOf(it->step, consultation));
            break;
        }
    }
    return { request, task };
}
