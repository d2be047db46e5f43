#include "storage/clinicdirectory.h"

#include "storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace {
const QString StateKey = QStringLiteral("clinic_directory");
constexpr int MaxClinics = 5000; // a province's clinics, with room to spare
constexpr int MaxTextLength = 200;

QJsonObject toJson(const QList<DirectoryClinic> &clinics)
{
    QJsonArray list;
    for (const DirectoryClinic &clinic : clinics)
        list.append(QJsonObject { { QStringLiteral("id"), clinic.id }, { QStringLiteral("name"), clinic.name },
            { QStringLiteral("isCenter"), clinic.isCenter } });
    return QJsonObject { { QStringLiteral("clinics"), list } };
}
} // namespace

ClinicDirectory::ClinicDirectory(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<DirectoryClinic>> ClinicDirectory::fromCenterReply(const QByteArray &json)
{
    const auto invalid = [] {
        return failure(QStringLiteral("directory.invalid"), tr("The center's list of clinics cannot be read."));
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalid();
    const QJsonValue list = document.object().value(QStringLiteral("clinics"));
    if (!list.isArray() || list.toArray().size() > MaxClinics)
        return invalid();
    QList<DirectoryClinic> clinics;
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonObject object = entry.toObject();
        DirectoryClinic clinic { object.value(QStringLiteral("id")).toString(),
            object.value(QStringLiteral("name")).toString(), object.value(QStringLiteral("isCenter")).toBool() };
        if (clinic.id.isEmpty() || clinic.id.size() > MaxTextLength || clinic.name.isEmpty()
            || clinic.name.size() > MaxTextLength)
            return invalid();
        clinics.append(clinic);
    }
    return clinics;
}

Result<QList<DirectoryClinic>> ClinicDirectory::clinics() const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(StateKey);
    if (auto done = execute(query, "read the clinic directory"); !done)
        return failure(done.error());
    if (!query.next())
        return QList<DirectoryClinic>();
    // Kept in the center's own form, so it is read back with the same checks.
    return fromCenterReply(query.value(0).toByteArray());
}

Result<void> ClinicDirectory::replace(const QList<DirectoryClinic> &clinics)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(StateKey);
    query.addBindValue(QString::fromUtf8(QJsonDocument(toJson(clinics)).toJson(QJsonDocument::Compact)));
    return execute(query, "keep the clinic directory");
}

ClinicNames::ClinicNames(const QList<DirectoryClinic> &clinics)
{
    for (const DirectoryClinic &clinic : clinics)
        m_names.insert(clinic.id, clinic.name);
}

QString ClinicNames::nameOf(const QString &clinicId) const
{
    return m_names.value(clinicId, clinicId);
}

ClinicNames ClinicDirectory::names() const
{
    return ClinicNames(clinics().value_or(QList<DirectoryClinic>()));
}

QString ClinicDirectory::nameOf(const QString &clinicId) const
{
    return names().nameOf(clinicId);
}
