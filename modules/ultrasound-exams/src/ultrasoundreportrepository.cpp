#include "ultrasound-exams/ultrasoundreportrepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"
#include "ultrasound-exams/ultrasoundreportvalidator.h"

#include <QSet>

namespace {
const QList<BiometryMeasure> storedMeasures { BiometryMeasure::Bpd, BiometryMeasure::Hc, BiometryMeasure::Ac,
    BiometryMeasure::Fl, BiometryMeasure::Crl, BiometryMeasure::Nt };

QStringList columns()
{
    QStringList names { QStringLiteral("pregnancy_id"), QStringLiteral("study_uid"),
        QStringLiteral("exam_date"), QStringLiteral("fetus_count"), QStringLiteral("heart_activity"),
        QStringLiteral("heart_rate_bpm"), QStringLiteral("presentation"), QStringLiteral("placenta_location"),
        QStringLiteral("placenta_grade"), QStringLiteral("afi_cm"), QStringLiteral("deepest_pocket_cm") };
    for (BiometryMeasure m : storedMeasures)
        names << BiometryMeasures::key(m) + QStringLiteral("_mm");
    names << QStringLiteral("efw_grams") << QStringLiteral("ga_days") << QStringLiteral("findings")
          << QStringLiteral("impression") << QStringLiteral("reader") << QStringLiteral("signed_by")
          << QStringLiteral("signed_at") << QStringLiteral("amends") << QStringLiteral("amendment_reason");
    return names;
}

// These columns are NOT NULL with '' for "none"; a null QString would bind as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}
} // namespace

UltrasoundReportRepository::UltrasoundReportRepository(const Database &database)
    : m_database(database)
    , m_table(database.connection(), QStringLiteral("ultrasound_report"), columns())
{
}

Result<void> UltrasoundReportRepository::save(UltrasoundReport &r)
{
    // The stored row decides, not the caller's copy: a form opened before someone signed.
    if (!r.meta.id.isNull() && r.meta.revision > 0) {
        auto stored = select(QStringLiteral("id = ?"), r.meta.id.toString(QUuid::WithoutBraces));
        if (!stored)
            return failure(stored.error());
        if (!stored->isEmpty() && stored->first().isSigned())
            return failure(QStringLiteral("usreport.signed"),
                tr("This report is signed and can no longer be changed; write an amendment instead."));
    }
    QVariantList values { r.pregnancyId.toString(QUuid::WithoutBraces), text(r.studyInstanceUid),
        sqlDate(r.examDate), sqlOptional(r.fetusCount), text(UltrasoundReport::key(r.heartActivity)),
        sqlOptional(r.heartRateBpm), text(UltrasoundReport::key(r.presentation)), text(r.placentaLocation),
        sqlOptional(r.placentaGrade), sqlOptional(r.afiCm), sqlOptional(r.deepestPocketCm) };
    for (BiometryMeasure m : storedMeasures)
        values << sqlOptional(r.biometry.millimetres(m));
    values << sqlOptional(r.efwGrams)
           << (r.gestationalAge ? QVariant(r.gestationalAge->totalDays()) : QVariant()) << text(r.findings)
           << text(r.impression) << text(r.reader) << text(r.signedBy)
           << text(r.isSigned() ? r.signedAt.toUTC().toString(Qt::ISODateWithMs) : QString())
           << text(uuidText(r.amends)) << text(r.amendmentReason);
    if (r.meta.id.isNull() || r.meta.revision == 0)
        return m_table.insert(r.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_table.update(r.meta, values, m_database.identity().author);
}

Result<void> UltrasoundReportRepository::sign(
    UltrasoundReport &r, const QString &signer, const QDateTime &when)
{
    if (r.isSigned())
        return failure(QStringLiteral("usreport.signed"), tr("This report is already signed."));
    if (const auto found = UltrasoundReportValidator::problems(r); !found.isEmpty())
        return failure(found.first().error);
    if (signer.trimmed().isEmpty())
        return failure(
            QStringLiteral("usreport.no-signer"), tr("The report must be signed by a named doctor."));
    UltrasoundReport signedReport = r;
    signedReport.signedBy = signer;
    signedReport.signedAt = when.toUTC();
    if (auto saved = save(signedReport); !saved)
        return saved;
    r = signedReport;
    return {};
}

Result<UltrasoundReport> UltrasoundReportRepository::amend(const UltrasoundReport &original)
{
    if (!original.isSigned())
        return failure(
            QStringLiteral("usreport.not-signed"), tr("Only a signed report is amended; edit the draft."));
    UltrasoundReport amendment = original;
    amendment.meta = RecordMeta {};
    amendment.signedBy.clear();
    amendment.signedAt = QDateTime();
    amendment.amends = original.meta.id;
    amendment.amendmentReason.clear();
    return amendment;
}

Result<QList<UltrasoundReport>> UltrasoundReportRepository::forPregnancy(const QUuid &pregnancyId) const
{
    return select(QStringLiteral("pregnancy_id = ?"), pregnancyId.toString(QUuid::WithoutBraces));
}

Result<QList<UltrasoundReport>> UltrasoundReportRepository::forStudy(const QString &studyInstanceUid) const
{
    return select(QStringLiteral("study_uid = ?"), studyInstanceUid);
}

Result<QSet<QString>> UltrasoundReportRepository::signedStudies() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT DISTINCT study_uid FROM ultrasound_report WHERE deleted = 0 AND signed_at <> ''"));
    if (auto done = execute(query, "read signed ultrasound reports"); !done)
        return tl::unexpected(done.error());
    QSet<QString> studies;
    while (query.next())
        studies.insert(query.value(0).toString());
    return studies;
}

