// The center and PACS connections trust the same: TLS 1.2 or later, the peer verified, the
// system's authorities, and the region's own CA when one is configured.
#include "regional-tls/regionaltrust.h"

#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestRegionalTrust : public QObject
{
    Q_OBJECT

private slots:
    void peerIsVerifiedOverTls12OrLater();
    void regionalCaIsTrustedBesideTheSystemAuthorities();
};

void TestRegionalTrust::peerIsVerifiedOverTls12OrLater()
{
    const QSslConfiguration tls = RegionalTrust::configuration({});
    QCOMPARE(tls.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(tls.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(tls.caCertificates().size(), QSslConfiguration::defaultConfiguration().caCertificates().size());
}

void TestRegionalTrust::regionalCaIsTrustedBesideTheSystemAuthorities()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("region-ca.pem"));
    QProcess make;
    make.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"), ca,
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=ObsLink Test Region CA")});
    QVERIFY(make.waitForFinished(30000));
    QCOMPARE(make.exitCode(), 0);
    const QList<QSslCertificate> regional = QSslCertificate::fromPath(ca, QSsl::Pem);
    QCOMPARE(regional.size(), 1);

    const QSslConfiguration tls = RegionalTrust::configuration(ca);
    QVERIFY(tls.caCertificates().contains(regional.first()));
    QCOMPARE(tls.caCertificates().size(), QSslConfiguration::defaultConfiguration().caCertificates().size() + 1);
    QCOMPARE(tls.protocol(), QSsl::TlsV1_2OrLater);
}

QTEST_GUILESS_MAIN(TestRegionalTrust)
#include "tst_regionaltrust.moc"
