#pragma once

#include "sync/centersettings.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

// Settings → Regional center: the center's address, the regional CA and optional key pin, the
// user's login at the center and her password (used once to sign in, never stored), and how
// often to sync. Refuses an address that is not https:// or a CA file that is not there.
class CenterSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CenterSettingsDialog(const CenterSettings &settings, QWidget *parent = nullptr);

    CenterSettings settings() const;
    QString password() const;
    // The user asked to forget the sign-in on this computer.
    bool signOutRequested() const { return m_signOut; }

    QLineEdit *urlField() const { return m_url; }
    QLineEdit *passwordField() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }
    void accept() override;

private:
    CenterSettings m_base;
    QLineEdit *m_url;
    QLineEdit *m_caFile;
    QLineEdit *m_pin;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QSpinBox *m_minutes;
    QLabel *m_error;
    bool m_signOut = false;
};
