#pragma once

#include "dicom/dicomreceiver.h"
#include "dicomweb/pacsendpoint.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

// The workstation's PACS configuration: where the regional PACS is, how to trust and log in
// to it, the local study cache and the C-STORE receiver. Kept in the user's settings, or in the
// INI file named by OBSLINK_PACS_CONFIG (the demo and managed installs). The password itself is
// not stored there: passwordFile names a file only this user can read, whose first line it is.
struct PacsSettings
{
    QString url;
    QString caFile;
    QString username;
    QString passwordFile;
    QString cacheDirectory;
    int cacheMegabytes = 4096;
    bool receiverEnabled = false;
    QString aeTitle = QStringLiteral("OBSLINK");
    int receiverPort = 11112;
    QString inboxDirectory;

    bool isConfigured() const { return !url.isEmpty(); }

    static PacsSettings load();
    void save() const;
    // The endpoint with the password read from passwordFile, or a translated error.
    Result<PacsEndpoint> endpoint() const;
    DicomReceiverSettings receiver() const { return {aeTitle, receiverPort, inboxDirectory}; }

    Q_DECLARE_TR_FUNCTIONS(PacsSettings)
};
