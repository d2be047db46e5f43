#include "center/centerapi.h"

#include "center/attachmentstore.h"
#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "center/centerpatients.h"
#include "center/fhirapi.h"
#include "center/recordstore.h"
#include "centerlog.h"
#include "sync-protocol/jsonreader.h"
#include "sync-protocol/protocolcodec.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
constexpr int DefaultPullLimit = 500;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

int statusFor(const Error &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("protocol.too-large"))
        return 413;
    if (code.startsWith(QLatin1String("protocol.")) || code == QLatin1String("auth.role") || code == QLatin1String("sync.invalid")
        || code == QLatin1String("auth.weak-password"))
        return 400;
    if (code == QLatin1String("auth.locked") || code == QLatin1String("sync.forbidden")
        || code == QLatin1String("auth.password-change-required"))
        return 403;
    if (code.startsWith(QLatin1String("auth.")))
        return 401;
    if (code == QLatin1String("api.not-found"))
        return 404;
    if (code == QLatin1String("api.method"))
        return 405;
    if (code == QLatin1String("blob.invalid"))
        return 400;
    if (code == QLatin1String("blob.not-found"))
        return 404;
    if (code == QLatin1String("blob.offset") || code == QLatin1String("audit.altered") || code == QLatin1String("audit.chain-broken"))
        return 409;
    if (code == QLatin1String("audit.invalid"))
        return 400;
    if (code == QLatin1String("blob.chunk-mismatch") || code == QLatin1String("blob.hash-mismatch"))
        return 422;
    if (code == QLatin1String("blob.too-many-uploads"))
        return 429;
    return 503; // the database: retry later
}

ApiResponse errorResponse(const Error &error)
{
    return ApiResponse{statusFor(error), ProtocolCodec::errorBody(error), {}};
}

QJsonObject tokensJson(const IssuedTokens &tokens)
{
    return {{QStringLiteral("accessToken"), tokens.accessToken},
            {QStringLiteral("expiresIn"), double(tokens.accessExpiresInSeconds)},
            {QStringLiteral("refreshToken"), tokens.refreshToken},
            {QStringLiteral("user"),
             QJsonObject{{QStringLiteral("username"), tokens.user.username},
                         {QStringLiteral("clinicId"), tokens.user.clinicId},
                         {QStringLiteral("role"), tokens.user.role},
                         {QStringLiteral("displayName"), tokens.user.displayName}}}};
}
// What the center has of an attachment: the answer to a status request and to every chunk.
QJsonObject blobStatusJson(const BlobStatus &status)
{
    return {{QStringLiteral("sha256"), status.sha256},
            {QStringLiteral("size"), double(status.sizeBytes)},
            {QStringLiteral("received"), double(status.receivedBytes)},
            {QStringLiteral("complete"), status.complete}};
}
} // namespace

CenterApi::CenterApi(CenterDatabase &database, IdentityStore &identities, RecordStore &records, AttachmentStore &attachments,
                     ProtocolLimits limits)
    : m_database(database)
    , m_identities(identities)
    , m_records(records)
    , m_attachments(attachments)
    , m_limits(limits)
    , m_fhirMapper(std::make_unique<FhirMapper>(FhirCodes::builtIn()))
    , m_fhir(std::make_unique<FhirApi>(database, *m_fhirMapper))
{
}

CenterApi::~CenterApi() = default;

ApiResponse CenterApi::handle(const ApiRequest &request)
{
    if (request.body.size() > m_limits.maxBodyBytes)
        return errorResponse({QStringLiteral("protocol.too-large"), tr("The request is larger than %1 bytes.").arg(m_limits.maxBodyBytes)});
    return route(request);
}

