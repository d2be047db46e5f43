#pragma once

#include "storage/clinicdirectory.h"

#include <QDate>
#include <QGroupBox>

class QLabel;
class ReferralFiguresTable;
class ReferralRepository;

// The high-risk dashboard's referral section: this month's referrals and consultations by
// pair of clinics — sent, accepted, declined, answered (consultations within their target), the
// median hours at each stage — and the way to the whole table (View → Referral figures).
class ReferralDashboardPanel : public QGroupBox
{
    Q_OBJECT
public:
    ReferralDashboardPanel(const ReferralRepository &repository, ClinicDirectory directory, QWidget *parent = nullptr);

    void setToday(const QDate &today);
    ReferralFiguresTable *table() const { return m_table; }

public slots:
    void refresh();

signals:
    void allFiguresRequested();

private:
    const ReferralRepository &m_repository;
    ClinicDirectory m_directory;
    QDate m_today = QDate::currentDate();
    ReferralFiguresTable *m_table;
    QLabel *m_status;
};
