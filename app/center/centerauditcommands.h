#pragma once

#include "domain/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>

class CenterDatabase;

// The region's audit trail from the center's command line (docs/audit.md), for a center admin:
// search it by woman, user, clinic and time (JSON), verify every chain in it (exit 1 where one
// is broken, naming the entry), and write a woman's access report as a page to print.
class CenterAuditCommands
{
    Q_DECLARE_TR_FUNCTIONS(CenterAuditCommands)
public:
    static void addOptions(QCommandLineParser &parser);
    static bool wanted(const QCommandLineParser &parser);
    // Prints what was asked on stdout; returns the exit code, or the error.
    static Result<int> run(const QCommandLineParser &parser, CenterDatabase &database);
};
