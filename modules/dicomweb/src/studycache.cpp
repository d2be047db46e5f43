#include "dicomweb/studycache.h"

#include "dicomweb/studyjson.h"
#include "dicomweblog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>

namespace {
const QString ManifestName = QStringLiteral("manifest.json");
const QString StagingName = QStringLiteral(".staging");
} // namespace

StudyCache::StudyCache(QString root, qint64 maxBytes)
    : m_root(std::move(root))
    , m_maxBytes(maxBytes)
{
}

QString StudyCache::directoryFor(const QString &studyUid) const
{
    // UIDs are checked before use, but a file name never comes straight from the network.
    const QByteArray hash = QCryptographicHash::hash(studyUid.toLatin1(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(m_root).filePath(QString::fromLatin1(hash));
}

std::optional<StudyCache::Entry> StudyCache::readEntry(const QString &directory) const
{
    QFile file(QDir(directory).filePath(ManifestName));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 16 * 1024 * 1024)
        return std::nullopt;
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    Entry entry;
    entry.study.studyInstanceUid = manifest.value(QStringLiteral("studyInstanceUid")).toString();
    entry.study.directory = directory;
    entry.study.bytes = static_cast<qint64>(manifest.value(QStringLiteral("bytes")).toDouble());
    entry.lastUsedMs = static_cast<qint64>(manifest.value(QStringLiteral("lastUsedMs")).toDouble());
    for (const QJsonValue &name : manifest.value(QStringLiteral("files")).toArray())
        entry.study.files << QDir(directory).filePath(QFileInfo(name.toString()).fileName());
    if (!StudyJson::isValidUid(entry.study.studyInstanceUid))
        return std::nullopt;
    return entry;
}

bool StudyCache::writeManifest(const Entry &entry) const
{
    QJsonArray files;
    for (const QString &path : entry.study.files)
        files << QFileInfo(path).fileName();
    const QJsonObject manifest{{QStringLiteral("studyInstanceUid"), entry.study.studyInstanceUid},
                               {QStringLiteral("bytes"), double(entry.study.bytes)},
                               {QStringLiteral("lastUsedMs"), double(entry.lastUsedMs)},
                               {QStringLiteral("files"), files}};
    QSaveFile file(QDir(entry.study.directory).filePath(ManifestName));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(manifest).toJson()) >= 0 && file.commit();
}

QList<StudyCache::Entry> StudyCache::entries() const
{
    QList<Entry> result;
    const QDir root(m_root);
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (name != StagingName)
            if (auto entry = readEntry(root.filePath(name)))
                result << *entry;
    std::sort(result.begin(), result.end(), [](const Entry &a, const Entry &b) { return a.lastUsedMs > b.lastUsedMs; });
    return result;
}

qint64 StudyCache::nextUseStamp() const
{
    // Later than every other use, even within the same millisecond: the order is the LRU order.
    qint64 stamp = QDateTime::currentMSecsSinceEpoch();
    for (const Entry &other : entries())
        stamp = std::max(stamp, other.lastUsedMs + 1);
    return stamp;
}

std::optional<CachedStudy> StudyCache::find(const QString &studyUid)
{
    QMutexLocker lock(&m_mutex);
    auto entry = readEntry(directoryFor(studyUid));
    if (!entry || entry->study.studyInstanceUid != studyUid)
        return std::nullopt;
    if (!std::all_of(entry->study.files.begin(), entry->study.files.end(), [](const QString &f) { return QFileInfo::exists(f); }))
        return std::nullopt;
    entry->lastUsedMs = nextUseStamp();
    writeManifest(*entry);
    return entry->study;
}

bool StudyCache::contains(const QString &studyUid)
{
    QMutexLocker lock(&m_mutex);
    const auto entry = readEntry(directoryFor(studyUid));
    return entry && entry->study.studyInstanceUid == studyUid;
}

Result<QString> StudyCache::createStaging(const QString &studyUid)
{
    Q_UNUSED(studyUid)
    const QString staging = QDir(m_root).filePath(StagingName + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!QDir().mkpath(staging))
        return failure(QStringLiteral("dicomweb.cache"), tr("The study cache folder %1 cannot be written.").arg(m_root));
    return staging;
}

void StudyCache::discardStaging(const QString &stagingDirectory)
{
    if (QFileInfo(stagingDirectory).absolutePath() == QDir(m_root).filePath(StagingName))
        QDir(stagingDirectory).removeRecursively();
}

Result<CachedStudy> StudyCache::commit(const QString &studyUid, const QString &stagingDirectory)
{
    QMutexLocker lock(&m_mutex);
    Entry entry;
    entry.study.studyInstanceUid = studyUid;
    entry.study.directory = directoryFor(studyUid);
    entry.lastUsedMs = nextUseStamp();
    const QDir staging(stagingDirectory);
    for (const QFileInfo &file : staging.entryInfoList(QDir::Files, QDir::Name)) {
        entry.study.files << QDir(entry.study.directory).filePath(file.fileName());
        entry.study.bytes += file.size();
    }
    QDir(entry.study.directory).removeRecursively(); // an older copy of the same study
    if (!QDir().rename(stagingDirectory, entry.study.directory))
        return failure(QStringLiteral("dicomweb.cache"), tr("The study cache folder %1 cannot be written.").arg(m_root));
    if (!writeManifest(entry)) {
        QDir(entry.study.directory).removeRecursively();
        return failure(QStringLiteral("dicomweb.cache"), tr("The study cache folder %1 cannot be written.").arg(m_root));
    }
    evictExcept(studyUid);
    return entry.study;
}

void StudyCache::evictExcept(const QString &keepUid)
{
    QList<Entry> all = entries();
    qint64 total = 0;
    for (const Entry &entry : all)
        total += entry.study.bytes;
    // Oldest first; the study just retrieved stays even if it alone is over the bound.
    for (auto it = all.rbegin(); it != all.rend() && total > m_maxBytes; ++it) {
        if (it->study.studyInstanceUid == keepUid)
            continue;
        if (QDir(it->study.directory).removeRecursively())
            total -= it->study.bytes;
        else
            qCWarning(lcDicomWeb) << "a cached study could not be removed";
    }
}

qint64 StudyCache::totalBytes()
{
    QMutexLocker lock(&m_mutex);
    qint64 total = 0;
    for (const Entry &entry : entries())
        total += entry.study.bytes;
    return total;
}

QStringList StudyCache::cachedStudies()
{
    QMutexLocker lock(&m_mutex);
    QStringList uids;
    for (const Entry &entry : entries())
        uids << entry.study.studyInstanceUid;
    return uids;
}
