#pragma once

#include "domain/result.h"
#include "sync-protocol/protocollimits.h"
#include "sync-protocol/syncmessages.h"

#include <QByteArray>

// The JSON form of the sync messages (docs/sync-protocol.md). Decoding is strict: wrong types,
// unknown keys, bad identifiers, field values that are not scalars and anything over the limits
// give a translated error with the machine code "protocol.invalid" or "protocol.too-large".
namespace ProtocolCodec {
QByteArray encode(const PushRequest &request);
QByteArray encode(const PushResponse &response);
QByteArray encode(const PullResponse &response);
QJsonObject toJson(const Mutation &mutation);

Result<PushRequest> decodePushRequest(const QByteArray &body, const ProtocolLimits &limits = {});
Result<PushResponse> decodePushResponse(const QByteArray &body, const ProtocolLimits &limits = {});
Result<PullResponse> decodePullResponse(const QByteArray &body, const ProtocolLimits &limits = {});

// A record's fields: names are identifiers, values are null, booleans, numbers or bounded text.
Result<QJsonObject> checkedFields(const QJsonObject &fields, const QString &where, const ProtocolLimits &limits);

QString statusName(MutationOutcome::Status status);
QByteArray errorBody(const Error &error);
} // namespace ProtocolCodec
