#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

// Where the workstation keeps the center's refresh token between runs. Never a plain file:
// the production store is the system keychain.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    // An empty string when nothing is stored under the key.
    virtual Result<QString> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QString &token) = 0;
    virtual Result<void> remove(const QString &key) = 0;
};

// The system keychain through QtKeychain (Secret Service on Linux, the Credential Manager on
// Windows). Blocking: call it off the UI thread.
class KeychainTokenStore : public TokenStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainTokenStore)
public:
    explicit KeychainTokenStore(QString service = QStringLiteral("ObsLink regional center"));

    Result<QString> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &token) override;
    Result<void> remove(const QString &key) override;

private:
    QString m_service;
};
