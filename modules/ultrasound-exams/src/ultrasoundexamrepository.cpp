#include "ultrasound-exams/ultrasoundexamrepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"

namespace {
const QList<BiometryMeasure> storedMeasures { BiometryMeasure::Bpd, BiometryMeasure::Hc, BiometryMeasure::Ac,
    BiometryMeasure::Fl, BiometryMeasure::Crl, BiometryMeasure::Nt };

QStringList columns()
{
    QStringList names { QStringLiteral("pregnancy_id"), QStringLiteral("exam_date"),
        QStringLiteral("study_uid") };
    for (BiometryMeasure m : storedMeasures)
        names << BiometryMeasures::key(m) + QStringLiteral("_mm");
    names << QStringLiteral("efw_grams") << QStringLiteral("efw_formula") << QStringLiteral("ga_days")
          << QStringLiteral("ga_method") << QStringLiteral("dated_pregnancy");
    return names;
}

// A null QString binds as SQL NULL; these columns are NOT NULL with '' for "none".
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}
} // namespace

UltrasoundExamRepository::UltrasoundExamRepository(const Database &database)
    : m_database(database)
    , m_table(database.connection(), QStringLiteral("ultrasound_exam"), columns())
{
}

Result<void> UltrasoundExamRepository::save(UltrasoundExam &exam)
{
    QVariantList values { exam.pregnancyId.toString(QUuid::WithoutBraces), sqlDate(exam.examDate),
        text(exam.studyInstanceUid) };
    for (BiometryMeasure m : storedMeasures)
        values << sqlOptional(exam.biometry.millimetres(m));
    values << sqlOptional(exam.efwGrams) << text(exam.efwFormula)
           << (exam.gestationalAge ? QVariant(exam.gestationalAge->totalDays()) : QVariant())
           << text(exam.gaMethod) << int(exam.datedPregnancy);
    if (exam.meta.id.isNull() || exam.meta.revision == 0)
        return m_table.insert(
            exam.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_table.update(exam.meta, values, m_database.identity().author);
}

Result<QList<UltrasoundExam>> UltrasoundExamRepository::forPregnancy(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_table.selectSql()
        + QStringLiteral(" WHERE pregnancy_id = ? AND deleted = 0 ORDER BY exam_date DESC, created_at DESC"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read ultrasound exams"); !done)
        return tl::unexpected(done.error());
    QList<UltrasoundExam> exams;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        UltrasoundExam exam;
        exam.meta = RecordTable::readMeta(query);
        exam.pregnancyId = pregnancyId;
        exam.examDate = dateFromSql(query.value(v + 1));
        exam.studyInstanceUid = query.value(v + 2).toString();
        int column = v + 3;
        for (BiometryMeasure m : storedMeasures) {
            // A value another clinic's version stored outside today's ranges is left out, not
            // shown as if valid.
            if (const auto mm = optionalDouble(query.value(column++)))
                (void)exam.biometry.set(m, *mm);
        }
        exam.efwGrams = optionalDouble(query.value(column++));
        exam.efwFormula = query.value(column++).toString();
        if (const auto days = optionalInt(query.value(column++)))
            exam.gestationalAge = GestationalAge(*days);
        exam.gaMethod = query.value(column++).toString();
        exam.datedPregnancy = query.value(column++).toInt() != 0;
        exams.append(exam);
    }
    return exams;
}
