#include "sync-ui/signindialog.h"

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
    m_submit->setEnabled(false);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Signing in…"));
    const QString password = m_password->text();
    m_watcher.setFuture(QtConcurrent::run([this, password] { return m_signIn.signIn(password); }));
}

void SignInDialog::finish()
{
    m_submit->setEnabled(true);
    const auto result = m_watcher.result();
    if (!result) {
        m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_message->setText(result.error().message);
        m_password->selectAll();
        m_password->setFocus();
        emit signInFailed(result.error().code);
        return;
    }
    m_mode = *result;
    accept();
}
