#pragma once

#include "domain/result.h"

#include <QJsonDocument>
#include <QString>

#include <memory>

class Database;

// Output helpers shared by the sub-commands: machine-readable JSON on stdout, human messages
// (already translated) on stderr.
void printJson(const QJsonDocument &document);
void printError(const QString &message);
// An existing clinic database, opened as the command-line tool (never created by a typo).
Result<std::unique_ptr<Database>> openExistingDatabase(const QString &path);
