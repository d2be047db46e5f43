#pragma once

#include "risk/screeningchecklist.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// The screening form (筛查) at the first antenatal visit, laid out as the national form:
// basic information, history, symptoms and examination, laboratory. Items the record answers
// are ticked, locked and marked "from the record" with their evidence; the clinician ticks
// the rest. The result shows as she ticks: negative (green) or positive — to be assessed and
// graded (评估分级).
class ScreeningDialog : public QDialog
{
    Q_OBJECT
public:
    // fromRecord: the items the record answers yes to; noFromRecord: those it answers no to.
    ScreeningDialog(const ScreeningChecklist &form, const QList<ScreeningAnswer> &fromRecord, const QStringList &noFromRecord,
                    const QString &language, QWidget *parent = nullptr);

    QStringList tickedItems() const; // the clinician's ticks; the record's answers are added on saving
    void setTicked(const QString &itemId, bool ticked);
    bool isPositive() const;
    QString note() const;
    QTreeWidgetItem *itemFor(const QString &itemId) const;

    enum Column { ItemColumn, FromRecordColumn, IdColumn };
    static constexpr int ItemIdRole = Qt::UserRole;
    static constexpr int FromRecordRole = Qt::UserRole + 1;

private:
    void addItem(QTreeWidgetItem *parent, const ScreeningItem &screeningItem, const QList<ScreeningAnswer> &fromRecord,
                 const QStringList &noFromRecord, const QString &language);
    void showResult();
    QList<QTreeWidgetItem *> answerItems() const;

    QTreeWidget *m_tree;
    QLabel *m_result;
    QLineEdit *m_note;
    QPushButton *m_save;
};
