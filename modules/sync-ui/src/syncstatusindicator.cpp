#include "sync-ui/syncstatusindicator.h"

#include "sync/clockcheck.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace {
struct Look
{
    const char *colour;
    const char *symbol; // a shape too, for colour-blind users
};

Look lookOf(SyncStatus::State state)
{
    switch (state) {
    case SyncStatus::State::UpToDate:
        return { "#2e7d32", "●" };
    case SyncStatus::State::Syncing:
        return { "#1565c0", "⟳" };
    case SyncStatus::State::Offline:
        return { "#9e9e9e", "○" };
    case SyncStatus::State::SignInNeeded:
        return { "#e65100", "⚠" };
    case SyncStatus::State::NotConfigured:
        break;
    }
    return { "#9e9e9e", "–" };
}
} // namespace

SyncStatusIndicator::SyncStatusIndicator(QWidget *parent)
    : QWidget(parent)
    , m_mark(new QLabel(this))
    , m_state(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_conflicts(new QToolButton(this))
    , m_syncNow(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_clock->setObjectName(QStringLiteral("clockWarning"));
    m_clock->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_clock->hide();
    m_conflicts->setAutoRaise(true);
    m_conflicts->setStyleSheet(QStringLiteral("QToolButton { color: #b71c1c; font-weight: bold; }"));
    m_conflicts->hide();
    m_syncNow->setAutoRaise(true);
    m_syncNow->setText(tr("Sync now"));
    m_syncNow->setToolTip(
        tr("Send this clinic's changes to the regional center and fetch the region's (F9)"));
    layout->addWidget(m_mark);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(m_clock);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_syncNow);
    connect(m_syncNow, &QToolButton::clicked, this, [this] {
        if (m_shown == SyncStatus::State::SignInNeeded || m_shown == SyncStatus::State::NotConfigured)
            emit signInRequested();
        else
            emit syncNowRequested();
    });
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusIndicator::conflictsRequested);
    show(SyncStatus {});
}

void SyncStatusIndicator::show(const SyncStatus &status)
{
    m_shown = status.state;
    const Look look = lookOf(status.state);
    m_mark->setText(QString::fromUtf8(look.symbol));
    m_mark->setStyleSheet(QStringLiteral("color: %1; font-size: 14px;").arg(QLatin1String(look.colour)));
    const QLocale locale;
    QString text;
    QString tip;
    switch (status.state) {
    case SyncStatus::State::NotConfigured:
        text = tr("Not connected to the regional center");
        tip = tr("This clinic works on its own records. Settings → Regional center connects it.");
        break;
    case SyncStatus::State::SignInNeeded:
        text = tr("Sign-in needed");
        tip = status.message;
        break;
    case SyncStatus::State::Offline:
        text = tr("Offline");
        tip = tr("%1\nNext attempt at %2. Work goes on here and is sent when the center is reachable.")
                  .arg(status.message, status.nextAttempt.toLocalTime().toString(QStringLiteral("HH:mm")));
        break;
    case SyncStatus::State::Syncing:
        text = tr("Syncing… %n record(s), %1", nullptr, status.recordsDone)
                   .arg(locale.formattedDataSize(status.bytesMoved));
        tip = tr("Sending this clinic's changes and fetching the region's.");
        break;
    case SyncStatus::State::UpToDate:
        text = tr("Synced %1").arg(status.lastSynced.toLocalTime().toString(QStringLiteral("HH:mm")));
        tip = tr("Up to date with the regional center.");
        break;
    }
    if (status.pending > 0 && status.state != SyncStatus::State::Syncing)
        text += QStringLiteral(" · ") + tr("%n change(s) to send", nullptr, status.pending);
    if (status.refused > 0)
        tip += QLatin1Char('\n')
            + tr(
                "%n change(s) refused by the center are kept here with the reason.", nullptr, status.refused);
    m_state->setText(text);
    m_state->setToolTip(tip);
    m_mark->setToolTip(tip);

    // A round's total is not known in advance (the feed is paged): a busy bar, counts in words.
    m_progress->setVisible(status.state == SyncStatus::State::Syncing);
    m_progress->setRange(0, 0);

    const bool clockOff = status.clockOffsetSeconds && ClockCheck::isOff(*status.clockOffsetSeconds);
    m_clock->setVisible(clockOff);
    if (clockOff) {
        m_clock->setText(tr("⚠ Clock off by %n min", nullptr, int(qAbs(*status.clockOffsetSeconds) / 60)));
        m_clock->setToolTip(ClockCheck::warning(*status.clockOffsetSeconds));
    }

    m_conflicts->setVisible(status.openConflicts > 0);
    m_conflicts->setText(tr("⚠ %n conflict(s)", nullptr, status.openConflicts));
    m_conflicts->setToolTip(tr("The same field was changed here and elsewhere: choose which value to keep."));
    const bool needsUser
        = status.state == SyncStatus::State::SignInNeeded || status.state == SyncStatus::State::NotConfigured;
    m_syncNow->setText(needsUser ? tr("Sign in…") : tr("Sync now"));
    m_syncNow->setEnabled(status.state != SyncStatus::State::Syncing);
}

QString SyncStatusIndicator::stateText() const
{
    return m_state->text();
}
