#pragma once

#include "domain/antenatalvisit.h"

#include <QAbstractTableModel>

// The visit history table, newest first, with values outside their usual ranges highlighted
// (BP ≥140/90, fetal heart rate outside 110–160, urine protein ≥1+).
class VisitHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Date, GestationalAge, BloodPressure, Pulse, Weight, FundalHeight, Girth, FetalHeart,
                  Presentation, Oedema, UrineProtein, Notes, ColumnCount };

    explicit VisitHistoryModel(QObject *parent = nullptr);
    void setVisits(const QList<AntenatalVisit> &visits);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString presentationText(FetalPresentation presentation);
    static QString oedemaText(::Oedema oedema);
    static QString urineProteinText(::UrineProtein protein);

private:
    QList<AntenatalVisit> m_visits; // newest first
};
