#pragma once

#include <QList>
#include <QString>
#include <QTemporaryDir>

class TestCenter;

// nginx started from the project's own site file (installer/nginx-obslink-center.conf) in front
// of center processes on 127.0.0.1: the file's example addresses, names and paths are replaced by
// the test's, nothing else. Stopped when destroyed.
class TestProxy
{
public:
    TestProxy() = default;
    ~TestProxy();
    TestProxy(const TestProxy &) = delete;
    TestProxy &operator=(const TestProxy &) = delete;

    static QString nginxBinary(); // empty if nginx is not installed
    // Serves https://127.0.0.1:port() with the center's certificate, passing to `centerPorts`.
    bool start(const TestCenter &center, const QList<quint16> &centerPorts);
    QString url() const;
    quint16 port() const { return m_port; }
    QString lastError() const { return m_error; }

private:
    bool runNginx(const QStringList &arguments);

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_error;
};
