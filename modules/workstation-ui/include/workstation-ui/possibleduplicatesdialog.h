#pragma once

#include "storage/duplicatefinder.h"

#include <QDialog>

class QLineEdit;
class QPushButton;
class QTableWidget;

// Shown when a registration looks like a woman this clinic already has (DuplicateFinder): each
// existing record with what matched, and the nurse's choice — open the existing record (the
// usual answer), or register a new one anyway, with the reason why (kept in the audit trail),
// or go back to the form.
class PossibleDuplicatesDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { BackToForm = QDialog::Rejected, OpenExisting = 10, RegisterAnyway = 11 };

    PossibleDuplicatesDialog(const QList<DuplicateFinder::Match> &matches, QWidget *parent = nullptr);

    QUuid chosenRecord() const; // with OpenExisting
    QString reason() const; // with RegisterAnyway

    QTableWidget *matchesTable() const { return m_table; }
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *registerButton() const { return m_register; }

private:
    QList<DuplicateFinder::Match> m_matches;
    QTableWidget *m_table;
    QLineEdit *m_reason;
    QPushButton *m_open;
    QPushButton *m_register;
};
