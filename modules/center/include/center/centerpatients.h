#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

// A woman as the center holds her: the demographic fields of her patient record and the clinic
// that registered her. For what the center prints about her (her access report) and finds her
// by, never for a clinic's screen (that reads her through sync and the sharing rules).
struct WomanAtCenter
{
    QString patientKey;
    QString clinicId;
    QString name;
    QString recordNumber;
};

class CenterPatients
{
public:
    explicit CenterPatients(QSqlDatabase db);

    Result<std::optional<WomanAtCenter>> find(const QString &patientKey) const;

private:
    QSqlDatabase m_db;
};