ApiResponse CenterApi::route(const ApiRequest &request)
{
    const QString &path = request.path;
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (path == QLatin1String("/health"))
        return ApiResponse{200, json({{QStringLiteral("status"), QStringLiteral("ok")}}), {}};
    if (path == QLatin1String("/ready")) {
        const bool ready = m_database.isReady() && m_database.schemaVersion() == CenterDatabase::latestVersion();
        return ApiResponse{ready ? 200 : 503, json({{QStringLiteral("status"), ready ? QStringLiteral("ready") : QStringLiteral("not-ready")}}), {}};
    }
    if (path.startsWith(QLatin1String("/fhir/"))) {
        const QString fhirPath = path.mid(6);
        if (fhirPath == QLatin1String("metadata"))
            return m_fhir->handle(nullptr, request, fhirPath);
        const auto user = caller(request);
        if (!user)
            return FhirApi::error(user.error());
        ApiResponse response = m_fhir->handle(&*user, request, fhirPath);
        response.username = user->username;
        return response;
    }
    const QString api = QStringLiteral("/api/v%1/").arg(SyncApiVersion);
    if (!path.startsWith(api))
        return errorResponse({QStringLiteral("api.not-found"), tr("No such endpoint.")});
    const QString endpoint = path.mid(api.size());
    if (endpoint.startsWith(QLatin1String("blobs/"))) {
        const QStringList parts = endpoint.split(QLatin1Char('/'));
        const bool isStatus = parts.size() == 2;
        const bool isChunk = parts.size() == 4 && parts.at(2) == QLatin1String("chunks");
        if (!isStatus && !isChunk)
            return errorResponse({QStringLiteral("api.not-found"), tr("No such endpoint.")});
        if (!get && !(isChunk && request.method == "PUT"))
            return errorResponse({QStringLiteral("api.method"), tr("This endpoint does not accept %1.").arg(QString::fromLatin1(request.method.left(10)))});
        const auto user = syncCaller(request);
        if (!user)
            return errorResponse(user.error());
        ApiResponse response = blob(*user, request, parts);
        response.username = user->username;
        return response;
    }
    const QStringList known{QStringLiteral("login"), QStringLiteral("token/refresh"), QStringLiteral("sync/push"),
                            QStringLiteral("sync/pull"), QStringLiteral("referrals"), QStringLiteral("me"),
                            QStringLiteral("clinics"), QStringLiteral("audit"), QStringLiteral("logout"), QStringLiteral("password")};
    if (!known.contains(endpoint))
        return errorResponse({QStringLiteral("api.not-found"), tr("No such endpoint.")});
    const bool wantsGet = endpoint == QLatin1String("sync/pull") || endpoint == QLatin1String("me")
        || endpoint == QLatin1String("clinics");
    // The audit takes a workstation's upload, and answers an administrator's search.
    const bool takesBoth = endpoint == QLatin1String("audit");
    if (takesBoth ? !(get || post) : ((wantsGet && !get) || (!wantsGet && !post)))
        return errorResponse({QStringLiteral("api.method"), tr("This endpoint does not accept %1.").arg(QString::fromLatin1(request.method.left(10)))});
    if (endpoint == QLatin1String("login"))
        return login(request);
    if (endpoint == QLatin1String("token/refresh"))
        return refresh(request);
    const auto user = endpoint == QLatin1String("me") || endpoint == QLatin1String("logout") || endpoint == QLatin1String("password")
        ? caller(request)
        : syncCaller(request);
    if (!user)
        return errorResponse(user.error());
    ApiResponse response = endpoint == QLatin1String("sync/push") ? push(*user, request)
        : endpoint == QLatin1String("sync/pull")                   ? pull(*user, request)
        : endpoint == QLatin1String("referrals")                   ? share(*user, request)
        : endpoint == QLatin1String("clinics")                     ? clinics()
        : endpoint == QLatin1String("audit") && get                ? searchAudit(*user, request)
        : endpoint == QLatin1String("audit")                       ? audit(*user, request)
        : endpoint == QLatin1String("logout")                      ? logout(*user, request)
        : endpoint == QLatin1String("password")                    ? changePassword(*user, request)
                                                                   : me(*user);
    response.username = user->username;
    return response;
}

Result<CenterUser> CenterApi::caller(const ApiRequest &request) const
{
    if (!request.authorization.startsWith("Bearer "))
        return failure(QStringLiteral("auth.invalid-token"), tr("Not logged in."));
    const QString token = QString::fromLatin1(request.authorization.mid(7).trimmed().left(256));
    return m_identities.authenticate(token);
}

Result<CenterUser> CenterApi::syncCaller(const ApiRequest &request) const
{
    // The regional health platform reads through FHIR only: it neither syncs records nor
    // fetches attachments, and refers no one.
    return caller(request).and_then([](CenterUser user) -> Result<CenterUser> {
        if (user.role == QLatin1String("platform"))
            return failure(QStringLiteral("sync.forbidden"), tr("The platform role reads the region through /fhir only."));
        return user;
    });
}

