#include "sync-ui/centersettingsdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

CenterSettingsDialog::CenterSettingsDialog(const CenterSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_base(settings)
    , m_url(new QLineEdit(settings.url, this))
    , m_caFile(new QLineEdit(settings.caFile, this))
    , m_pin(new QLineEdit(settings.publicKeySha256, this))
    , m_user(new QLineEdit(settings.username, this))
    , m_password(new QLineEdit(this))
    , m_minutes(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Regional center"));
    m_url->setPlaceholderText(QStringLiteral("https://center.example.cn:8443"));
    m_pin->setPlaceholderText(tr("optional: SHA-256 of the center's public key (base64)"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("only to sign in; leave empty to stay signed in"));
    m_minutes->setRange(1, 240);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(std::max(1, settings.intervalSeconds / 60));
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->setWordWrap(true);

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Regional CA certificate"),
            m_caFile->text(), tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Center address:"), m_url);
    form->addRow(tr("Regional CA file:"), caRow);
    form->addRow(tr("Key pin:"), m_pin);
    form->addRow(tr("User name at the center:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Sync every:"), m_minutes);

    auto *note
        = new QLabel(tr("The password is used once to sign in and is never stored; this computer keeps the "
                        "sign-in in the system keychain. Records are sent over HTTPS only."),
            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save and sync"));
    QPushButton *signOut = buttons->addButton(tr("Sign out on this computer"), QDialogButtonBox::ResetRole);
    connect(signOut, &QPushButton::clicked, this, [this] {
        m_signOut = true;
        QDialog::accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &CenterSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

CenterSettings CenterSettingsDialog::settings() const
{
    CenterSettings settings = m_base;
    settings.url = m_url->text().trimmed();
    settings.caFile = m_caFile->text().trimmed();
    settings.publicKeySha256 = m_pin->text().trimmed();
    settings.username = m_user->text().trimmed();
    settings.intervalSeconds = m_minutes->value() * 60;
    return settings;
}

QString CenterSettingsDialog::password() const
{
    return m_password->text();
}

void CenterSettingsDialog::accept()
{
    const CenterSettings chosen = settings();
    // An empty address switches sync off; anything else must be a usable endpoint.
    if (!chosen.url.isEmpty()) {
        if (chosen.username.isEmpty()) {
            m_error->setText(tr("Enter your user name at the center."));
            m_user->setFocus();
            return;
        }
        if (const auto endpoint = chosen.endpoint(); !endpoint) {
            m_error->setText(endpoint.error().message);
            m_url->setFocus();
            return;
        }
    }
    QDialog::accept();
}
