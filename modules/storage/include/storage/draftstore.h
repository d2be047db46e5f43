#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

class Database;

// Unsaved form contents, keyed by form ("visit:<pregnancy id>", "registration:new"), written
// to the database as the user types so that a crash or power cut loses nothing typed.
class DraftStore
{
public:
    explicit DraftStore(const Database &database);

    Result<void> save(const QString &formKey, const QJsonObject &fields);
    Result<std::optional<QJsonObject>> load(const QString &formKey) const;
    Result<void> discard(const QString &formKey);

private:
    const Database &m_database;
};
