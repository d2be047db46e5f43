#include "ctg-ui/ctgrecordingenddialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

CtgRecordingEndDialog::CtgRecordingEndDialog(const QString &fileName, const QDateTime &lastWritten, QWidget *parent)
    : QDialog(parent), m_end(new QDateTimeEdit(lastWritten.toLocalTime(), this))
{
    setWindowTitle(tr("Import a fetal heart trace"));
    setMinimumWidth(480);
    m_end->setObjectName(QStringLiteral("recordingEnded"));
    m_end->setCalendarPopup(true);
    m_end->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // A recording cannot end after it was imported.
    m_end->setMaximumDateTime(QDateTime::currentDateTime().addSecs(60));
    auto *hint = new QLabel(tr("Filled in from when the monitor wrote %1. If the file was copied from the monitor "
                               "later, give the time the recording really ended: the trace's times and her "
                               "gestational age for the analysis follow from it.")
                                .arg(fileName),
        this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Recording &ended:"), m_end);
    form->addRow(hint);
    form->addRow(buttons);
}

QDateTime CtgRecordingEndDialog::recordingEnded() const
{
    return m_end->dateTime();
}
