#pragma once

#include "domain/recordvalidator.h"

#include <QList>

#include <functional>

class QDialog;
class QDialogButtonBox;
class QLabel;
class QWidget;

// What the case forms share: the button row, and field errors shown on the form (each bad
// field outlined, all named in a red summary, the first one focused).
namespace CaseForms {
// An empty acceptText gives the standard Save button (Ctrl+S).
QDialogButtonBox *buttons(QDialog *dialog, const QString &acceptText = {});
QLabel *errorSummary(QWidget *form);
// `widgetName` maps a validator's field key to the object name of the widget that shows it.
void showErrors(QWidget *form, QLabel *summary, const QList<FieldError> &errors,
    const std::function<QString(const QString &)> &widgetName = {});
} // namespace CaseForms
