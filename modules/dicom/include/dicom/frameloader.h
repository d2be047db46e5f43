#pragma once

#include "dicom/dicomfile.h"
#include "dicom/framecache.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <deque>
#include <memory>
#include <optional>

// Decodes the frames of one file in the background, never on the caller's thread, into a
// bounded cache: a viewer asks for the frame it shows (request) and for those about to be
// shown (prefetch), and is told when each is ready. Nothing is decoded that was not asked for.
// Pending work can be cancelled; destroying the loader waits only for the frames being decoded
// at that moment. Signals are emitted in the loader's own thread.
class FrameLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultBudgetBytes = qint64(256) * 1024 * 1024;

    explicit FrameLoader(std::shared_ptr<const DicomFile> file, qint64 budgetBytes = DefaultBudgetBytes,
        QObject *parent = nullptr);
    ~FrameLoader() override;

    const DicomFile &file() const { return *m_file; }
    // The frame at once if it is in the cache.
    std::optional<QImage> cachedFrame(int frame);
    // Decode `frame` next, ahead of prefetched frames; frameReady or frameFailed follows (also
    // for a frame already cached, so a caller can rely on the signal).
    void request(int frame);
    // Decode `count` frames from `first` on, wrapping round the end of the loop, behind
    // requested frames; limited to what the budget can hold so prefetching never evicts
    // its own frames.
    void prefetch(int first, int count);
    // Drops every frame not yet started.
    void cancelPending();
    bool isIdle() const;

    // How many rendered frames of this file fit in the budget.
    int framesWithinBudget() const;
    qint64 budgetBytes() const { return m_cache.budgetBytes(); }
    qint64 cachedBytes() const { return m_cache.heldBytes(); }
    int cachedFrameCount() const { return m_cache.heldFrames(); }

signals:
    void frameReady(int frame, const QImage &image);
    void frameFailed(int frame, const QString &code, const QString &message);
    // Every requested and prefetched frame has been decoded (or failed, or was cancelled).
    void idle();

private:
    void enqueue(int frame, bool urgent);
    void work();

    std::shared_ptr<const DicomFile> m_file;
    FrameCache m_cache;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    std::deque<int> m_queue;
    QSet<int> m_queued;
    QSet<int> m_inFlight;
    int m_workers = 0;
    int m_maxWorkers = 1;
    bool m_stopping = false;
};
