#pragma once

#include <QString>

class QLabel;
class QPlainTextEdit;
class QWidget;

// The pieces every form is made of, so that they look and behave the same on each screen.
namespace FormWidgets {
// The red line that says what is wrong, hidden until there is something to say.
QLabel *errorLabel(QWidget *form, const QString &objectName = QStringLiteral("error"));
// A free-text field a few lines high, left with Tab like the other fields.
QPlainTextEdit *textBox(QWidget *form, const QString &objectName, int lines);
} // namespace FormWidgets
