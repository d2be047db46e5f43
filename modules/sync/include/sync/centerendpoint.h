#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

// Where the regional center is and how far to trust it: the system's CA store plus an optional
// regional CA file, and optionally the SHA-256 of the center's public key (base64) as a pin.
struct CenterEndpoint
{
    QUrl baseUrl; // https://center.example:8443
    QString regionalCaFile; // PEM, added to the system store
    QByteArray publicKeySha256; // base64; empty: no pinning
    int timeoutMilliseconds = 30000;
};

// Whether the certificate's public key is the pinned one (always, when nothing is pinned).
inline bool matchesPinnedKey(const CenterEndpoint &endpoint, const QSslCertificate &certificate)
{
    return endpoint.publicKeySha256.isEmpty()
        || QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256).toBase64()
        == endpoint.publicKeySha256;
}
