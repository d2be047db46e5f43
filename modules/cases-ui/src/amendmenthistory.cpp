#include "cases-ui/amendmenthistory.h"

#include "cases/outcomefields.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLocale>

namespace {
CaseOutcome outcomeOf(const QString &json)
{
    return CaseOutcome::fromJson(QJsonDocument::fromJson(json.toUtf8()).object()).value_or(CaseOutcome {});
}
} // namespace

AmendmentHistory::AmendmentHistory(QWidget *parent)
    : QTableWidget(0, 4, parent)
{
    setObjectName(QStringLiteral("amendmentHistory"));
    setHorizontalHeaderLabels({ tr("When"), tr("Who"), tr("Changed"), tr("Reason") });
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(true);
}

void AmendmentHistory::setAmendments(const QList<CaseAmendment> &amendments)
{
    setRowCount(0);
    const QLocale locale;
    for (const CaseAmendment &a : amendments) {
        const int row = rowCount();
        insertRow(row);
        const CaseOutcome before = outcomeOf(a.beforeJson);
        const CaseOutcome after = outcomeOf(a.afterJson);
        QStringList changes;
        for (const QString &label : OutcomeFields::changedFields(before, after))
            changes.append(label);
        // Each changed field with its value before and after.
        QStringList details;
        for (const OutcomeField &field : OutcomeFields::of(after))
            if (OutcomeFields::value(before, field.key) != OutcomeFields::value(after, field.key))
                details.append(tr("%1: %2 → %3")
                                   .arg(field.label, OutcomeFields::displayValue(before, field.key),
                                       OutcomeFields::displayValue(after, field.key)));
        const QDateTime when
            = a.meta.createdAt.isValid() ? a.meta.createdAt.toLocalTime() : a.amendedOn.startOfDay();
        setItem(row, 0, new QTableWidgetItem(locale.toString(when, QLocale::ShortFormat)));
        setItem(row, 1, new QTableWidgetItem(a.meta.author));
        setItem(row, 2,
            new QTableWidgetItem(
                details.isEmpty() ? changes.join(QStringLiteral(", ")) : details.join(QLatin1Char('\n'))));
        setItem(row, 3, new QTableWidgetItem(a.reason));
    }
    resizeColumnsToContents();
    resizeRowsToContents();
}
