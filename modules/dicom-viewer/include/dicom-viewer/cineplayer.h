#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

// Which frame of a cine loop to show now. Playback follows a clock, not a count of timer
// ticks, so the loop runs at the acquired rate (Frame Time or Cine Rate from the file, times
// the chosen speed) even when drawing a frame takes longer than a frame: frames are skipped,
// time is not stretched. The clock can be replaced, so tests run a loop without waiting.
class CinePlayer : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic
    static constexpr double MinimumSpeed = 0.25;
    static constexpr double MaximumSpeed = 2.0;

    explicit CinePlayer(QObject *parent = nullptr);

    void setClock(Clock clock);
    // A new loop: stops playback and shows frame 0.
    void setLoop(int frameCount, double frameTimeMs);

    int frameCount() const { return m_frameCount; }
    int currentFrame() const { return m_frame; }
    double frameTimeMs() const { return m_frameTimeMs; }
    double speed() const { return m_speed; }
    bool isPlaying() const { return m_playing; }
    // Frames per second at the current speed.
    double framesPerSecond() const { return m_frameTimeMs > 0 ? 1000.0 * m_speed / m_frameTimeMs : 0; }

public slots:
    void play();
    void pause();
    void togglePlaying();
    void setSpeed(double speed); // clamped to 0.25–2
    // Stepping pauses: the clinician is looking for one frame.
    void step(int frames);
    void seek(int frame);
    // Moves to the frame the clock says; the timer calls it, tests may too.
    void tick();

signals:
    void frameChanged(int frame);
    void playingChanged(bool playing);

private:
    void restartFromCurrentFrame();
    void show(int frame);

    Clock m_clock;
    QTimer m_timer;
    int m_frameCount = 1;
    int m_frame = 0;
    double m_frameTimeMs = 1000.0 / 30;
    double m_speed = 1.0;
    bool m_playing = false;
    qint64 m_startMs = 0;
    int m_startFrame = 0;
};
