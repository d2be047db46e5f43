#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

// Where a DICOM C-STORE receiver listens and what it calls itself.
struct DicomReceiverSettings
{
    QString aeTitle = QStringLiteral("OBSLINK");
    int port = 11112;
    QString inboxDirectory; // received files land in <inbox>/pending, complete files only
};

// The workstation's storage SCP (a storescp): accepts C-STORE of DCMTK's 120 common storage SOP classes (every ultrasound one) in the
// usual transfer syntaxes from the clinic's ultrasound machine and writes each instance first
// to <inbox>/receiving, then renames it into <inbox>/pending/<SOP Instance UID>.dcm, so a file
// in pending is always complete and survives a restart. Forwarding (STOW-RS) takes them from
// there. listen() blocks until stop() is called; run it on its own thread.
class DicomReceiver
{
    Q_DECLARE_TR_FUNCTIONS(DicomReceiver)
public:
    using InstanceReceived = std::function<void(const QString &pendingFile)>;

    explicit DicomReceiver(DicomReceiverSettings settings);
    ~DicomReceiver();

    // Called on the listening thread after each instance is in pending.
    void setInstanceReceived(InstanceReceived callback) { m_received = std::move(callback); }
    Result<void> listen();
    void stop() { m_stop = true; }

    static QString pendingDirectory(const QString &inbox);

private:
    DicomReceiverSettings m_settings;
    InstanceReceived m_received;
    std::atomic<bool> m_stop{false};
};
