#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

// Runs obslink-cli (OBSLINK_CLI_BINARY, defined by the test's CMake target) with `arguments` and
// returns what it printed as a JSON object (empty when it printed none), with its exit code.
inline QJsonObject cliJson(const QStringList &arguments, int *exitCode)
{
    QProcess cli;
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), arguments);
    const bool finished = cli.waitForFinished(30000);
    // Not started, timed out or crashed: no exit code a test could take for an answer.
    *exitCode = finished && cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
}
