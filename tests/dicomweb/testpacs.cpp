#include "testpacs.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

TestPacs::TestPacs()
{
    // Both listening at once, so the two ports differ.
    QTcpServer https;
    QTcpServer http;
    https.listen(QHostAddress::LocalHost, 0);
    http.listen(QHostAddress::LocalHost, 0);
    m_httpsPort = https.serverPort();
    m_httpPort = http.serverPort();
}

TestPacs::~TestPacs()
{
    stop();
}

int TestPacs::freeLoopbackPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

TestPacs::Started TestPacs::start(QString *why)
{
    QProcess script;
    script.start(QStringLiteral(OBSLINK_PACS_SCRIPT),
                 {QStringLiteral("start"), QStringLiteral("--dir"), m_dir.path(), QStringLiteral("--https-port"),
                  QString::number(m_httpsPort), QStringLiteral("--http-port"), QString::number(m_httpPort)});
    if (!script.waitForFinished(120000)) {
        *why = QStringLiteral("pacs.sh did not finish");
        return Started::Failed;
    }
    *why = QString::fromLocal8Bit(script.readAllStandardError());
    if (script.exitCode() == 3)
        return Started::Absent;
    if (script.exitCode() != 0)
        return Started::Failed;
    QFile password(QDir(m_dir.path()).filePath(QStringLiteral("password")));
    if (!password.open(QIODevice::ReadOnly))
        return Started::Failed;
    m_password = QString::fromLatin1(password.readAll()).trimmed();
    return Started::Yes;
}

void TestPacs::stop()
{
    QProcess::execute(QStringLiteral(OBSLINK_PACS_SCRIPT), {QStringLiteral("stop"), QStringLiteral("--dir"), m_dir.path()});
}

QString TestPacs::caFile() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("ca.pem"));
}

PacsEndpoint TestPacs::endpoint() const
{
    PacsEndpoint endpoint;
    endpoint.baseUrl = QUrl(QStringLiteral("https://localhost:%1/dicom-web").arg(m_httpsPort));
    endpoint.regionalCaFile = caFile();
    endpoint.username = QStringLiteral("obslink");
    endpoint.password = m_password;
    endpoint.timeoutMilliseconds = 30000;
    return endpoint;
}
