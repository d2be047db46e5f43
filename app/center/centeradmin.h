#pragma once

#include "domain/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>

class CenterDatabase;

// The administrative commands of obslink-center: create the schema, add clinics and users, and
// the demo region. Each returns what it did as text for the operator.
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
};
