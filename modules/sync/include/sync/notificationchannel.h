#pragma once

#include "sync/centerendpoint.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

class QNetworkReply;

// The workstation's end of the center's live notices (NotificationHub): one long-polling request
// at a time on the center's HTTPS port, trusted as the sync connection is (the region's CA, the
// pinned key), with the current access token. A notice asks for a sync round now; the records
// still come through the change feed. After a failure it asks again after a growing wait; it is
// given a new token whenever sync has one.
class NotificationChannel : public QObject
{
    Q_OBJECT
public:
    explicit NotificationChannel(QObject *parent = nullptr);
    ~NotificationChannel() override;

    // Starts listening at `endpoint` with `accessToken` (or takes the new token for the next
    // ask); an empty token stops.
    void open(const CenterEndpoint &endpoint, const QString &accessToken);
    void close();
    // Whether a request is waiting at the center now.
    bool isReady() const { return m_ready; }

signals:
    void syncRequested(const QString &urgency); // emergency, urgent or routine
    void readyChanged(bool ready);

private:
    void ask();
    void answered(QNetworkReply *reply);
    void setReady(bool ready);

    CenterEndpoint m_endpoint;
    QString m_token;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
    QPointer<QNetworkReply> m_waiting;
    QTimer m_retry;
    int m_failures = 0;
    bool m_ready = false;
};
