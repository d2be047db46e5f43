#pragma once

#include "cases/casefile.h"

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;

// Recording a follow-up contact (随访): how she was reached, what was found and done, what she
// was advised, and when the next contact is due (proposed from the case's schedule).
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    ContactDialog(
        const QString &woman, const QDate &today, const QDate &proposedNext, QWidget *parent = nullptr);
    FollowUpContact contact() const;
    // How a contact was made and how it went, as a nurse names them: stored key, label.
    static QList<QPair<QString, QString>> kinds();
    static QList<QPair<QString, QString>> outcomes();
    static QString labelOf(const QList<QPair<QString, QString>> &choices, const QString &key);

private:
    QComboBox *m_kind;
    QDateEdit *m_date;
    QComboBox *m_outcome;
    QPlainTextEdit *m_findings;
    QPlainTextEdit *m_interventions;
    QPlainTextEdit *m_advice;
    QDateEdit *m_next;
};
