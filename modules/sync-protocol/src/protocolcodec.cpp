#include "sync-protocol/protocolcodec.h"

#include "sync-protocol/jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
constexpr qint64 MaxRevision = qint64(1) << 52; // exact in a JSON number (a double)


QString operationName(Mutation::Operation operation)
{
    return operation == Mutation::Operation::Insert ? QStringLiteral("insert") : QStringLiteral("update");
}

Result<Mutation::Operation> operationFrom(const QString &name, const QString &where)
{
    if (name == QLatin1String("insert"))
        return Mutation::Operation::Insert;
    if (name == QLatin1String("update"))
        return Mutation::Operation::Update;
    return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1.operation: must be insert or update").arg(where));
}

Result<MutationOutcome::Status> statusFrom(const QString &name, const QString &where)
{
    for (auto status : {MutationOutcome::Status::Applied, MutationOutcome::Status::Duplicate,
                        MutationOutcome::Status::Conflict, MutationOutcome::Status::Rejected}) {
        if (ProtocolCodec::statusName(status) == name)
            return status;
    }
    return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1.status: unknown status").arg(where));
}

QString at(const QString &list, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(list).arg(index);
}

Result<Mutation> decodeMutation(const QJsonValue &value, const QString &where, const ProtocolLimits &limits)
{
    if (!value.isObject())
        return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1: must be an object").arg(where));
    const JsonReader reader(value.toObject(), where, limits);
    Mutation mutation;
    auto checked = reader.onlyKeys({QStringLiteral("mutationId"), QStringLiteral("table"), QStringLiteral("recordId"),
                                    QStringLiteral("operation"), QStringLiteral("baseRevision"), QStringLiteral("fields")})
                       .and_then([&] { return reader.identifier(QStringLiteral("mutationId")); })
                       .and_then([&](QString id) {
                           mutation.mutationId = std::move(id);
                           return reader.identifier(QStringLiteral("table"));
                       })
                       .and_then([&](QString table) {
                           mutation.table = std::move(table);
                           return reader.identifier(QStringLiteral("recordId"));
                       })
                       .and_then([&](QString recordId) {
                           mutation.recordId = std::move(recordId);
                           return reader.text(QStringLiteral("operation"));
                       })
                       .and_then([&](const QString &operation) { return operationFrom(operation, where); })
                       .and_then([&](Mutation::Operation operation) {
                           mutation.operation = operation;
                           return reader.integer(QStringLiteral("baseRevision"), 0, MaxRevision);
                       })
                       .and_then([&](qint64 baseRevision) {
                           mutation.baseRevision = baseRevision;
                           return reader.object(QStringLiteral("fields"));
                       })
                       .and_then([&](const QJsonObject &fields) {
                           return ProtocolCodec::checkedFields(fields, where + QStringLiteral(".fields"), limits);
                       });
    if (!checked)
        return tl::unexpected(checked.error());
    mutation.fields = *checked;
    return mutation;
}

Result<FieldConflict> decodeConflict(const QJsonValue &value, const QString &where, const ProtocolLimits &limits)
{
    const JsonReader reader(value.toObject(), where, limits);
    if (!value.isObject())
        return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1: must be an object").arg(where));
    auto field = reader.onlyKeys({QStringLiteral("field"), QStringLiteral("server"), QStringLiteral("client")})
                     .and_then([&] { return reader.identifier(QStringLiteral("field")); });
    if (!field)
        return tl::unexpected(field.error());
    const QJsonObject object = value.toObject();
    return FieldConflict{*field, object.value(QStringLiteral("server")), object.value(QStringLiteral("client"))};
}

Result<MutationOutcome> decodeOutcome(const QJsonValue &value, const QString &where, const ProtocolLimits &limits)
{
    if (!value.isObject())
        return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1: must be an object").arg(where));
    const JsonReader reader(value.toObject(), where, limits);
    MutationOutcome outcome;
    auto checked = reader.onlyKeys({QStringLiteral("mutationId"), QStringLiteral("status"), QStringLiteral("revision"),
                                    QStringLiteral("conflicts"), QStringLiteral("error")})
                       .and_then([&] { return reader.identifier(QStringLiteral("mutationId")); })
                       .and_then([&](QString id) {
                           outcome.mutationId = std::move(id);
                           return reader.text(QStringLiteral("status"));
                       })
                       .and_then([&](const QString &status) { return statusFrom(status, where); })
                       .and_then([&](MutationOutcome::Status status) {
                           outcome.status = status;
                           return reader.integer(QStringLiteral("revision"), 0, MaxRevision);
                       });
    if (!checked)
        return tl::unexpected(checked.error());
    outcome.revision = *checked;
    if (reader.has(QStringLiteral("conflicts"))) {
        const auto conflicts = reader.array(QStringLiteral("conflicts"), limits.maxFieldsPerRecord);
        if (!conflicts)
            return tl::unexpected(conflicts.error());
        for (qsizetype i = 0; i < conflicts->size(); ++i) {
            const auto conflict = decodeConflict(conflicts->at(i), at(where + QStringLiteral(".conflicts"), i), limits);
            if (!conflict)
                return tl::unexpected(conflict.error());
            outcome.conflicts.append(*conflict);
        }
    }
    if (reader.has(QStringLiteral("error"))) {
        const QJsonObject error = value.toObject().value(QStringLiteral("error")).toObject();
        outcome.errorCode = error.value(QStringLiteral("code")).toString().left(limits.maxIdentifierLength);
        outcome.errorMessage = error.value(QStringLiteral("message")).toString().left(1000);
    }
    return outcome;
}