ApiResponse CenterApi::login(const ApiRequest &request)
{
    const auto body = JsonReader::parseDocument(request.body, m_limits);
    if (!body)
        return errorResponse(body.error());
    const JsonReader reader(*body, QStringLiteral("login"), m_limits);
    QString username;
    QString deviceId;
    QString password;
    // A first sign-in with a password an administrator set brings her own as newPassword.
    const bool changing = body->contains(QStringLiteral("newPassword"));
    const auto tokens = reader.onlyKeys({QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("deviceId"),
                                         QStringLiteral("newPassword")})
                            .and_then([&] { return reader.identifier(QStringLiteral("username")); })
                            .and_then([&](QString name) {
                                username = std::move(name);
                                return reader.identifier(QStringLiteral("deviceId"));
                            })
                            .and_then([&](QString device) {
                                deviceId = std::move(device);
                                return reader.text(QStringLiteral("password"));
                            })
                            .and_then([&](QString typed) {
                                password = std::move(typed);
                                return changing ? reader.text(QStringLiteral("newPassword")) : Result<QString>(QString());
                            })
                            .and_then([&](const QString &newPassword) {
                                return m_identities.login(username, password, deviceId, newPassword);
                            });
    // Sign-ins at the center, refused ones with the name typed, are in the center's own chain;
    // a request too malformed to name anyone is not a sign-in.
    if (!tokens) {
        if (tokens.error().code.startsWith(QLatin1String("auth.")))
            auditAtCenter(username, {}, AuditAction::SignInFailed, {},
                {{QStringLiteral("code"), tokens.error().code}, {QStringLiteral("device"), deviceId}});
        return errorResponse(tokens.error());
    }
    auditAtCenter(username, tokens->user.clinicId, AuditAction::SignedIn, {}, {{QStringLiteral("device"), deviceId}});
    return ApiResponse{200, json(tokensJson(*tokens)), username};
}

ApiResponse CenterApi::changePassword(const CenterUser &user, const ApiRequest &request)
{
    const auto body = JsonReader::parseDocument(request.body, m_limits);
    if (!body)
        return errorResponse(body.error());
    const JsonReader reader(*body, QStringLiteral("password"), m_limits);
    QString password;
    QString deviceId;
    const auto changed = reader.onlyKeys({QStringLiteral("password"), QStringLiteral("newPassword"), QStringLiteral("deviceId")})
                             .and_then([&] { return reader.identifier(QStringLiteral("deviceId")); })
                             .and_then([&](QString device) {
                                 deviceId = std::move(device);
                                 return reader.text(QStringLiteral("password"));
                             })
                             .and_then([&](QString typed) {
                                 password = std::move(typed);
                                 return reader.text(QStringLiteral("newPassword"));
                             })
                             .and_then([&](const QString &newPassword) {
                                 return m_identities.changePassword(user.username, password, newPassword, deviceId);
                             });
    if (!changed)
        return errorResponse(changed.error());
    auditAtCenter(user.username, user.clinicId, AuditAction::UserChanged, {},
        {{QStringLiteral("passwordChanged"), user.username}, {QStringLiteral("device"), deviceId}});
    return ApiResponse{200, json({{QStringLiteral("changed"), true}}), {}};
}

ApiResponse CenterApi::logout(const CenterUser &user, const ApiRequest &request)
{
    const auto body = JsonReader::parseDocument(request.body, m_limits);
    if (!body)
        return errorResponse(body.error());
    const JsonReader reader(*body, QStringLiteral("logout"), m_limits);
    QString deviceId;
    const auto revoked = reader.onlyKeys({QStringLiteral("deviceId")})
                             .and_then([&] { return reader.identifier(QStringLiteral("deviceId")); })
                             .and_then([&](QString device) {
                                 deviceId = std::move(device);
                                 return m_identities.signOut(user.username, deviceId);
                             });
    if (!revoked)
        return errorResponse(revoked.error());
    auditAtCenter(user.username, user.clinicId, AuditAction::SignedOut, {}, {{QStringLiteral("device"), deviceId}});
    return ApiResponse{200, json({{QStringLiteral("revoked"), *revoked}}), {}};
}

void CenterApi::auditAtCenter(const QString &user, const QString &clinicId, AuditAction action, const QString &patientKey,
                              const QJsonObject &detail)
{
    if (const auto recorded = AuditStore(m_database.connection()).recordAtCenter(user, clinicId, action, patientKey, detail); !recorded)
        qCWarning(lcCenter) << "the center's audit entry was not written:" << recorded.error().message;
}

