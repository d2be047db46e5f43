#include "workstation-ui/visithistorymodel.h"

#include "handouts/visitformat.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

VisitHistoryModel::VisitHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void VisitHistoryModel::setVisits(const QList<AntenatalVisit> &visits)
{
    beginResetModel();
    m_visits = visits;
    std::reverse(m_visits.begin(), m_visits.end());
    endResetModel();
}

int VisitHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visits.size());
}

int VisitHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VisitHistoryModel::presentationText(FetalPresentation presentation)
{
    // Worded as on her printed antenatal record; blank here when not assessed.
    return presentation == FetalPresentation::Unknown ? QString() : VisitFormat::presentation(presentation);
}

QString VisitHistoryModel::oedemaText(::Oedema oedema)
{
    static const char *const signs[] = {"−", "+", "++", "+++", "++++"};
    return QString::fromUtf8(signs[static_cast<int>(oedema)]);
}

QString VisitHistoryModel::urineProteinText(::UrineProtein protein)
{
    switch (protein) {
    case ::UrineProtein::NotTested:
        return {};
    case ::UrineProtein::Negative:
        return QStringLiteral("−");
    case ::UrineProtein::Trace:
        return QStringLiteral("±");
    default:
        return QStringLiteral("%1+").arg(static_cast<int>(protein) - static_cast<int>(::UrineProtein::Trace));
    }
}

QVariant VisitHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visits.size())
        return {};
    const AntenatalVisit &v = m_visits[index.row()];
    const QLocale locale;
    auto number = [&](const auto &value) { return value ? QVariant(locale.toString(*value)) : QVariant(); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Date:
            return locale.toString(v.visitDate, QLocale::ShortFormat);
        case GestationalAge:
            return v.gestationalAge.toString();
        case BloodPressure:
            return v.systolicMmHg && v.diastolicMmHg ? QVariant(QStringLiteral("%1/%2").arg(*v.systolicMmHg).arg(*v.diastolicMmHg))
                                                     : QVariant();
        case Pulse:
            return number(v.pulseBpm);
        case Weight:
            return number(v.weightKg);
        case FundalHeight:
            return number(v.fundalHeightCm);
        case Girth:
            return number(v.abdominalGirthCm);
        case FetalHeart:
            return number(v.fetalHeartRateBpm);
        case Presentation:
            return presentationText(v.presentation);
        case Oedema:
            return oedemaText(v.oedema);
        case UrineProtein:
            return urineProteinText(v.urineProtein);
        case Notes:
            return v.notes;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole || role == Qt::FontRole) {
        bool abnormal = false;
        if (index.column() == BloodPressure)
            abnormal = v.systolicMmHg.value_or(0) >= 140 || v.diastolicMmHg.value_or(0) >= 90;
        else if (index.column() == FetalHeart)
            abnormal = v.fetalHeartRateBpm && (*v.fetalHeartRateBpm < 110 || *v.fetalHeartRateBpm > 160);
        else if (index.column() == UrineProtein)
            abnormal = v.urineProtein >= ::UrineProtein::Plus1;
        if (!abnormal)
            return {};
        if (role == Qt::ForegroundRole)
            return QColor(0xc6, 0x28, 0x28);
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant VisitHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Date:
        return tr("Date");
    case GestationalAge:
        return tr("GA");
    case BloodPressure:
        return tr("BP (mmHg)");
    case Pulse:
        return tr("Pulse");
    case Weight:
        return tr("Weight (kg)");
    case FundalHeight:
        return tr("Fundal height (cm)");
    case Girth:
        return tr("Girth (cm)");
    case FetalHeart:
        return tr("FHR (bpm)");
    case Presentation:
        return tr("Presentation");
    case Oedema:
        return tr("Oedema");
    case UrineProtein:
        return tr("Urine protein");
    case Notes:
        return tr("Notes");
    default:
        return {};
    }
}
