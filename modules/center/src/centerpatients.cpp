#include "center/centerpatients.h"

#include "storage/sqlerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

CenterPatients::CenterPatients(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<WomanAtCenter>> CenterPatients::find(const QString &patientKey) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT clinic_id, fields FROM synced_record WHERE table_name = 'patient' AND record_id = ?"));
    query.addBindValue(patientKey);
    if (auto done = execute(query, "find a woman at the center"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return std::optional<WomanAtCenter>();
    const QJsonObject fields = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    return WomanAtCenter { patientKey, query.value(0).toString(), fields.value(QStringLiteral("name")).toString(),
        fields.value(QStringLiteral("record_number")).toString() };
}
