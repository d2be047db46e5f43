#include "testproxy.h"

#include "testcenter.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace {
quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}
} // namespace

TestProxy::~TestProxy()
{
    if (m_running)
        runNginx({ QStringLiteral("-s"), QStringLiteral("stop") });
}

QString TestProxy::nginxBinary()
{
    return QStandardPaths::findExecutable(
        QStringLiteral("nginx"), { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") });
}

bool TestProxy::start(const TestCenter &center, const QList<quint16> &centerPorts)
{
    QFile site(QStringLiteral(OBSLINK_NGINX_SITE));
    if (!site.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read ") + site.fileName();
        return false;
    }
    QString text = QString::fromUtf8(site.readAll());
    m_port = freeLoopbackPort();
    const QString dir = m_dir.path() + QLatin1Char('/');
    // The example's upstream lines become one line per center of the test.
    QStringList upstreams;
    for (quint16 port : centerPorts)
        upstreams << QStringLiteral("    server 127.0.0.1:%1 max_fails=2 fail_timeout=10s;").arg(port);
    text.replace(
        QStringLiteral(
            "    server 10.20.0.11:8443 max_fails=2 fail_timeout=10s; # each center process (set these)\n"
            "    server 10.20.0.12:8443 max_fails=2 fail_timeout=10s;"),
        upstreams.join(QLatin1Char('\n')));
    text.replace(QStringLiteral("listen 443 ssl;"), QStringLiteral("listen 127.0.0.1:%1 ssl;").arg(m_port));
    text.replace(QStringLiteral("/etc/obslink/"), dir);
    text.replace(QStringLiteral("center.region.internal"), QStringLiteral("localhost"));
    if (!text.contains(QStringLiteral("127.0.0.1:%1 ssl").arg(m_port))
        || text.contains(QLatin1String("10.20.0."))) {
        m_error = QStringLiteral("the site file no longer has the lines this test replaces");
        return false;
    }
    const bool copied
        = QFile::copy(center.path(QStringLiteral("server.pem")), dir + QStringLiteral("proxy.pem"))
        && QFile::copy(center.path(QStringLiteral("server.key")), dir + QStringLiteral("proxy.key"))
        && QFile::copy(center.caFile(), dir + QStringLiteral("region-ca.pem"));
    QFile siteCopy(dir + QStringLiteral("site.conf"));
    QFile main(dir + QStringLiteral("nginx.conf"));
    if (!copied || !siteCopy.open(QIODevice::WriteOnly) || !main.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot prepare the proxy's folder");
        return false;
    }
    siteCopy.write(text.toUtf8());
    siteCopy.close();
    // As root nginx's workers would become nobody, who cannot read the test's folder.
    const QString user = geteuid() == 0 ? QStringLiteral("user root;\n") : QString();
    main.write(QStringLiteral(
        "%1worker_processes 1;\npid %2nginx.pid;\nerror_log %2error.log warn;\n"
        "events { worker_connections 64; }\n"
        "http {\n  access_log %2access.log;\n  client_body_temp_path %2body;\n"
        "  proxy_temp_path %2proxy;\n  fastcgi_temp_path %2fastcgi;\n  uwsgi_temp_path %2uwsgi;\n"
        "  scgi_temp_path %2scgi;\n  include %2site.conf;\n}\n")
                   .arg(user, dir)
                   .toUtf8());
    main.close();
    if (!runNginx({}))
        return false;
    m_running = true;
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("nginx does not listen on port %1").arg(m_port);
    return false;
}

QString TestProxy::url() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

bool TestProxy::runNginx(const QStringList &arguments)
{
    QProcess nginx;
    nginx.start(nginxBinary(),
        QStringList { QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"),
            m_dir.filePath(QStringLiteral("nginx.conf")), QStringLiteral("-e"),
            m_dir.filePath(QStringLiteral("error.log")) }
            + arguments);
    if (!nginx.waitForFinished(20000) || nginx.exitCode() != 0) {
        QFile log(m_dir.filePath(QStringLiteral("error.log")));
        log.open(QIODevice::ReadOnly);
        m_error = QStringLiteral("nginx: ") + QString::fromUtf8(nginx.readAllStandardError() + log.readAll());
        return false;
    }
    return true;
}
