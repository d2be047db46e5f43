#include "grading/screeningrepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString answersJson(const QList<ScreeningRecordAnswer> &answers)
{
    QJsonArray array;
    for (const ScreeningRecordAnswer &a : answers) {
        QJsonArray evidence;
        for (const Evidence &e : a.evidence)
            evidence.append(QJsonObject{{QStringLiteral("input"), e.input},
                                        {QStringLiteral("value"), e.value},
                                        {QStringLiteral("unit"), e.unit},
                                        {QStringLiteral("date"), e.date.toString(Qt::ISODate)},
                                        {QStringLiteral("source"), e.sourceId}});
        array.append(QJsonObject{{QStringLiteral("item"), a.itemId},
                                 {QStringLiteral("from"), a.fromRecord ? QStringLiteral("record") : QStringLiteral("clinician")},
                                 {QStringLiteral("evidence"), evidence}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// A record pulled from the center is read leniently: what cannot be read is left out rather
// than failing the whole chart.
QList<ScreeningRecordAnswer> answersFrom(const QString &json)
{
    QList<ScreeningRecordAnswer> answers;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = value.toObject();
        ScreeningRecordAnswer answer{o.value(QStringLiteral("item")).toString(),
                                     o.value(QStringLiteral("from")).toString() == QLatin1String("record"), {}};
        if (answer.itemId.isEmpty())
            continue;
        for (const QJsonValue &e : o.value(QStringLiteral("evidence")).toArray()) {
            const QJsonObject eo = e.toObject();
            answer.evidence.append({eo.value(QStringLiteral("input")).toString(), eo.value(QStringLiteral("value")).toDouble(),
                                    eo.value(QStringLiteral("unit")).toString(),
                                    QDate::fromString(eo.value(QStringLiteral("date")).toString(), Qt::ISODate),
                                    eo.value(QStringLiteral("source")).toString()});
        }
        answers.append(answer);
    }
    return answers;
}
} // namespace

ScreeningRepository::ScreeningRepository(const Database &database)
    : m_database(database),
      m_screenings(database.connection(), QStringLiteral("risk_screening"),
                   {QStringLiteral("pregnancy_id"), QStringLiteral("screened_on"), QStringLiteral("result"),
                    QStringLiteral("answers_json"), QStringLiteral("screened_by"), QStringLiteral("note"), QStringLiteral("form_id"),
                    QStringLiteral("form_version"), QStringLiteral("rule_set_id"), QStringLiteral("rule_set_version")})
{
}

Result<void> ScreeningRepository::save(ScreeningRecord &s)
{
    const QVariantList values{s.pregnancyId.toString(QUuid::WithoutBraces),
                              sqlDate(s.screenedOn),
                              s.positive ? QStringLiteral("positive") : QStringLiteral("negative"),
                              answersJson(s.answers),
                              s.screenedBy,
                              s.note.isNull() ? QStringLiteral("") : s.note,
                              s.formId,
                              s.formVersion,
                              s.ruleSetId,
                              s.ruleSetVersion};
    if (s.meta.id.isNull() || s.meta.revision == 0)
        return m_screenings.insert(s.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_screenings.update(s.meta, values, m_database.identity().author);
}

Result<QList<ScreeningRecord>> ScreeningRepository::history(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_screenings.selectSql() + QStringLiteral(" WHERE pregnancy_id = ? AND deleted = 0 ORDER BY screened_on, created_at"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read screenings"); !done)
        return tl::unexpected(done.error());
    QList<ScreeningRecord> screenings;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        ScreeningRecord s;
        s.meta = RecordTable::readMeta(query);
        s.pregnancyId = pregnancyId;
        s.screenedOn = dateFromSql(query.value(v + 1));
        s.positive = query.value(v + 2).toString() == QLatin1String("positive");
        s.answers = answersFrom(query.value(v + 3).toString());
        s.screenedBy = query.value(v + 4).toString();
        s.note = query.value(v + 5).toString();
        s.formId = query.value(v + 6).toString();
        s.formVersion = query.value(v + 7).toString();
        s.ruleSetId = query.value(v + 8).toString();
        s.ruleSetVersion = query.value(v + 9).toString();
        screenings.append(s);
    }
    return screenings;
}

Result<std::optional<ScreeningRecord>> ScreeningRepository::latest(const QUuid &pregnancyId) const
{
    auto all = history(pregnancyId);
    if (!all)
        return tl::unexpected(all.error());
    return all->isEmpty() ? std::optional<ScreeningRecord>() : std::optional<ScreeningRecord>(all->last());
}
