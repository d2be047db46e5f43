#include "dicom/frameloader.h"

#include <QThread>

#include <algorithm>

FrameLoader::FrameLoader(std::shared_ptr<const DicomFile> file, qint64 budgetBytes, QObject *parent)
    : QObject(parent)
    , m_file(std::move(file))
    , m_cache(budgetBytes)
{
    // Two decoders at most: a clinic PC has few cores and the UI needs one.
    m_maxWorkers = std::clamp(QThread::idealThreadCount() - 1, 1, 2);
    m_pool.setMaxThreadCount(m_maxWorkers);
}

FrameLoader::~FrameLoader()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queue.clear();
        m_queued.clear();
    }
    m_pool.waitForDone();
}

std::optional<QImage> FrameLoader::cachedFrame(int frame)
{
    return m_cache.find(frame);
}

int FrameLoader::framesWithinBudget() const
{
    const qint64 frameBytes = std::max<qint64>(1, m_file->renderedFrameBytes());
    return static_cast<int>(std::min<qint64>(m_file->info().frames, m_cache.budgetBytes() / frameBytes));
}

void FrameLoader::request(int frame)
{
    if (frame < 0 || frame >= m_file->info().frames) {
        auto refused = m_file->renderFrame(frame); // the file's own "no such frame" error
        QMetaObject::invokeMethod(
            this,
            [this, frame, error = refused.error()] { emit frameFailed(frame, error.code, error.message); },
            Qt::QueuedConnection);
        return;
    }
    if (auto image = m_cache.find(frame)) {
        QMetaObject::invokeMethod(
            this, [this, frame, image = *image] { emit frameReady(frame, image); }, Qt::QueuedConnection);
        return;
    }
    enqueue(frame, true);
}

void FrameLoader::prefetch(int first, int count)
{
    const int frames = m_file->info().frames;
    if (frames < 1 || count < 1)
        return;
    // Frames beyond the budget would push out the ones just prefetched; unless the whole loop
    // fits, one place stays free for the frame on screen.
    const int room = framesWithinBudget();
    count = std::min({ count, frames, room >= frames ? frames : std::max(0, room - 1) });
    for (int i = 0; i < count; ++i) {
        const int frame = ((first + i) % frames + frames) % frames;
        if (m_cache.find(frame)) // marks it as recently used: it is about to be shown
            continue;
        enqueue(frame, false);
    }
}

void FrameLoader::enqueue(int frame, bool urgent)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping || m_inFlight.contains(frame))
        return;
    if (m_queued.contains(frame)) {
        if (urgent) {
            m_queue.erase(std::find(m_queue.begin(), m_queue.end(), frame));
            m_queue.push_front(frame);
        }
        return;
    }
    m_queued.insert(frame);
    if (urgent)
        m_queue.push_front(frame);
    else
        m_queue.push_back(frame);
    if (m_workers < m_maxWorkers) {
        ++m_workers;
        m_pool.start([this] { work(); });
    }
}

void FrameLoader::cancelPending()
{
    QMutexLocker lock(&m_mutex);
    m_queue.clear();
    m_queued.clear();
}

bool FrameLoader::isIdle() const
{
    QMutexLocker lock(&m_mutex);
    return m_queue.empty() && m_inFlight.isEmpty() && m_workers == 0;
}

void FrameLoader::work()
{
    for (;;) {
        int frame = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping || m_queue.empty()) {
                --m_workers;
                const bool nowIdle = m_workers == 0 && m_inFlight.isEmpty() && !m_stopping;
                lock.unlock();
                if (nowIdle)
                    QMetaObject::invokeMethod(
                        this, [this] { emit idle(); }, Qt::QueuedConnection);
                return;
            }
            frame = m_queue.front();
            m_queue.pop_front();
            m_queued.remove(frame);
            m_inFlight.insert(frame);
        }
        auto image = m_file->renderFrame(frame);
        if (image)
            m_cache.insert(frame, *image);
        {
            QMutexLocker lock(&m_mutex);
            m_inFlight.remove(frame);
        }
        // Signals leave from the loader's own thread, like any QObject's, so receivers (and a
        // QSignalSpy) need no locking.
        if (image)
            QMetaObject::invokeMethod(
                this, [this, frame, rendered = *image] { emit frameReady(frame, rendered); },
                Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(
                this,
                [this, frame, error = image.error()] { emit frameFailed(frame, error.code, error.message); },
                Qt::QueuedConnection);
    }
}