Result<Change> decodeChange(const QJsonValue &value, const QString &where, const ProtocolLimits &limits)
{
    if (!value.isObject())
        return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1: must be an object").arg(where));
    const JsonReader reader(value.toObject(), where, limits);
    Change change;
    auto checked = reader.onlyKeys({QStringLiteral("sequence"), QStringLiteral("table"), QStringLiteral("recordId"),
                                    QStringLiteral("revision"), QStringLiteral("fields")})
                       .and_then([&] { return reader.integer(QStringLiteral("sequence"), 1, MaxRevision); })
                       .and_then([&](qint64 sequence) {
                           change.sequence = sequence;
                           return reader.identifier(QStringLiteral("table"));
                       })
                       .and_then([&](QString table) {
                           change.table = std::move(table);
                           return reader.identifier(QStringLiteral("recordId"));
                       })
                       .and_then([&](QString recordId) {
                           change.recordId = std::move(recordId);
                           return reader.integer(QStringLiteral("revision"), 1, MaxRevision);
                       })
                       .and_then([&](qint64 revision) {
                           change.revision = revision;
                           return reader.object(QStringLiteral("fields"));
                       })
                       .and_then([&](const QJsonObject &fields) {
                           return ProtocolCodec::checkedFields(fields, where + QStringLiteral(".fields"), limits);
                       });
    if (!checked)
        return tl::unexpected(checked.error());
    change.fields = *checked;
    return change;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

namespace ProtocolCodec {

QString statusName(MutationOutcome::Status status)
{
    switch (status) {
    case MutationOutcome::Status::Applied:
        return QStringLiteral("applied");
    case MutationOutcome::Status::Duplicate:
        return QStringLiteral("duplicate");
    case MutationOutcome::Status::Conflict:
        return QStringLiteral("conflict");
    case MutationOutcome::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

Result<QJsonObject> checkedFields(const QJsonObject &fields, const QString &where, const ProtocolLimits &limits)
{
    if (fields.size() > limits.maxFieldsPerRecord)
        return failure(QStringLiteral("protocol.too-large"), QCoreApplication::translate("ProtocolCodec", "%1: more than %2 fields").arg(where).arg(limits.maxFieldsPerRecord));
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!JsonReader::isIdentifier(it.key(), limits.maxIdentifierLength) || it.key().contains(QLatin1Char('.')))
            return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("ProtocolCodec", "%1: a field name is not an identifier").arg(where));
        const QJsonValue value = it.value();
        const bool scalar = value.isNull() || value.isBool() || value.isDouble()
            || (value.isString() && value.toString().size() <= limits.maxTextValueLength);
        if (!scalar)
            return failure(QStringLiteral("protocol.invalid"),
                           QCoreApplication::translate("ProtocolCodec", "%1.%2: must be null, true/false, a number or text of at most %3 characters")
                               .arg(where, it.key())
                               .arg(limits.maxTextValueLength));
    }
    return fields;
}

QJsonObject toJson(const Mutation &mutation)
{
    return QJsonObject{{QStringLiteral("mutationId"), mutation.mutationId},
                       {QStringLiteral("table"), mutation.table},
                       {QStringLiteral("recordId"), mutation.recordId},
                       {QStringLiteral("operation"), operationName(mutation.operation)},
                       {QStringLiteral("baseRevision"), double(mutation.baseRevision)},
                       {QStringLiteral("fields"), mutation.fields}};
}

QByteArray encode(const PushRequest &request)
{
    QJsonArray mutations;
    for (const Mutation &mutation : request.mutations)
        mutations.append(toJson(mutation));
    return compact({{QStringLiteral("deviceId"), request.deviceId}, {QStringLiteral("mutations"), mutations}});
}

QByteArray encode(const PushResponse &response)
{
    QJsonArray outcomes;
    for (const MutationOutcome &outcome : response.outcomes) {
        QJsonObject json{{QStringLiteral("mutationId"), outcome.mutationId},
                         {QStringLiteral("status"), statusName(outcome.status)},
                         {QStringLiteral("revision"), double(outcome.revision)}};
        if (!outcome.conflicts.isEmpty()) {
            QJsonArray conflicts;
            for (const FieldConflict &conflict : outcome.conflicts)
                conflicts.append(QJsonObject{{QStringLiteral("field"), conflict.field},
                                             {QStringLiteral("server"), conflict.serverValue},
                                             {QStringLiteral("client"), conflict.clientValue}});
            json.insert(QStringLiteral("conflicts"), conflicts);
        }
        if (!outcome.errorCode.isEmpty())
            json.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), outcome.errorCode},
                                                             {QStringLiteral("message"), outcome.errorMessage}});
        outcomes.append(json);
    }
    return compact({{QStringLiteral("outcomes"), outcomes}});
}

