#pragma once

#include "center/identitystore.h"
#include "domain/result.h"
#include "sync-protocol/protocollimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUrlQuery>

class CenterDatabase;
class RecordStore;

struct ApiRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray authorization; // the Authorization header
    QByteArray body;
};

struct ApiResponse
{
    int status = 200;
    QByteArray body; // JSON
    QString username; // for the access log, when the caller was identified
};

// The center's versioned JSON API (docs/sync-protocol.md), independent of the transport so that
// tests can call it directly. Every request is checked here: size, shape, token, and what the
// caller may see; errors are JSON {"error": {"code", "message"}} with a 4xx/5xx status.
class CenterApi
{
    Q_DECLARE_TR_FUNCTIONS(CenterApi)
public:
    CenterApi(CenterDatabase &database, IdentityStore &identities, RecordStore &records, ProtocolLimits limits = {});

    ApiResponse handle(const ApiRequest &request);
    const ProtocolLimits &limits() const { return m_limits; }

private:
    ApiResponse route(const ApiRequest &request);
    ApiResponse login(const ApiRequest &request);
    ApiResponse refresh(const ApiRequest &request);
    ApiResponse push(const CenterUser &user, const ApiRequest &request);
    ApiResponse pull(const CenterUser &user, const ApiRequest &request);
    ApiResponse share(const CenterUser &user, const ApiRequest &request);
    ApiResponse me(const CenterUser &user);
    Result<CenterUser> caller(const ApiRequest &request) const;

    CenterDatabase &m_database;
    IdentityStore &m_identities;
    RecordStore &m_records;
    ProtocolLimits m_limits;
};