ApiResponse CenterApi::refresh(const ApiRequest &request)
{
    const auto body = JsonReader::parseDocument(request.body, m_limits);
    if (!body)
        return errorResponse(body.error());
    const JsonReader reader(*body, QStringLiteral("refresh"), m_limits);
    QString deviceId;
    const auto tokens = reader.onlyKeys({QStringLiteral("refreshToken"), QStringLiteral("deviceId")})
                            .and_then([&] { return reader.identifier(QStringLiteral("deviceId")); })
                            .and_then([&](QString device) {
                                deviceId = std::move(device);
                                return reader.identifier(QStringLiteral("refreshToken"));
                            })
                            .and_then([&](const QString &token) { return m_identities.refresh(token, deviceId); });
    if (!tokens)
        return errorResponse(tokens.error());
    return ApiResponse{200, json(tokensJson(*tokens)), tokens->user.username};
}

ApiResponse CenterApi::push(const CenterUser &user, const ApiRequest &request)
{
    const auto pushRequest = ProtocolCodec::decodePushRequest(request.body, m_limits);
    if (!pushRequest)
        return errorResponse(pushRequest.error());
    const auto response = m_records.push(user, *pushRequest);
    if (!response)
        return errorResponse(response.error());
    return ApiResponse{200, ProtocolCodec::encode(*response), {}};
}

ApiResponse CenterApi::pull(const CenterUser &user, const ApiRequest &request)
{
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    bool ok = true;
    const int limit = limitText.isEmpty() ? DefaultPullLimit : limitText.toInt(&ok);
    if (!ok || limit < 1)
        return errorResponse({QStringLiteral("protocol.invalid"), tr("limit must be a positive whole number.")});
    auto page = m_records.pull(user, request.query.queryItemValue(QStringLiteral("cursor")), limit);
    if (!page)
        return errorResponse(page.error());
    return ApiResponse{200, std::move(*page), {}};
}

ApiResponse CenterApi::share(const CenterUser &user, const ApiRequest &request)
{
    const auto body = JsonReader::parseDocument(request.body, m_limits);
    if (!body)
        return errorResponse(body.error());
    const JsonReader reader(*body, QStringLiteral("referral"), m_limits);
    QString patientId;
    const auto shared = reader.onlyKeys({QStringLiteral("patientId"), QStringLiteral("clinicId")})
                            .and_then([&] { return reader.identifier(QStringLiteral("patientId")); })
                            .and_then([&](QString id) {
                                patientId = std::move(id);
                                return reader.identifier(QStringLiteral("clinicId"));
                            })
                            .and_then([&](const QString &clinicId) {
                                return m_identities.clinicExists(clinicId).and_then([&](bool exists) -> Result<void> {
                                    if (!exists)
                                        return failure(QStringLiteral("sync.invalid"), tr("There is no clinic \"%1\".").arg(clinicId));
                                    return m_records.sharePatient(user, patientId, clinicId);
                                });
                            });
    if (!shared)
        return errorResponse(shared.error());
    return ApiResponse{200, json({{QStringLiteral("shared"), true}}), {}};
}

ApiResponse CenterApi::audit(const CenterUser &user, const ApiRequest &request)
{
    const auto upload = AuditWire::decode(request.body);
    if (!upload)
        return errorResponse(upload.error());
    const auto stored = AuditStore(m_database.connection()).receive(user, *upload);
    if (!stored)
        return errorResponse(stored.error());
    return ApiResponse{200, json({{QStringLiteral("storedThrough"), double(*stored)}}), {}};
}

