#pragma once

#include <QSslConfiguration>
#include <QString>

// The TLS settings for talking to one of the region's servers: TLS 1.2 or later, the server's
// certificate verified against the system's certificate authorities plus, when the region runs
// its own, the CA in regionalCaFile (PEM). Shared by the center and PACS connections so that
// both trust exactly the same.
class RegionalTrust
{
public:
    static QSslConfiguration configuration(const QString &regionalCaFile);
};
