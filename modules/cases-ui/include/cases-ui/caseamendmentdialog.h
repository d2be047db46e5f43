#pragma once

#include "cases/casefile.h"

#include <QDate>
#include <QDialog>

class AmendmentHistory;
class CaseManagement;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

// An audited amendment of a closed case: one field, its new value and the reason, saved with
// who and when; the amendments made so far are listed below.
class CaseAmendmentDialog : public QDialog
{
    Q_OBJECT
public:
    CaseAmendmentDialog(
        CaseManagement &cases, const CaseFile &caseFile, const QDate &today, QWidget *parent = nullptr);

    void chooseField(const QString &key);
    void setNewValue(const QString &value); // the stored form: a choice key, YYYY-MM-DD, 38+2, a number

public slots:
    void accept() override;

private:
    void showField();
    QString newValue() const;

    CaseManagement &m_cases;
    CaseFile m_case;
    QDate m_today;
    QComboBox *m_field;
    QLabel *m_current;
    QStackedWidget *m_editors;
    QLineEdit *m_text;
    QComboBox *m_choice;
    QPlainTextEdit *m_reason;
    QLabel *m_errors;
    AmendmentHistory *m_history;
};
