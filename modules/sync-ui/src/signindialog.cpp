#include "sync-ui/signindialog.h"

#include "credentials/passwordpolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

SignInDialog::SignInDialog(const CenterSettings &settings, const QString &deviceId,
    std::shared_ptr<TokenStore> keychain, QWidget *parent)
    : QDialog(parent)
    , m_signIn(settings, deviceId, std::move(keychain))
    , m_password(new QLineEdit(this))
    , m_newPassword(new QLineEdit(this))
    , m_repeatPassword(new QLineEdit(this))
    , m_newPasswordRows(new QWidget(this))
    , m_message(new QLabel(this))
    , m_submit(new QPushButton(tr("Sign in"), this))
{
    setWindowTitle(tr("ObsLink — sign in"));
    auto *who = new QLabel(settings.username, this);
    who->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    auto *form = new QFormLayout;
    form->addRow(tr("User:"), who);
    form->addRow(tr("Password:"), m_password);
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_repeatPassword->setEchoMode(QLineEdit::Password);
    auto *rules = new QLabel(PasswordPolicy::describe(), m_newPasswordRows);
    rules->setWordWrap(true);
    auto *newForm = new QFormLayout;
    newForm->addRow(tr("New password:"), m_newPassword);
    newForm->addRow(tr("Repeat it:"), m_repeatPassword);
    auto *newRows = new QVBoxLayout(m_newPasswordRows);
    newRows->setContentsMargins(0, 0, 0, 0);
    newRows->addLayout(newForm);
    newRows->addWidget(rules);
    m_newPasswordRows->hide();
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Sign in with your account at the regional center (%1). Without a connection, the password "
           "of your last sign-in on this computer is accepted.")
            .arg(QUrl(settings.url).host()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_newPasswordRows);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_submit->setDefault(true);
    connect(m_submit, &QPushButton::clicked, this, &SignInDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SignInDialog::finish);
}

void SignInDialog::start()
{
    const bool changing = m_newPasswordRows->isVisible();
    if (changing && m_newPassword->text() != m_repeatPassword->text()) {
        m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_message->setText(tr("The two new passwords differ; type the same one twice."));
        m_repeatPassword->selectAll();
        m_repeatPassword->setFocus();
        return;
    }
    m_submit->setEnabled(false);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Signing in…"));
    const QString password = m_password->text();
    const QString newPassword = changing ? m_newPassword->text() : QString();
    m_watcher.setFuture(QtConcurrent::run([this, password, newPassword] { return m_signIn.signIn(password, newPassword); }));
}

void SignInDialog::askForNewPassword()
{
    m_newPasswordRows->show();
    m_submit->setText(tr("Change and sign in"));
    m_newPassword->setFocus();
    adjustSize();
}

void SignInDialog::finish()
{
    m_submit->setEnabled(true);
    const auto result = m_watcher.result();
    if (!result) {
        m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_message->setText(result.error().message);
        const QString &code = result.error().code;
        if (code == QLatin1String("auth.password-change-required")) {
            askForNewPassword();
        } else if (code == QLatin1String("auth.weak-password")) {
            m_newPassword->selectAll();
            m_newPassword->setFocus();
        } else {
            m_password->selectAll();
            m_password->setFocus();
        }
        emit signInFailed(code);
        return;
    }
    m_mode = *result;
    accept();
}
