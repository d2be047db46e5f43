#include "dicomweb/receiveandforward.h"

#include "dicomweb/dicomwebclient.h"
#include "dicomweb/inboxforwarder.h"

#include <QDeadlineTimer>
#include <QThread>

ReceiveAndForward::ReceiveAndForward(DicomReceiverSettings receiver, std::optional<PacsEndpoint> pacs, int retrySeconds,
                                     QObject *parent)
    : QObject(parent)
    , m_settings(std::move(receiver))
    , m_pacs(std::move(pacs))
    , m_retrySeconds(std::max(1, retrySeconds))
{
}

ReceiveAndForward::~ReceiveAndForward()
{
    stop();
}

void ReceiveAndForward::start()
{
    if (m_receiverThread)
        return;
    m_receiver = std::make_unique<DicomReceiver>(m_settings);
    m_receiver->setInstanceReceived([this](const QString &file) {
        emit instanceReceived(file);
        QMutexLocker lock(&m_mutex);
        m_work = true;
        m_wake.wakeAll();
    });
    m_receiverThread = QThread::create([this] {
        if (auto listened = m_receiver->listen(); !listened)
            emit receiverFailed(listened.error().message);
    });
    m_receiverThread->start();
    if (m_pacs) {
        m_forwardThread = QThread::create([this] { forwardLoop(); });
        m_forwardThread->start();
    }
}

void ReceiveAndForward::stop()
{
    if (!m_receiverThread)
        return;
    m_receiver->stop();
    {
        QMutexLocker lock(&m_mutex);
        m_quit = true;
        m_wake.wakeAll();
    }
    m_receiverThread->wait();
    delete m_receiverThread;
    m_receiverThread = nullptr;
    if (m_forwardThread) {
        m_forwardThread->wait();
        delete m_forwardThread;
        m_forwardThread = nullptr;
    }
}

void ReceiveAndForward::forwardLoop()
{
    DicomWebClient client(*m_pacs);
    InboxForwarder forwarder(m_settings.inboxDirectory);
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (!m_work && !m_quit)
                m_wake.wait(&m_mutex, QDeadlineTimer(m_retrySeconds * 1000LL));
            if (m_quit)
                return;
            m_work = false;
        }
        if (forwarder.pendingCount() == 0)
            continue;
        const auto summary = forwarder.forwardPending(client);
        if (summary)
            emit forwarded(summary->forwarded, summary->rejected, summary->stillPending);
        else
            emit forwardingPaused(summary.error().message, forwarder.pendingCount());
    }
}
