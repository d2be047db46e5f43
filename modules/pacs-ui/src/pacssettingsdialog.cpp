#include "pacs-ui/pacssettingsdialog.h"

#include "ui-common/screenfit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

PacsSettingsDialog::PacsSettingsDialog(const PacsSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_original(settings)
    , m_url(new QLineEdit(settings.url, this))
    , m_ca(new QLineEdit(settings.caFile, this))
    , m_user(new QLineEdit(settings.username, this))
    , m_passwordFile(new QLineEdit(settings.passwordFile, this))
    , m_cacheMb(new QSpinBox(this))
    , m_receiver(new QCheckBox(tr("Receive images from the ultrasound machine (DICOM C-STORE) and forward them to the PACS"), this))
    , m_aeTitle(new QLineEdit(settings.aeTitle, this))
    , m_port(new QSpinBox(this))
{
    setWindowTitle(tr("PACS settings"));
    m_url->setPlaceholderText(QStringLiteral("https://pacs.example/dicom-web"));
    m_cacheMb->setRange(64, 1024 * 1024);
    m_cacheMb->setSuffix(tr(" MB"));
    m_cacheMb->setValue(settings.cacheMegabytes);
    m_receiver->setChecked(settings.receiverEnabled);
    m_aeTitle->setMaxLength(16);
    m_port->setRange(1, 65535);
    m_port->setValue(settings.receiverPort);

    auto *form = new QFormLayout;
    form->addRow(tr("DICOMweb address"), m_url);
    form->addRow(tr("Regional CA certificate"), withBrowseButton(m_ca, tr("Certificates (*.pem *.crt)")));
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Password file"), withBrowseButton(m_passwordFile, QString()));
    form->addRow(tr("Study cache size"), m_cacheMb);
    form->addRow(m_receiver);
    form->addRow(tr("AE title of this workstation"), m_aeTitle);
    form->addRow(tr("DICOM port"), m_port);
    auto *note = new QLabel(tr("The password file holds the password on its first line; only you should be able to read it. "
                               "Receiver changes apply at the next start of ObsLink."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PacsSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    ScreenFit::resize(this, QSize(640, sizeHint().height()));
}

QWidget *PacsSettingsDialog::withBrowseButton(QLineEdit *field, const QString &filter)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse…"), row);
    layout->addWidget(field, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, field, filter] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a file"), field->text(), filter);
        if (!chosen.isEmpty())
            field->setText(chosen);
    });
    return row;
}

PacsSettings PacsSettingsDialog::settings() const
{
    PacsSettings s = m_original;
    s.url = m_url->text().trimmed();
    s.caFile = m_ca->text().trimmed();
    s.username = m_user->text().trimmed();
    s.passwordFile = m_passwordFile->text().trimmed();
    s.cacheMegabytes = m_cacheMb->value();
    s.receiverEnabled = m_receiver->isChecked();
    s.aeTitle = m_aeTitle->text().trimmed();
    s.receiverPort = m_port->value();
    return s;
}

void PacsSettingsDialog::accept()
{
    const PacsSettings s = settings();
    const QUrl url(s.url);
    if (!s.url.isEmpty() && (url.scheme() != QLatin1String("https") || url.host().isEmpty())) {
        QMessageBox::warning(this, windowTitle(), tr("The DICOMweb address must be an https:// address."));
        m_url->setFocus();
        return;
    }
    if (s.receiverEnabled && s.aeTitle.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("The receiver needs an AE title."));
        m_aeTitle->setFocus();
        return;
    }
    QDialog::accept();
}
