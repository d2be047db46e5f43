#pragma once

#include "dicomweb/pacssettings.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

// Settings → PACS: the regional PACS's DICOMweb address, the regional CA file, the login, the
// size of the local study cache, and the C-STORE receiver's AE title and port.
class PacsSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PacsSettingsDialog(const PacsSettings &settings, QWidget *parent = nullptr);

    PacsSettings settings() const;

private:
    void accept() override;
    QWidget *withBrowseButton(QLineEdit *field, const QString &filter);

    PacsSettings m_original;
    QLineEdit *m_url;
    QLineEdit *m_ca;
    QLineEdit *m_user;
    QLineEdit *m_passwordFile;
    QSpinBox *m_cacheMb;
    QCheckBox *m_receiver;
    QLineEdit *m_aeTitle;
    QSpinBox *m_port;
};
