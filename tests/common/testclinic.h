#pragma once

// A clinic database of the test's own in a temporary folder, and the women it books into it:
// where the record and chart tests begin.
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

struct BookedWoman
{
    Patient patient;
    Pregnancy pregnancy;
};

class TestClinic
{
public:
    // Opens a new database written by user at clinic; isOpen() says whether it could, error() why not.
    explicit TestClinic(const QString &user, const QString &clinic = QStringLiteral("clinic-a"))
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("clinic.db")), {clinic, user});
        if (database)
            m_database = std::move(*database);
        else
            m_error = database.error().message;
    }

    bool isOpen() const { return m_database != nullptr; }
    QString error() const { return m_error; }
    Database &database() { return *m_database; }
    QString path() const { return m_dir.path(); }

    // Registers her with her last period (and booking date, if any); the records as saved (with
    // their ids), or nothing when the clinic's validation refused them.
    std::optional<BookedWoman> book(Patient patient, const QDate &lmp, const QDate &bookingDate = {})
    {
        BookedWoman woman{std::move(patient), Pregnancy{}};
        woman.pregnancy.lmp = lmp;
        woman.pregnancy.bookingDate = bookingDate;
        if (!ClinicRecords(*m_database).registerPregnancy(woman.patient, woman.pregnancy))
            return std::nullopt;
        return woman;
    }

    std::optional<BookedWoman> book(const QString &name, const QDate &birthDate, const QDate &lmp,
                                    const QDate &bookingDate = {})
    {
        Patient patient;
        patient.name = name;
        patient.birthDate = birthDate;
        return book(patient, lmp, bookingDate);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QString m_error;
};
