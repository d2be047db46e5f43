#include "ui-common/formwidgets.h"

#include <QLabel>
#include <QPlainTextEdit>

namespace FormWidgets {

QLabel *errorLabel(QWidget *form, const QString &objectName)
{
    auto *label = new QLabel(form);
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

QPlainTextEdit *textBox(QWidget *form, const QString &objectName, int lines)
{
    auto *edit = new QPlainTextEdit(form);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

} // namespace FormWidgets
