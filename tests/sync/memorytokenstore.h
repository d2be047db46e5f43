#pragma once

#include "sync/tokenstore.h"

#include <QHash>

// The keychain's contract without a desktop session, for tests about what is kept when.
class MemoryTokenStore : public TokenStore
{
public:
    Result<QString> read(const QString &key) override { return tokens.value(key); }
    Result<void> write(const QString &key, const QString &token) override
    {
        tokens.insert(key, token);
        ++writes;
        return {};
    }
    Result<void> remove(const QString &key) override
    {
        tokens.remove(key);
        return {};
    }

    QHash<QString, QString> tokens;
    int writes = 0;
};
