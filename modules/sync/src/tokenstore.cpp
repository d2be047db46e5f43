#include "sync/tokenstore.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace {
// Runs a keychain job to its end on this thread.
void runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}
} // namespace

KeychainTokenStore::KeychainTokenStore(QString service)
    : m_service(std::move(service))
{
}

Result<QString> KeychainTokenStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    runToEnd(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return failure(QStringLiteral("sync.keychain"),
            tr("The system keychain cannot be read (%1).").arg(job.errorString()));
    return job.textData();
}

Result<void> KeychainTokenStore::write(const QString &key, const QString &token)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(token);
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return failure(QStringLiteral("sync.keychain"),
            tr("The sign-in cannot be kept in the system keychain (%1).").arg(job.errorString()));
    return {};
}

Result<void> KeychainTokenStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    runToEnd(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return failure(QStringLiteral("sync.keychain"),
            tr("The system keychain cannot be changed (%1).").arg(job.errorString()));
    return {};
}
