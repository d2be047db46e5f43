#include "storage/transaction.h"

#include "storage/sqlerror.h"

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    m_active = m_db.transaction();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return tl::unexpected(SqlError::from(m_db.lastError(), "begin transaction"));
    if (!m_db.commit()) {
        const Error error = SqlError::from(m_db.lastError(), "commit");
        m_db.rollback();
        m_active = false;
        return tl::unexpected(error);
    }
    m_active = false;
    return {};
}
