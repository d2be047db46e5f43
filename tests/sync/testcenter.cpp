#include "testcenter.h"

#include <QFile>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QUuid>

namespace {
// Runs one statement on the server named by a postgres:// URL, on a short-lived connection.
QString onPostgres(const QUrl &url, const QString &statement)
{
    const QString name = QStringLiteral("testcenter-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement))
                error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}
} // namespace

TestCenter::TestCenter()
{
    const QString postgres = qEnvironmentVariable("OBSLINK_TEST_POSTGRES");
    if (postgres.isEmpty() || !createPostgresDatabase(postgres))
        m_database = m_dir.filePath(QStringLiteral("center.db"));
}

TestCenter::~TestCenter()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
    for (const auto &other : m_otherInstances) {
        other->kill();
        other->waitForFinished(10000);
    }
    dropPostgresDatabase();
}

bool TestCenter::createPostgresDatabase(const QString &serverUrl)
{
    const QUrl server(serverUrl);
    const QString name = QStringLiteral("obslink_test_") + QUuid::createUuid().toString(QUuid::Id128);
    if (const QString error = onPostgres(server, QStringLiteral("CREATE DATABASE ") + name); !error.isEmpty()) {
        // Said loudly: a test run meant for PostgreSQL must not pass quietly on SQLite.
        qFatal("TestCenter: cannot create a database on OBSLINK_TEST_POSTGRES: %s", qPrintable(error));
        return false;
    }
    m_postgresServer = serverUrl;
    m_postgresName = name;
    QUrl url = server;
    url.setPath(QLatin1Char('/') + name);
    m_database = url.toString();
    qInfo("TestCenter: on PostgreSQL %s:%d, database %s", qPrintable(server.host()), server.port(5432), qPrintable(name));
    return true;
}

void TestCenter::dropPostgresDatabase()
{
    if (m_postgresName.isEmpty())
        return;
    if (const QString error = onPostgres(QUrl(m_postgresServer), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName));
        !error.isEmpty())
        qWarning("TestCenter: cannot drop %s: %s", qPrintable(m_postgresName), qPrintable(error));
    m_postgresName.clear();
}

QString TestCenter::cliBinary()
{
    return QStringLiteral(OBSLINK_CLI_BINARY);
}

QString TestCenter::centerBinary()
{
    return QStringLiteral(OBSLINK_CENTER_BINARY);
}

bool TestCenter::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')) + QStringLiteral(": ")
            + QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    return true;
}

bool TestCenter::prepare(const QStringList &serveOptions)
{
    m_serveOptions = serveOptions;
    const auto file = [this](const char *name) { return m_dir.filePath(QString::fromLatin1(name)); };
    QFile extensions(file("server.ext"));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    QFile password(passwordFile());
    if (!password.open(QIODevice::WriteOnly))
        return false;
    password.write("obslink-demo\n");
    password.close();
    const QString openssl = QStringLiteral("openssl");
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes")};
    const bool certificates
        = run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                  + QStringList{QStringLiteral("-keyout"), file("ca.key"), QStringLiteral("-out"), caFile(), QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=ObsLink Test CA")})
        && run(openssl, QStringList{QStringLiteral("req")} + ec
                            + QStringList{QStringLiteral("-keyout"), file("server.key"), QStringLiteral("-out"), file("server.csr"),
                                          QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")})
        && run(openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), file("server.csr"), QStringLiteral("-CA"),
                         caFile(), QStringLiteral("-CAkey"), file("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                         file("server.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), file("server.ext")})
        // Another CA nobody trusts, for the "wrong certificate" tests.
        && run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                            + QStringList{QStringLiteral("-keyout"), file("other-ca.key"), QStringLiteral("-out"), selfSignedCaFile(),
                                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Other CA")});
    if (!certificates)
        return false;
    return run(QStringLiteral(OBSLINK_CENTER_BINARY), {QStringLiteral("--db"), m_database, QStringLiteral("--init"), QStringLiteral("--demo-region"),
                                                        QStringLiteral("--hash-iterations"), QStringLiteral("1000")});
}

bool TestCenter::start()
{
    m_port = launch(m_process, m_port);
    return m_port != 0;
}

QString TestCenter::startAnotherInstance()
{
    auto process = std::make_unique<QProcess>();
    const quint16 port = launch(*process, 0);
    m_otherInstances.push_back(std::move(process));
    return port == 0 ? QString() : QStringLiteral("https://127.0.0.1:%1").arg(port);
}

quint16 TestCenter::launch(QProcess &process, quint16 port)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(m_dir.filePath(QStringLiteral("center.log")), QIODevice::Append);
    QStringList arguments{QStringLiteral("--db"), m_database, QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("server.pem")),
                          QStringLiteral("--key"), m_dir.filePath(QStringLiteral("server.key")), QStringLiteral("--port"),
                          QString::number(port)};
    process.start(QStringLiteral(OBSLINK_CENTER_BINARY), arguments + m_serveOptions);
    if (!process.waitForStarted(10000) || !process.waitForReadyRead(10000)) {
        m_error = QStringLiteral("the center did not start");
        return 0;
    }
    const QJsonObject announced = QJsonDocument::fromJson(process.readLine()).object();
    return quint16(announced.value(QStringLiteral("port")).toInt());
}

void TestCenter::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool TestCenter::stop()
{
    m_process.terminate();
    return m_process.waitForFinished(10000) && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

QString TestCenter::url() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

QString CenterReply::errorCode() const
{
    return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

CenterReply TestCenter::request(const QByteArray &method, const QString &path, const QByteArray &body, const QString &token,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QString &base) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl((base.isEmpty() ? url() : base) + path));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(QSslCertificate::fromPath(caFile()));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    CenterReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.bytes = reply->readAll();
    result.body = QJsonDocument::fromJson(result.bytes).object();
    delete reply;
    return result;
}

int TestCenter::admin(const QStringList &arguments, QString *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(centerBinary(), QStringList{QStringLiteral("--db"), m_database} + arguments);
    if (!process.waitForFinished(60000))
        return -1;
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
