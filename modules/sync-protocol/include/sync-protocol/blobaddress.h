#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

// Attachments travel as blobs addressed by the SHA-256 of their bytes (docs/sync-protocol.md,
// Attachments). A synced record names a blob in a field whose name ends in `_sha256`
// (ctg_trace.data_sha256), so both sides find the blobs a record needs without a table of them.
namespace BlobAddress {
// 64 lower-case hexadecimal digits.
bool isValid(const QString &address);
QString of(const QByteArray &bytes);
// The blob addresses named by a record's fields, each once.
QStringList namedBy(const QJsonObject &fields);
bool isBlobField(const QString &field);
} // namespace BlobAddress
