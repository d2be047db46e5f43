#include "regional-tls/regionaltrust.h"

#include <QSslCertificate>

QSslConfiguration RegionalTrust::configuration(const QString &regionalCaFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!regionalCaFile.isEmpty())
        tls.addCaCertificates(QSslCertificate::fromPath(regionalCaFile, QSsl::Pem));
    return tls;
}
