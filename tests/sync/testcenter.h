#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <vector>

// A real obslink-center for integration tests: a test CA and a certificate for 127.0.0.1 made
// with openssl, the demo region (clinic-a, clinic-b, the center; password "obslink-demo"), and
// the service on a free loopback port. Database: SQLite in the temporary folder, or, when
// OBSLINK_TEST_POSTGRES (postgres://…) names a PostgreSQL server, a database of its own there,
// created for this instance and dropped afterwards, so tests running side by side never meet.
// One answer of the center's HTTPS API.
struct CenterReply
{
    int status = 0;
    QJsonObject body; // the JSON answer, empty if it was not JSON
    QByteArray bytes;
    QString errorCode() const; // body.error.code
};

class TestCenter
{
public:
    TestCenter();
    ~TestCenter();

    bool prepare(const QStringList &serveOptions = {}); // certificates, schema, demo region
    bool start();                                       // returns once it listens
    void kill();                                        // SIGKILL, as a power cut would
    bool stop();                                        // SIGTERM, graceful
    // One more obslink-center on the same database and certificate, on a port of its own, as
    // several run behind a TLS proxy; its address, or empty if it did not start. Killed with
    // this object.
    QString startAnotherInstance();

    QString url() const;
    // One request to this center (or to `base`, another instance's address), trusting the test
    // CA; a bearer token when given. Waits up to 20 s.
    CenterReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QString &token = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
        const QString &base = {}) const;
    // `obslink-center --db <this center's database> <arguments>`: its exit code and its output.
    int admin(const QStringList &arguments, QString *output = nullptr) const;
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString selfSignedCaFile() const { return m_dir.filePath(QStringLiteral("other-ca.pem")); }
    QString passwordFile() const { return m_dir.filePath(QStringLiteral("password")); }
    QString databaseLocation() const { return m_database; }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString lastError() const { return m_error; }
    quint16 port() const { return m_port; }
    static QString cliBinary();
    static QString centerBinary();

private:
    bool createPostgresDatabase(const QString &serverUrl);
    void dropPostgresDatabase();
    bool run(const QString &program, const QStringList &arguments);
    quint16 launch(QProcess &process, quint16 port); // the port it listens on, 0 if it did not start

    QTemporaryDir m_dir;
    QString m_database;
    QString m_postgresServer; // the URL given, when this instance made a database there
    QString m_postgresName;
    QStringList m_serveOptions;
    QProcess m_process;
    std::vector<std::unique_ptr<QProcess>> m_otherInstances;
    quint16 m_port = 0;
    QString m_error;
};
