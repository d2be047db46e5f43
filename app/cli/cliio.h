#pragma once

#include <QJsonDocument>
#include <QString>

// Output helpers shared by the sub-commands: machine-readable JSON on stdout, human messages
// (already translated) on stderr.
void printJson(const QJsonDocument &document);
void printError(const QString &message);
