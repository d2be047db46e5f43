#pragma once

#include <QStringList>

// Each sub-command of obslink-cli lives in its own file and receives the arguments after its
// name. Exit codes: 0 success, 1 bad input or failure, 2 wrong usage.
int runDemoDataCommand(const QStringList &arguments);
int runRiskCommand(const QStringList &arguments);
int runCasesCommand(const QStringList &arguments);
int runCtgCommand(const QStringList &arguments);
int runDicomCommand(const QStringList &arguments);
int runSyncCommand(const QStringList &arguments);
int runPacsCommand(const QStringList &arguments);
int runFhirCommand(const QStringList &arguments);
int runReferralCommand(const QStringList &arguments);
int runConsultationCommand(const QStringList &arguments);
int runAuditCommand(const QStringList &arguments);
