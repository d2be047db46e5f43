#include "cases-ui/caseforms.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace CaseForms {

QDialogButtonBox *buttons(QDialog *dialog, const QString &acceptText)
{
    // No text: the standard Save button (Ctrl+S).
    auto *box = new QDialogButtonBox(
        acceptText.isEmpty() ? QDialogButtonBox::Save | QDialogButtonBox::Cancel : QDialogButtonBox::Cancel,
        dialog);
    QPushButton *accept = acceptText.isEmpty() ? box->button(QDialogButtonBox::Save)
                                               : box->addButton(acceptText, QDialogButtonBox::AcceptRole);
    if (acceptText.isEmpty())
        accept->setShortcut(QKeySequence::Save);
    accept->setObjectName(QStringLiteral("accept"));
    accept->setDefault(true);
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

QLabel *errorSummary(QWidget *form)
{
    auto *label = new QLabel(form);
    label->setObjectName(QStringLiteral("errors"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    label->hide();
    return label;
}

void showErrors(QWidget *form, QLabel *summary, const QList<FieldError> &errors,
    const std::function<QString(const QString &)> &widgetName)
{
    for (QWidget *marked : form->findChildren<QWidget *>())
        if (marked->property("caseFormError").toBool()) {
            marked->setProperty("caseFormError", false);
            marked->setStyleSheet(QString());
        }
    QStringList messages;
    QWidget *first = nullptr;
    for (const FieldError &error : errors) {
        messages.append(QStringLiteral("• ") + error.message);
        auto *widget = form->findChild<QWidget *>(widgetName ? widgetName(error.field) : error.field);
        if (!widget)
            continue;
        widget->setProperty("caseFormError", true);
        // By class, so that the outline does not cascade to the labels inside a group.
        widget->setStyleSheet(QStringLiteral("%1 { border: 2px solid #b00020; }")
                                  .arg(QLatin1String(widget->metaObject()->className())));
        if (!first)
            first = widget;
    }
    summary->setText(messages.join(QLatin1Char('\n')));
    summary->setVisible(!messages.isEmpty());
    if (first)
        first->setFocus();
}

} // namespace CaseForms
