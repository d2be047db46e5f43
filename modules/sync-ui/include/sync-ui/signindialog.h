#pragma once

#include "sync/workstationsignin.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPushButton;

// The workstation's sign-in when it is linked to a regional center: the user's password is
// checked at the center (in the background, the dialog stays responsive), or against the hash
// kept from her last sign-in there when the center cannot be reached. Says which it was. A
// password an administrator set is replaced here, at her first sign-in, by one of her own.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const CenterSettings &settings, const QString &deviceId,
        std::shared_ptr<TokenStore> keychain, QWidget *parent = nullptr);

    QLineEdit *passwordField() const { return m_password; }
    // Shown when the center asks her to replace a password an administrator set.
    QLineEdit *newPasswordField() const { return m_newPassword; }
    QLineEdit *repeatPasswordField() const { return m_repeatPassword; }
    QLabel *messageLabel() const { return m_message; }
    // Valid once accepted.
    WorkstationSignIn::Mode mode() const { return m_mode; }
    QString sessionVerifier() const { return m_signIn.sessionVerifier(); }

signals:
    // A sign-in refused (the error's code: "auth.invalid-credentials", "signin.wrong", …).
    void signInFailed(const QString &code);

private:
    void start();
    void finish();
    void askForNewPassword();

    WorkstationSignIn m_signIn;
    QLineEdit *m_password;
    QLineEdit *m_newPassword;
    QLineEdit *m_repeatPassword;
    QWidget *m_newPasswordRows;
    QLabel *m_message;
    QPushButton *m_submit;
    QFutureWatcher<Result<WorkstationSignIn::Mode>> m_watcher;
    WorkstationSignIn::Mode m_mode = WorkstationSignIn::Mode::AtCenter;
};
