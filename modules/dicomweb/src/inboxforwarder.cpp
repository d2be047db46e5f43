#include "dicomweb/inboxforwarder.h"

#include "dicomweblog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
QStringList pendingFiles(const QString &inbox)
{
    QStringList files;
    const QDir pending(QDir(inbox).filePath(QStringLiteral("pending")));
    for (const QFileInfo &file : pending.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed))
        files << file.absoluteFilePath();
    return files;
}

bool moveInto(const QString &file, const QString &directory)
{
    QDir().mkpath(directory);
    const QString target = QDir(directory).filePath(QFileInfo(file).fileName());
    QFile::remove(target);
    return QFile::rename(file, target);
}
} // namespace

InboxForwarder::InboxForwarder(QString inboxDirectory)
    : m_inbox(std::move(inboxDirectory))
{
}

int InboxForwarder::pendingCount() const
{
    return int(pendingFiles(m_inbox).size());
}

Result<ForwardSummary> InboxForwarder::forwardPending(DicomWebClient &client)
{
    ForwardSummary summary;
    const QStringList files = pendingFiles(m_inbox);
    for (const QString &file : files) {
        const auto outcome = client.store({file});
        if (!outcome) {
            qCInfo(lcDicomWeb) << "forwarding paused:" << outcome.error().code;
            return tl::unexpected(outcome.error());
        }
        if (!outcome->storedFiles.isEmpty()) {
            moveInto(file, QDir(m_inbox).filePath(QStringLiteral("forwarded")));
            ++summary.forwarded;
        } else {
            moveInto(file, QDir(m_inbox).filePath(QStringLiteral("rejected")));
            ++summary.rejected;
            summary.messages += outcome->messages;
            qCWarning(lcDicomWeb) << "the PACS refused a received instance; kept in the inbox's rejected folder";
        }
    }
    summary.stillPending = pendingCount();
    return summary;
}
