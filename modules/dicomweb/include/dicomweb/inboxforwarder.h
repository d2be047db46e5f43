#pragma once

#include "dicomweb/dicomwebclient.h"

#include <QCoreApplication>
#include <QString>

struct ForwardSummary
{
    int forwarded = 0;
    int rejected = 0;
    int stillPending = 0;
    QStringList messages;
};

// Forwards what the C-STORE receiver put in <inbox>/pending to the PACS by STOW-RS. The
// folder is the queue: a file leaves pending only after the PACS confirmed it (into
// <inbox>/forwarded) or refused it for good (into <inbox>/rejected, with the reason in the log),
// so nothing is lost when the PACS is down or the workstation restarts: the next round sends
// what is still there. One instance per request, so one bad file never holds back the others.
class InboxForwarder
{
    Q_DECLARE_TR_FUNCTIONS(InboxForwarder)
public:
    explicit InboxForwarder(QString inboxDirectory);

    int pendingCount() const;
    // Sends every pending file; stops at the first failure that may pass (PACS unreachable,
    // credentials) and returns it, leaving the rest pending.
    Result<ForwardSummary> forwardPending(DicomWebClient &client);

private:
    QString m_inbox;
};
