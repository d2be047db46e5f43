#pragma once

#include "sync/syncstatus.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

// The status bar's sync corner: a coloured mark with a word (offline, up to date, syncing,
// sign-in needed), the progress of a round in records and bytes, what is still waiting, a
// button for the open conflicts and one to sync now. Readable without colour: the word says it.
class SyncStatusIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusIndicator(QWidget *parent = nullptr);

    void show(const SyncStatus &status);
    QString stateText() const;
    QLabel *clockWarning() const { return m_clock; }
    QToolButton *conflictsButton() const { return m_conflicts; }
    QToolButton *syncNowButton() const { return m_syncNow; }
    QProgressBar *progressBar() const { return m_progress; }

signals:
    void syncNowRequested();
    void conflictsRequested();
    void signInRequested();

private:
    QLabel *m_mark;
    QLabel *m_state;
    QLabel *m_clock; // shown when this computer's clock is far from the center's
    QProgressBar *m_progress;
    QToolButton *m_conflicts;
    QToolButton *m_syncNow;
    SyncStatus::State m_shown = SyncStatus::State::NotConfigured;
};
