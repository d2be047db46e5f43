#pragma once

#include <QCache>
#include <QImage>
#include <QMutex>

#include <optional>

// Rendered frames kept for reuse, least recently used first out, within a budget in bytes, so
// that a long cine loop never holds more memory than the budget however many frames it has.
// Thread-safe.
class FrameCache
{
public:
    explicit FrameCache(qint64 budgetBytes);

    // The frame if held; marks it as most recently used.
    std::optional<QImage> find(int frame);
    bool contains(int frame) const;
    // Keeps the frame, dropping least recently used ones to stay within the budget. A frame
    // larger than the whole budget is not kept.
    void insert(int frame, const QImage &image);
    void clear();

    qint64 budgetBytes() const;
    qint64 heldBytes() const;
    int heldFrames() const;

private:
    mutable QMutex m_mutex;
    QCache<int, QImage> m_images;
};
