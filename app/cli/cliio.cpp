#include "cliio.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

void printJson(const QJsonDocument &document)
{
    const QByteArray bytes = document.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &message)
{
    const QByteArray bytes = message.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    if (!message.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stderr);
}

Result<std::unique_ptr<Database>> openExistingDatabase(const QString &path)
{
    if (!QFile::exists(path))
        return failure(QStringLiteral("cli.db"), QCoreApplication::translate("Cli", "The database %1 does not exist.").arg(path));
    return Database::open(path, {QStringLiteral("cli"), QStringLiteral("obslink-cli")});
}
