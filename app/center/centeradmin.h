#pragma once

#include "domain/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

class CenterDatabase;

// The administrative commands of obslink-center: create the schema, add clinics and users, reset
// a password or unlock a user, and the demo region. Each returns what it did as text for the operator.
class CenterAdmin
{
    Q_DECLARE_TR_FUNCTIONS(CenterAdmin)
public:
    static void addOptions(QCommandLineParser &parser);
    static bool wantsAdmin(const QCommandLineParser &parser);
    static Result<QString> run(const QCommandLineParser &parser, CenterDatabase &database);

private:
    static Result<QString> readPassword(const QCommandLineParser &parser);
    static Result<QString> addDemoRegion(CenterDatabase &database, int iterations);
    static Result<void> auditUserChange(CenterDatabase &database, const QString &clinicId, const QJsonObject &detail);
};
