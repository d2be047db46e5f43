#include "sync-ui/syncworkbench.h"

#include "sync-ui/centersettingsdialog.h"
#include "sync-ui/conflictdialog.h"
#include "sync-ui/syncstatusindicator.h"
#include "sync/backgroundsync.h"
#include "sync/tokenstore.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

SyncWorkbench::SyncWorkbench(QMainWindow *window, QMenu *fileMenu, QMenu *settingsMenu,
    const Database &database, std::shared_ptr<TokenStore> tokens)
    : QObject(window)
    , m_window(window)
    , m_databasePath(database.path())
    , m_identity(database.identity())
    , m_sync(new BackgroundSync(database.path(), database.identity(),
          tokens ? std::move(tokens) : std::make_shared<KeychainTokenStore>(), this))
    , m_indicator(new SyncStatusIndicator(window))
{
    window->statusBar()->addPermanentWidget(m_indicator);
    QAction *syncNow
        = fileMenu->addAction(tr("S&ync with the regional center now"), m_sync, &BackgroundSync::syncNow);
    syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    fileMenu->addAction(tr("Sync &conflicts…"), this, &SyncWorkbench::openConflicts);
    settingsMenu->addAction(tr("Regional &center…"), this, &SyncWorkbench::openSettings);
    m_emergencySound = settingsMenu->addAction(tr("Sound for &emergencies"));
    m_emergencySound->setObjectName(QStringLiteral("emergencySound"));
    m_emergencySound->setCheckable(true);
    m_emergencySound->setChecked(QSettings().value(QStringLiteral("notifications/emergencySound"), true).toBool());
    connect(m_emergencySound, &QAction::toggled, this,
        [](bool on) { QSettings().setValue(QStringLiteral("notifications/emergencySound"), on); });
    connect(m_sync, &BackgroundSync::liveNotice, this, &SyncWorkbench::showLiveNotice);

    connect(m_sync, &BackgroundSync::statusChanged, m_indicator, &SyncStatusIndicator::show);
    connect(m_sync, &BackgroundSync::recordsArrived, this, &SyncWorkbench::recordsChanged);
    connect(m_indicator, &SyncStatusIndicator::syncNowRequested, m_sync, &BackgroundSync::syncNow);
    connect(m_indicator, &SyncStatusIndicator::conflictsRequested, this, &SyncWorkbench::openConflicts);
    connect(m_indicator, &SyncStatusIndicator::signInRequested, this, &SyncWorkbench::openSettings);
    connect(m_sync, &BackgroundSync::signInFinished, this, [this](bool succeeded, const QString &message) {
        if (!succeeded)
            m_window->statusBar()->showMessage(message, 10000);
    });
    // After the window is up: the first round must not delay the list.
    QTimer::singleShot(0, this, [this] { m_sync->configure(CenterSettings::load()); });
}

SyncWorkbench::~SyncWorkbench() = default;

void SyncWorkbench::showLiveNotice(const QString &urgency)
{
    if (urgency != QLatin1String("emergency")) {
        m_window->statusBar()->showMessage(tr("News from the regional center: syncing now."), 5000);
        return;
    }
    const QString text = tr("An emergency referral for this clinic has news: it is being synced now. See Worklists → Referrals.");
    m_window->statusBar()->showMessage(text, 30000);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(tr("ObsLink — emergency"), text, QSystemTrayIcon::Warning, 30000);
    }
    if (m_emergencySound->isChecked())
        QApplication::beep();
}

void SyncWorkbench::openConflicts()
{
    auto database = Database::open(m_databasePath, m_identity);
    if (!database) {
        m_window->statusBar()->showMessage(database.error().message, 10000);
        return;
    }
    ConflictDialog dialog((*database)->connection(), m_identity.author, m_window);
    connect(&dialog, &ConflictDialog::resolved, m_sync, &BackgroundSync::syncNow);
    connect(&dialog, &ConflictDialog::resolved, this, &SyncWorkbench::recordsChanged);
    dialog.exec();
}

void SyncWorkbench::openSettings()
{
    CenterSettingsDialog dialog(
        m_sync->settings().url.isEmpty() ? CenterSettings::load() : m_sync->settings(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.signOutRequested()) {
        m_sync->signOut();
        return;
    }
    const CenterSettings settings = dialog.settings();
    settings.save();
    m_sync->configure(settings);
    if (!dialog.password().isEmpty())
        m_sync->signIn(dialog.password());
}
