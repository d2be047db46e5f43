#include "dicom-viewer/cineplayer.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

CinePlayer::CinePlayer(QObject *parent)
    : QObject(parent)
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CinePlayer::tick);
}

void CinePlayer::setClock(Clock clock)
{
    m_clock = std::move(clock);
    restartFromCurrentFrame();
}

void CinePlayer::setLoop(int frameCount, double frameTimeMs)
{
    pause();
    m_frameCount = std::max(1, frameCount);
    m_frameTimeMs = std::isfinite(frameTimeMs) && frameTimeMs > 0 ? frameTimeMs : 1000.0 / 30;
    m_frame = -1;
    show(0);
}

void CinePlayer::play()
{
    if (m_playing || m_frameCount < 2)
        return;
    m_playing = true;
    restartFromCurrentFrame();
    // Ticks twice per frame at the fastest speed, so a frame is never shown late by more than
    // half its time.
    m_timer.start(std::max(4, int(m_frameTimeMs / MaximumSpeed / 2)));
    emit playingChanged(true);
}

void CinePlayer::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_timer.stop();
    emit playingChanged(false);
}

void CinePlayer::togglePlaying()
{
    m_playing ? pause() : play();
}

void CinePlayer::setSpeed(double speed)
{
    if (!std::isfinite(speed))
        return;
    tick(); // the frames up to now at the old speed
    m_speed = std::clamp(speed, MinimumSpeed, MaximumSpeed);
    restartFromCurrentFrame();
}

void CinePlayer::step(int frames)
{
    pause();
    show(((m_frame + frames) % m_frameCount + m_frameCount) % m_frameCount);
}

void CinePlayer::seek(int frame)
{
    show(std::clamp(frame, 0, m_frameCount - 1));
    restartFromCurrentFrame();
}

void CinePlayer::tick()
{
    if (!m_playing)
        return;
    const double elapsedMs = double(m_clock() - m_startMs);
    const auto advanced = static_cast<qint64>(std::floor(elapsedMs * m_speed / m_frameTimeMs + 1e-9));
    show(int((m_startFrame + advanced) % m_frameCount));
}

void CinePlayer::restartFromCurrentFrame()
{
    m_startMs = m_clock();
    m_startFrame = std::max(0, m_frame);
}

void CinePlayer::show(int frame)
{
    if (frame == m_frame)
        return;
    m_frame = frame;
    emit frameChanged(frame);
}
