#pragma once

#include "dicomweb/pacsendpoint.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <memory>

class QThread;
class StudyCache;

// Retrieves studies from the PACS into the local cache on a background thread, one at a time:
// studies a reader asked for first, then the prefetch list (the next studies of the worklist).
// A request for another study interrupts a running prefetch, which is queued again after it.
// Signals arrive on the thread that owns this object.
class StudyRetrieval : public QObject
{
    Q_OBJECT
public:
    StudyRetrieval(PacsEndpoint endpoint, std::shared_ptr<StudyCache> cache, QObject *parent = nullptr);
    ~StudyRetrieval() override;

    void retrieve(const QString &studyUid);
    // Replaces the earlier prefetch list.
    void prefetch(const QStringList &studyUids);
    void cancelAll();
    StudyCache &cache() { return *m_cache; }

signals:
    void progress(const QString &studyUid, qint64 bytes, int instances);
    void retrieved(
        const QString &studyUid, const QString &directory, const QStringList &files, bool prefetched);
    void failed(const QString &studyUid, const QString &message);

private:
    struct Job
    {
        QString studyUid;
        bool prefetched = false;
    };
    void run();
    bool takeJob(Job &job);
    // Called with m_mutex held.
    bool isUnderWay(const QString &studyUid) const;

    PacsEndpoint m_endpoint;
    std::shared_ptr<StudyCache> m_cache;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Job> m_jobs;
    Job m_running;
    bool m_busy = false;
    bool m_quit = false;
    std::atomic<bool> m_cancel { false };
    QThread *m_thread = nullptr;
};
