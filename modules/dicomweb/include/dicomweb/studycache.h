#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

// A retrieved study on local disk.
struct CachedStudy
{
    QString studyInstanceUid;
    QString directory;
    QStringList files; // absolute paths, one per instance
    qint64 bytes = 0;
};

// The local on-disk cache of retrieved studies, bounded in size and evicting the least
// recently used study first. A study enters only whole: it is retrieved into a staging folder
// and renamed in with its manifest, so a crash mid-retrieval leaves nothing that looks cached.
// Thread-safe; one cache folder per workstation user.
class StudyCache
{
    Q_DECLARE_TR_FUNCTIONS(StudyCache)
public:
    StudyCache(QString root, qint64 maxBytes);

    // The study if it is cached whole; marks it as just used.
    std::optional<CachedStudy> find(const QString &studyUid);
    // Whether the study is cached, without counting as a use.
    bool contains(const QString &studyUid);
    // A fresh empty folder to retrieve a study into.
    Result<QString> createStaging(const QString &studyUid);
    // Moves a fully retrieved staging folder into the cache, then evicts least recently used
    // studies (never this one) until the cache fits its bound again.
    Result<CachedStudy> commit(const QString &studyUid, const QString &stagingDirectory);
    void discardStaging(const QString &stagingDirectory);

    qint64 totalBytes();
    qint64 maxBytes() const { return m_maxBytes; }
    QStringList cachedStudies(); // most recently used first

private:
    struct Entry
    {
        CachedStudy study;
        qint64 lastUsedMs = 0;
    };
    QList<Entry> entries() const;
    std::optional<Entry> readEntry(const QString &directory) const;
    bool writeManifest(const Entry &entry) const;
    QString directoryFor(const QString &studyUid) const;
    void evictExcept(const QString &keepUid);
    qint64 nextUseStamp() const;

    QString m_root;
    qint64 m_maxBytes;
    QMutex m_mutex;
};
