#include "dicom/framecache.h"

FrameCache::FrameCache(qint64 budgetBytes)
{
    m_images.setMaxCost(static_cast<qsizetype>(std::max<qint64>(0, budgetBytes)));
}

std::optional<QImage> FrameCache::find(int frame)
{
    QMutexLocker lock(&m_mutex);
    if (const QImage *image = m_images.object(frame))
        return *image;
    return std::nullopt;
}

bool FrameCache::contains(int frame) const
{
    QMutexLocker lock(&m_mutex);
    return m_images.contains(frame);
}

void FrameCache::insert(int frame, const QImage &image)
{
    QMutexLocker lock(&m_mutex);
    // QCache evicts least recently used entries beyond the cost limit and refuses (deleting the
    // copy) an entry that alone exceeds it.
    m_images.insert(frame, new QImage(image), static_cast<qsizetype>(image.sizeInBytes()));
}

void FrameCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_images.clear();
}

qint64 FrameCache::budgetBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_images.maxCost();
}

qint64 FrameCache::heldBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_images.totalCost();
}

int FrameCache::heldFrames() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_images.count());
}
