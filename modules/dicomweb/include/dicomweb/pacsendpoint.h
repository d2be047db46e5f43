#pragma once

#include <QString>
#include <QUrl>

// Where the regional PACS's DICOMweb service is and how to trust and log in to it. The server
// certificate is verified against the system's CA store plus the optional regional CA file.
// The password comes from configuration and is sent only in the Authorization header: never
// logged, never part of an error message.
struct PacsEndpoint
{
    QUrl baseUrl;            // https://pacs.example/dicom-web (the DICOMweb root)
    QString regionalCaFile;  // PEM, trusted besides the system store
    QString username;        // HTTP Basic; empty: no authentication
    QString password;
    int timeoutMilliseconds = 60000; // without any data moving
};
