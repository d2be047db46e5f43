#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class QLabel;
class QLineEdit;
class QWidget;

// Locks the workstation after a spell without keyboard or mouse input: an opaque panel covers
// the window (no patient data stays visible on an unattended screen), input to anything else
// is swallowed, and the user's password unlocks (checked against the slow hash of the password
// she signed in with, kept in memory; no network).
class SessionLock : public QObject
{
    Q_OBJECT
public:
    SessionLock(QWidget *window, QString username, QString passwordVerifier, std::chrono::milliseconds idle);

    bool isLocked() const { return m_panel != nullptr; }
    void lock();
    bool unlock(const QString &password);
    QLineEdit *passwordField() const { return m_password; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void lockedChanged(bool locked);
    void unlockFailed(); // a wrong password on the lock screen

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QString m_username;
    QString m_verifier;
    QTimer m_idle;
    QWidget *m_panel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
};