QByteArray encode(const PullResponse &response)
{
    QJsonArray changes;
    for (const Change &change : response.changes)
        changes.append(QJsonObject{{QStringLiteral("sequence"), double(change.sequence)},
                                   {QStringLiteral("table"), change.table},
                                   {QStringLiteral("recordId"), change.recordId},
                                   {QStringLiteral("revision"), double(change.revision)},
                                   {QStringLiteral("fields"), change.fields}});
    return compact({{QStringLiteral("changes"), changes},
                    {QStringLiteral("nextCursor"), response.nextCursor},
                    {QStringLiteral("more"), response.more}});
}

Result<PushRequest> decodePushRequest(const QByteArray &body, const ProtocolLimits &limits)
{
    const auto object = JsonReader::parseDocument(body, limits);
    if (!object)
        return tl::unexpected(object.error());
    const JsonReader reader(*object, QStringLiteral("push"), limits);
    PushRequest request;
    const auto mutations = reader.onlyKeys({QStringLiteral("deviceId"), QStringLiteral("mutations")})
                               .and_then([&] { return reader.identifier(QStringLiteral("deviceId")); })
                               .and_then([&](QString deviceId) {
                                   request.deviceId = std::move(deviceId);
                                   return reader.array(QStringLiteral("mutations"), limits.maxMutationsPerPush);
                               });
    if (!mutations)
        return tl::unexpected(mutations.error());
    for (qsizetype i = 0; i < mutations->size(); ++i) {
        const auto mutation = decodeMutation(mutations->at(i), at(QStringLiteral("mutations"), i), limits);
        if (!mutation)
            return tl::unexpected(mutation.error());
        request.mutations.append(*mutation);
    }
    return request;
}

Result<PushResponse> decodePushResponse(const QByteArray &body, const ProtocolLimits &limits)
{
    const auto object = JsonReader::parseDocument(body, limits);
    if (!object)
        return tl::unexpected(object.error());
    const JsonReader reader(*object, QStringLiteral("pushResponse"), limits);
    const auto outcomes = reader.onlyKeys({QStringLiteral("outcomes")}).and_then([&] {
        return reader.array(QStringLiteral("outcomes"), limits.maxMutationsPerPush);
    });
    if (!outcomes)
        return tl::unexpected(outcomes.error());
    PushResponse response;
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        const auto outcome = decodeOutcome(outcomes->at(i), at(QStringLiteral("outcomes"), i), limits);
        if (!outcome)
            return tl::unexpected(outcome.error());
        response.outcomes.append(*outcome);
    }
    return response;
}

Result<PullResponse> decodePullResponse(const QByteArray &body, const ProtocolLimits &limits)
{
    const auto object = JsonReader::parseDocument(body, limits);
    if (!object)
        return tl::unexpected(object.error());
    const JsonReader reader(*object, QStringLiteral("pull"), limits);
    PullResponse response;
    const auto changes = reader.onlyKeys({QStringLiteral("changes"), QStringLiteral("nextCursor"), QStringLiteral("more")})
                             .and_then([&] { return reader.identifier(QStringLiteral("nextCursor")); })
                             .and_then([&](QString cursor) {
                                 response.nextCursor = std::move(cursor);
                                 return reader.boolean(QStringLiteral("more"));
                             })
                             .and_then([&](bool more) {
                                 response.more = more;
                                 return reader.array(QStringLiteral("changes"), limits.maxChangesPerPull);
                             });
    if (!changes)
        return tl::unexpected(changes.error());
    for (qsizetype i = 0; i < changes->size(); ++i) {
        const auto change = decodeChange(changes->at(i), at(QStringLiteral("changes"), i), limits);
        if (!change)
            return tl::unexpected(change.error());
        response.changes.append(*change);
    }
    return response;
}

QByteArray errorBody(const Error &error)
{
    return compact({{QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}}}});
}

} // namespace ProtocolCodec
