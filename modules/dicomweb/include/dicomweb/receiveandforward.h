#pragma once

#include "dicom/dicomreceiver.h"
#include "dicomweb/pacsendpoint.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

// The clinic's store-and-forward service: the C-STORE receiver takes instances from the
// ultrasound machine into the inbox, and a forwarding thread sends the inbox's pending queue to
// the PACS by STOW-RS — at once when an instance arrives, again every retry interval while the
// PACS cannot be reached, and at start for what an earlier run left pending.
class ReceiveAndForward : public QObject
{
    Q_OBJECT
public:
    // No endpoint: receive only (the queue waits for one).
    ReceiveAndForward(DicomReceiverSettings receiver, std::optional<PacsEndpoint> pacs, int retrySeconds = 30,
                      QObject *parent = nullptr);
    ~ReceiveAndForward() override;

    void start();
    void stop();

signals:
    void instanceReceived(const QString &pendingFile);
    void forwarded(int forwarded, int rejected, int stillPending);
    void forwardingPaused(const QString &message, int stillPending);
    void receiverFailed(const QString &message);

private:
    void forwardLoop();

    DicomReceiverSettings m_settings;
    std::optional<PacsEndpoint> m_pacs;
    int m_retrySeconds;
    std::unique_ptr<DicomReceiver> m_receiver;
    QThread *m_receiverThread = nullptr;
    QThread *m_forwardThread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_work = true;
    bool m_quit = false;
};
