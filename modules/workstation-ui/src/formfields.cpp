#include "workstation-ui/formfields.h"

#include "ui-common/formwidgets.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QPushButton>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QWidget>

namespace FormFields {

QLineEdit *numberEdit(QWidget *parent, const QString &key, const QString &unitPlaceholder, bool decimals)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(key);
    edit->setPlaceholderText(unitPlaceholder);
    auto *validator = new QDoubleValidator(0, 9999, decimals ? 1 : 0, edit);
    validator->setNotation(QDoubleValidator::StandardNotation);
    edit->setValidator(validator);
    edit->setMaximumWidth(110);
    return edit;
}

std::optional<double> optionalNumber(const QLineEdit *edit, bool *malformed)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    if (!ok) {
        *malformed = true;
        return std::nullopt;
    }
    return value;
}

QString numberText(std::optional<double> value)
{
    return value ? QLocale().toString(*value, 'g', 6) : QString();
}

void showErrors(QWidget *form, QLabel *summary, const QList<FieldError> &errors)
{
    for (QWidget *w : form->findChildren<QWidget *>())
        if (w->property("invalid").toBool()) {
            w->setProperty("invalid", false);
            w->setStyleSheet(QString());
        }
    QStringList lines;
    QWidget *first = nullptr;
    for (const FieldError &error : errors) {
        lines << QStringLiteral("• ") + error.message;
        if (QWidget *field = form->findChild<QWidget *>(error.field)) {
            field->setProperty("invalid", true);
            field->setStyleSheet(QStringLiteral("border: 2px solid #c62828;"));
            if (!first)
                first = field;
        }
    }
    summary->setText(lines.join(QLatin1Char('\n')));
    summary->setVisible(!lines.isEmpty());
    if (first)
        first->setFocus();
}

QLabel *errorSummary(QWidget *form)
{
    return FormWidgets::errorLabel(form);
}

void addRow(QFormLayout *form, const QString &label, QLayout *row, QWidget *buddy)
{
    auto *text = new QLabel(label, buddy->parentWidget());
    text->setBuddy(buddy);
    form->addRow(text, row);
}

QDialogButtonBox *saveCancelButtons(QDialog *dialog)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Save)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    buttons->button(QDialogButtonBox::Save)->setToolTip(QCoreApplication::translate("FormFields", "Save (Ctrl+S)"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace FormFields
