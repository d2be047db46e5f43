#include "commands.h"
#include "cliio.h"

#include <QCoreApplication>

// Replaced when the module that backs it lands.
int runDicomCommand(const QStringList &)
{
    printError(QCoreApplication::translate("Cli", "This command is not available in this build."));
    return 1;
}
