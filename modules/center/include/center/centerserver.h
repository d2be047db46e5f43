#pragma once

#include "domain/result.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHostAddress>

class CenterApi;
class NotificationHub;

// Serves CenterApi over HTTPS only (TLS 1.2 or later; the port does not speak plain HTTP), with
// one JSON access-log line per request. Requests are answered one at a time on this thread, so
// stopping the server after the current event finishes every request already read.
class CenterServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit CenterServer(CenterApi &api, QObject *parent = nullptr);

    Result<void> configureTls(const QString &certificateChainFile, const QString &privateKeyFile);
    Result<quint16> start(const QHostAddress &address, quint16 port);
    void stopListening();
    // Serves GET /api/v1/notifications/wait through `hub` (long polling).
    void setNotificationHub(NotificationHub *hub) { m_hub = hub; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    CenterApi &m_api;
    NotificationHub *m_hub = nullptr;
};
