#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal delivered on the event loop (a signal handler may
// only write to a pipe), so the service stops between requests, never inside one.
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);

signals:
    void shutdownRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};