Result<QList<UltrasoundReport>> UltrasoundReportRepository::select(
    const QString &where, const QVariant &value) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_table.selectSql() + QStringLiteral(" WHERE ") + where
        + QStringLiteral(" AND deleted = 0 ORDER BY exam_date DESC, created_at DESC"));
    query.addBindValue(value);
    if (auto done = execute(query, "read ultrasound reports"); !done)
        return tl::unexpected(done.error());
    QList<UltrasoundReport> reports;
    while (query.next()) {
        int c = RecordTable::FirstValueColumn;
        UltrasoundReport r;
        r.meta = RecordTable::readMeta(query);
        r.pregnancyId = QUuid::fromString(query.value(c++).toString());
        r.studyInstanceUid = query.value(c++).toString();
        r.examDate = dateFromSql(query.value(c++));
        r.fetusCount = optionalInt(query.value(c++));
        r.heartActivity = UltrasoundReport::heartActivityFromKey(query.value(c++).toString());
        r.heartRateBpm = optionalInt(query.value(c++));
        r.presentation = UltrasoundReport::presentationFromKey(query.value(c++).toString());
        r.placentaLocation = query.value(c++).toString();
        r.placentaGrade = optionalInt(query.value(c++));
        r.afiCm = optionalDouble(query.value(c++));
        r.deepestPocketCm = optionalDouble(query.value(c++));
        for (BiometryMeasure m : storedMeasures) {
            if (const auto mm = optionalDouble(query.value(c++)))
                (void)r.biometry.set(m, *mm);
        }
        r.efwGrams = optionalDouble(query.value(c++));
        if (const auto days = optionalInt(query.value(c++)))
            r.gestationalAge = GestationalAge(*days);
        r.findings = query.value(c++).toString();
        r.impression = query.value(c++).toString();
        r.reader = query.value(c++).toString();
        r.signedBy = query.value(c++).toString();
        const QString signedAt = query.value(c++).toString();
        if (!signedAt.isEmpty())
            r.signedAt = QDateTime::fromString(signedAt, Qt::ISODateWithMs);
        r.amends = QUuid::fromString(query.value(c++).toString());
        r.amendmentReason = query.value(c++).toString();
        reports.append(r);
    }
    return reports;
}
