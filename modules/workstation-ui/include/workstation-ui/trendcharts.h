#pragma once

#include "storage/clinicrecords.h"

#include <QWidget>

class QChart;
class QChartView;

// Trends along gestational age: blood pressure with the 140/90 lines, weight gain against the
// band recommended for her pre-pregnancy BMI (WS/T 801-2022), and fundal height against the
// expected range (weeks ± 2 cm from 20 to 36 weeks).
class TrendCharts : public QWidget
{
    Q_OBJECT
public:
    explicit TrendCharts(QWidget *parent = nullptr);
    void showChart(const PatientChart &chart);

    QChart *bloodPressureChart() const;
    QChart *weightGainChart() const;
    QChart *fundalHeightChart() const;

private:
    QChartView *m_bloodPressure;
    QChartView *m_weightGain;
    QChartView *m_fundalHeight;
};
