#pragma once

#include "audit/auditentry.h"
#include "center/identitystore.h"
#include "domain/result.h"
#include "sync-protocol/protocollimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>

class AttachmentStore;
class CenterDatabase;
class FhirApi;
class FhirMapper;
class RecordStore;

struct ApiRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray authorization; // the Authorization header
    QByteArray body;
    QByteArray contentSha256; // the X-Content-SHA256 header (hex), sent with attachment chunks
    QString baseUrl;          // https://host[:port] as the caller reached the center (FHIR links)
};

struct ApiResponse
{
    ApiResponse(int status_, QByteArray body_, QString username_ = {})
        : status(status_)
        , body(std::move(body_))
        , username(std::move(username_))
    {
    }

    int status = 200;
    QByteArray body; // JSON, or an attachment's bytes
    QString username; // for the access log, when the caller was identified
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray contentSha256; // hex, with attachment bytes
};

// The center's versioned JSON API (docs/sync-protocol.md), independent of the transport so that
// tests can call it directly. Every request is checked here: size, shape, token, and what the
// caller may see; errors are JSON {"error": {"code", "message"}} with a 4xx/5xx status.
class CenterApi
{
    Q_DECLARE_TR_FUNCTIONS(CenterApi)
public:
    CenterApi(CenterDatabase &database, IdentityStore &identities, RecordStore &records, AttachmentStore &attachments,
              ProtocolLimits limits = {});
    ~CenterApi();

    ApiResponse handle(const ApiRequest &request);
    const ProtocolLimits &limits() const { return m_limits; }

private:
    ApiResponse route(const ApiRequest &request);
    ApiResponse login(const ApiRequest &request);
    ApiResponse refresh(const ApiRequest &request);
    ApiResponse logout(const CenterUser &user, const ApiRequest &request);
    ApiResponse changePassword(const CenterUser &user, const ApiRequest &request); // her own, signed in
    // The center's own audit chain; a failure to write it is logged, never the caller's problem.
    void auditAtCenter(const QString &user, const QString &clinicId, AuditAction action, const QString &patientKey,
        const QJsonObject &detail);
    ApiResponse push(const CenterUser &user, const ApiRequest &request);
    ApiResponse pull(const CenterUser &user, const ApiRequest &request);
    ApiResponse share(const CenterUser &user, const ApiRequest &request);
    ApiResponse me(const CenterUser &user);
    ApiResponse clinics(); // the region's clinics, for choosing where to refer
    ApiResponse audit(const CenterUser &user, const ApiRequest &request); // a workstation's audit entries
    ApiResponse searchAudit(const CenterUser &user, const ApiRequest &request); // an administrator's search
    ApiResponse blob(const CenterUser &user, const ApiRequest &request, const QStringList &parts);
    Result<CenterUser> caller(const ApiRequest &request) const;
    Result<CenterUser> syncCaller(const ApiRequest &request) const; // refuses the platform role

    CenterDatabase &m_database;
    IdentityStore &m_identities;
    RecordStore &m_records;
    AttachmentStore &m_attachments;
    ProtocolLimits m_limits;
    std::unique_ptr<FhirMapper> m_fhirMapper;
    std::unique_ptr<FhirApi> m_fhir; // /fhir/* (docs/fhir.md)
};