ApiResponse CenterApi::searchAudit(const CenterUser &user, const ApiRequest &request)
{
    // Least privilege: the center's administrator searches the region, a clinic's administrator
    // her own clinic's trail; nobody else reads who looked at whom.
    const bool centerAdmin = user.role == QLatin1String("center-admin");
    if (!centerAdmin && user.role != QLatin1String("clinic-admin"))
        return errorResponse({QStringLiteral("sync.forbidden"), tr("Only an administrator may search the audit trail.")});
    AuditStore::Query query;
    query.patientKey = request.query.queryItemValue(QStringLiteral("patient"));
    query.user = request.query.queryItemValue(QStringLiteral("user"));
    query.clinicId = centerAdmin ? request.query.queryItemValue(QStringLiteral("clinic")) : user.clinicId;
    const auto time = [&](const char *key) { return QDateTime::fromString(request.query.queryItemValue(QLatin1String(key)), Qt::ISODateWithMs); };
    const QString fromText = request.query.queryItemValue(QStringLiteral("from"));
    const QString toText = request.query.queryItemValue(QStringLiteral("to"));
    query.from = time("from");
    query.to = time("to");
    bool limitOk = true;
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    query.limit = limitText.isEmpty() ? 1000 : limitText.toInt(&limitOk);
    if ((!fromText.isEmpty() && !query.from.isValid()) || (!toText.isEmpty() && !query.to.isValid()) || !limitOk || query.limit < 1
        || query.limit > 10000)
        return errorResponse({QStringLiteral("protocol.invalid"), tr("The audit search takes ISO 8601 times and a limit of 1 to 10000.")});
    const auto entries = AuditStore(m_database.connection()).search(query);
    if (!entries)
        return errorResponse(entries.error());
    QJsonArray list;
    for (const AuditEntry &e : *entries)
        list.append(AuditWire::toJson(e));
    QJsonObject answer{{QStringLiteral("entries"), list}};
    if (!query.patientKey.isEmpty()) {
        const auto woman = CenterPatients(m_database.connection()).find(query.patientKey);
        if (!woman)
            return errorResponse(woman.error());
        if (*woman && (centerAdmin || (*woman)->clinicId == user.clinicId))
            answer.insert(QStringLiteral("woman"), QJsonObject{{QStringLiteral("name"), (*woman)->name},
                                                                {QStringLiteral("recordNumber"), (*woman)->recordNumber},
                                                                {QStringLiteral("clinicId"), (*woman)->clinicId}});
    }
    return ApiResponse{200, json(answer), {}};
}

ApiResponse CenterApi::clinics()
{
    const auto clinics = m_identities.clinics();
    if (!clinics)
        return errorResponse(clinics.error());
    QJsonArray list;
    for (const RegionClinic &clinic : *clinics)
        list.append(QJsonObject{{QStringLiteral("id"), clinic.id},
                                {QStringLiteral("name"), clinic.name},
                                {QStringLiteral("isCenter"), clinic.isCenter}});
    return ApiResponse{200, json({{QStringLiteral("clinics"), list}}), {}};
}

ApiResponse CenterApi::me(const CenterUser &user)
{
    const auto conflicts = m_records.openConflictCount(user);
    if (!conflicts)
        return errorResponse(conflicts.error());
    return ApiResponse{200,
                       json({{QStringLiteral("username"), user.username},
                             {QStringLiteral("clinicId"), user.clinicId},
                             {QStringLiteral("role"), user.role},
                             {QStringLiteral("centerStaff"), user.centerStaff},
                             {QStringLiteral("openConflicts"), *conflicts}}),
                       {}};
}

ApiResponse CenterApi::blob(const CenterUser &user, const ApiRequest &request, const QStringList &parts)
{
    const QString &sha256 = parts.at(1);
    if (parts.size() == 2) {
        const auto status = m_attachments.status(user, sha256);
        if (!status)
            return errorResponse(status.error());
        return ApiResponse{200, json(blobStatusJson(*status)), {}};
    }
    bool ok = false;
    const qint64 offset = parts.at(3).toLongLong(&ok);
    if (!ok)
        return errorResponse({QStringLiteral("blob.invalid"), tr("The chunk's offset must be a whole number.")});
    if (request.method == "PUT") {
        const qint64 total = request.query.queryItemValue(QStringLiteral("size")).toLongLong(&ok);
        if (!ok)
            return errorResponse({QStringLiteral("blob.invalid"), tr("Say the attachment's whole size in ?size=.")});
        const auto status = m_attachments.putChunk(user, sha256, total, offset, request.body, request.contentSha256.toLower());
        if (!status)
            return errorResponse(status.error());
        return ApiResponse{200, json(blobStatusJson(*status)), {}};
    }
    const QString lengthText = request.query.queryItemValue(QStringLiteral("length"));
    const qint64 length = lengthText.isEmpty() ? m_limits.maxBlobChunkBytes : lengthText.toLongLong(&ok);
    if (!ok)
        return errorResponse({QStringLiteral("blob.invalid"), tr("length must be a whole number.")});
    const auto bytes = m_attachments.readChunk(user, sha256, offset, length);
    if (!bytes)
        return errorResponse(bytes.error());
    ApiResponse response{200, *bytes, {}};
    response.contentType = QByteArrayLiteral("application/octet-stream");
    response.contentSha256 = QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex();
    return response;
}
