#pragma once

#include "storage/syncconflicts.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

// Sync conflicts, one row per field: whose record, what, the value written here and the one
// the center kept. For the selected row the clinician keeps this workstation's value, takes
// the center's, or types another; the choice is saved as an ordinary change and sent with the
// next round. Records the center sent that could not be stored are listed for the administrator.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    ConflictDialog(QSqlDatabase db, QString author, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    int conflictCount() const { return int(m_conflicts.size()); }
    // Applies a choice for row: 0 this workstation's, 1 the center's, 2 the typed value.
    bool choose(int row, int choice, const QString &typed = {});

    static QString recordKind(const QString &table);
    static QString fieldName(const QString &field);
    static QString valueText(const QJsonValue &value);

signals:
    void resolved(); // a choice was saved: time to sync

private:
    void reload();
    void showSelected();
    void applyChoice();
    static Result<QJsonValue> typedValue(const SyncConflict &conflict, const QString &typed);

    SyncConflicts m_store;
    QList<SyncConflict> m_conflicts;
    QTableWidget *m_table;
    QLabel *m_question;
    QRadioButton *m_mine;
    QRadioButton *m_theirs;
    QRadioButton *m_other;
    QButtonGroup *m_choices;
    QLineEdit *m_typed;
    QPushButton *m_apply;
    QLabel *m_error;
};
