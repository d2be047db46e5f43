#pragma once

#include "cases/casefile.h"
#include "domain/recordvalidator.h"

#include <QDate>
#include <QDialog>

class CaseManagement;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QVBoxLayout;

// Closing a case (结案转归): how the pregnancy ended, with the fields each end requires —
// delivery with her newborns (one block per baby, twins added with a button) and the 42-day
// postpartum check, or miscarriage, termination, transfer out, maternal death. The closure is
// checked by CaseOutcomeValidator; what is missing is named on the form and nothing is saved.
class CaseClosureDialog : public QDialog
{
    Q_OBJECT
public:
    CaseClosureDialog(CaseManagement &cases, const CaseFile &caseFile, const QString &woman,
        const QDate &today, QWidget *parent = nullptr);

    CaseOutcome outcome() const;
    void setKind(CaseOutcome::Kind kind);
    void addNewborn();
    void removeNewborn();
    int newbornCount() const { return static_cast<int>(m_newborns.size()); }
    // The validator's field keys shown as errors on the last attempt.
    QStringList errorFields() const { return m_errorFields; }

public slots:
    void accept() override;

private:
    void updateRows();
    QWidget *addRow(const QString &key, const QString &label, QWidget *editor);
    static QComboBox *choiceBox(QWidget *parent, const QString &objectName, const QString &choiceField);
    static QDateEdit *optionalDate(QWidget *parent, const QString &objectName, const QDate &today);

    CaseManagement &m_cases;
    CaseFile m_case;
    QDate m_today;
    QComboBox *m_kind;
    QFormLayout *m_form;
    QWidget *m_newbornBox;
    QVBoxLayout *m_newbornLayout;
    QList<QWidget *> m_newborns;
    QLabel *m_errors;
    QHash<QString, QWidget *> m_fields;
    QStringList m_errorFields;
};
