#pragma once

#include "domain/recordvalidator.h"

#include <QList>
#include <QString>

#include <optional>

class QDialog;
class QDialogButtonBox;
class QFormLayout;
class QLayout;
class QLabel;
class QLineEdit;
class QWidget;

// Reading optional numbers that a user typed in her locale ("65,5" or "65.5"), and showing
// validation errors on the form: each bad field outlined and named, the first one focused.
namespace FormFields {
QLineEdit *numberEdit(QWidget *parent, const QString &key, const QString &unitPlaceholder, bool decimals);
std::optional<double> optionalNumber(const QLineEdit *edit, bool *malformed);
QString numberText(std::optional<double> value);
void showErrors(QWidget *form, QLabel *summary, const QList<FieldError> &errors);
// The red summary of what is wrong, hidden until there is something to say.
QLabel *errorSummary(QWidget *form);
// A row of several widgets (a value and its unit, a date and a check box) under a label whose
// shortcut (the letter after '&') goes to `buddy`: QFormLayout gives a row that is a layout a
// label without a buddy, which would show the '&' as text and jump nowhere.
void addRow(QFormLayout *form, const QString &label, QLayout *row, QWidget *buddy);
// Save (Ctrl+S) and Cancel, wired to the dialog's accept() and reject().
QDialogButtonBox *saveCancelButtons(QDialog *dialog);
} // namespace FormFields
