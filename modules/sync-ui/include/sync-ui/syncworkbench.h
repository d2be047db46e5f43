#pragma once

#include "storage/database.h"

#include <QObject>

#include <memory>

class BackgroundSync;
class QAction;
class QAction;
class QMainWindow;
class QSystemTrayIcon;
class QMenu;
class SyncStatusIndicator;
class TokenStore;

// Sync in the main window: starts the background sync with the saved settings, puts the
// indicator in the status bar, and adds File → Sync now (F9), File → Sync conflicts… and
// Settings → Regional center…. Tells the window when records changed under it.
class SyncWorkbench : public QObject
{
    Q_OBJECT
public:
    SyncWorkbench(QMainWindow *window, QMenu *fileMenu, QMenu *settingsMenu, const Database &database,
        std::shared_ptr<TokenStore> tokens = nullptr);
    ~SyncWorkbench() override;

    BackgroundSync *sync() const { return m_sync; }
    SyncStatusIndicator *indicator() const { return m_indicator; }

public slots:
    void openConflicts();
    void openSettings();

    // What the workstation does when the center says something urgent came: the tray message
    // and, unless turned off (Settings → Sound for emergencies), a sound.
    void showLiveNotice(const QString &urgency);

signals:
    // Records arrived from the center or a conflict was settled: lists and the chart reload.
    void recordsChanged();

private:
    QMainWindow *m_window;
    QString m_databasePath;
    Database::Identity m_identity;
    BackgroundSync *m_sync;
    SyncStatusIndicator *m_indicator;
    QAction *m_emergencySound;
    QSystemTrayIcon *m_tray = nullptr; // made when the first notice comes, where a tray exists
};
