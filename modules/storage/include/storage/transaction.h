#pragma once

#include "domain/result.h"

#include <QSqlDatabase>

// Scoped transaction: rolls back unless commit() succeeded, so an early return or error path
// never leaves half of a multi-row write behind.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    Result<void> commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};
