#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QVariant>

// How sync moves one field between JSON (the protocol, sync_conflict) and SQLite.
namespace SyncValues {
// A JSON value as SQLite stores it (bools as 0/1, whole numbers as integers, null as NULL).
QVariant toSql(const QJsonValue &value);
// One value as text that keeps its JSON type ({"v": value}), for sync_conflict's columns.
QString toText(const QJsonValue &value);
QJsonValue fromText(const QString &text);
// Now, as every sync timestamp is written (ISO 8601 UTC with milliseconds).
QString now();
} // namespace SyncValues
