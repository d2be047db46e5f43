#include "workstation-ui/patientlistmodel.h"

#include "domain/gestationalage.h"
#include "domain/patient.h"
#include "workstation-ui/riskchip.h"

#include <QLocale>

PatientListModel::PatientListModel(const PatientSearch &search, QObject *parent)
    : QAbstractTableModel(parent), m_search(search), m_today(QDate::currentDate())
{
}

void PatientListModel::setToday(const QDate &today)
{
    m_today = today;
    refresh();
}

void PatientListModel::setSearchText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    refresh();
}

void PatientListModel::setRiskFilter(const QString &filter)
{
    if (filter == m_riskFilter)
        return;
    m_riskFilter = filter;
    refresh();
}

void PatientListModel::refresh()
{
    auto rows = m_search.find(m_text, m_sort, m_order, m_limit, m_riskFilter);
    auto total = m_search.countAll();
    beginResetModel();
    if (rows) {
        m_rows = *rows;
        m_error.clear();
    } else {
        m_rows.clear();
        m_error = rows.error().message;
    }
    m_total = total ? *total : 0;
    endResetModel();
    emit refreshed();
}

const PatientListRow *PatientListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int PatientListModel::rowOfPatient(const QUuid &patientId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].patientId == patientId)
            return i;
    return -1;
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PatientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    const PatientListRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == PatientIdRole)
        return row->patientId;
    if (role == RiskLevelRole)
        return row->riskLevel;
    if (role == RiskPurpleRole)
        return row->riskPurple;
    const QLocale locale;
    const bool pregnant = row->edd.isValid() && row->status == QLatin1String("booked");
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Risk:
            // Text for sorting, tooltips and screen readers; RiskChipDelegate paints the chip.
            return RiskAppearance::label(row->riskLevel)
                   + (row->riskPurple ? QStringLiteral(" + ") + RiskAppearance::purpleLabel() : QString());
        case Name:
            return row->name;
        case Age: {
            Patient patient;
            patient.birthDate = row->birthDate;
            const int age = patient.ageInYearsOn(m_today);
            return age >= 0 ? QVariant(age) : QVariant();
        }
        case RecordNumber:
            return row->recordNumber;
        case GestationalAgeToday:
            if (!pregnant)
                return row->status == QLatin1String("booked") || row->status.isEmpty() ? QString()
                                                                                       : tr("ended");
            return GestationalAge::onDate(row->edd, m_today).toString();
        case Edd:
            return row->edd.isValid() ? locale.toString(row->edd, QLocale::ShortFormat) : QString();
        case NextVisitDue:
            return pregnant && row->nextVisitDue.isValid() ? locale.toString(row->nextVisitDue, QLocale::ShortFormat)
                                                           : QString();
        case Phone:
            return row->phone;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == NextVisitDue && pregnant && row->nextVisitDue.isValid()
        && row->nextVisitDue < m_today)
        return QColor(0xc6, 0x28, 0x28); // overdue
    return {};
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Risk:
        return tr("Risk");
    case Name:
        return tr("Name");
    case Age:
        return tr("Age");
    case RecordNumber:
        return tr("Record no.");
    case GestationalAgeToday:
        return tr("GA today");
    case Edd:
        return tr("EDD");
    case NextVisitDue:
        return tr("Next visit due");
    case Phone:
        return tr("Phone");
    default:
        return {};
    }
}

void PatientListModel::sort(int column, Qt::SortOrder order)
{
    static const PatientSort byColumn[ColumnCount] = {PatientSort::Risk, PatientSort::Name, PatientSort::Age,
                                                      PatientSort::RecordNumber, PatientSort::GestationalAge,
                                                      PatientSort::Edd, PatientSort::NextVisitDue, PatientSort::Name};
    if (column < 0 || column >= ColumnCount)
        return;
    m_sort = byColumn[column];
    m_order = order;
    refresh();
}
