#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

// A clinic of the region as the center lists it: where a woman can be referred.
struct DirectoryClinic
{
    QString id;
    QString name;
    bool isCenter = false;
};

// The clinics' names as read once, for a screen that names many (a list, a timeline).
class ClinicNames
{
public:
    explicit ClinicNames(const QList<DirectoryClinic> &clinics = {});
    // The names of all, read now (none when the directory cannot be read).
    ClinicNames names() const;
    // One clinic's name, or its id when the directory does not know it.
    QString nameOf(const QString &clinicId) const;

private:
    QHash<QString, QString> m_names;
};

// The region's clinics as the center listed them at the last sync, kept in the cache so that a
// referral can be written while the network is down. Also names a clinic id for screens.
class ClinicDirectory
{
    Q_DECLARE_TR_FUNCTIONS(ClinicDirectory)
public:
    explicit ClinicDirectory(QSqlDatabase db);

    Result<QList<DirectoryClinic>> clinics() const; // as the center ordered them; empty before the first sync
    Result<void> replace(const QList<DirectoryClinic> &clinics);
    // The names of all, read now (none when the directory cannot be read).
    ClinicNames names() const;
    // One clinic's name, or its id when the directory does not know it.
    QString nameOf(const QString &clinicId) const;

    // The center's reply (GET /api/v1/clinics), checked: every entry with an id and a name of
    // sensible length, a bounded count.
    static Result<QList<DirectoryClinic>> fromCenterReply(const QByteArray &json);

private:
    QSqlDatabase m_db;
};
