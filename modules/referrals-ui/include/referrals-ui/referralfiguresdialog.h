#pragma once

#include "referrals/referralrepository.h"
#include "storage/clinicdirectory.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class ReferralFiguresTable;

// View → Referral figures: per month and pair of clinics, how many referrals went, were accepted,
// declined, cancelled and answered (consultations: within their target), and the median hours to
// receipt, acceptance and the return slip, over a chosen period (the last twelve months to
// begin with).
class ReferralFiguresDialog : public QDialog
{
    Q_OBJECT
public:
    ReferralFiguresDialog(const ReferralRepository &repository, ClinicDirectory directory, const QDate &today,
        QWidget *parent = nullptr);

    ReferralFiguresTable *table() const { return m_table; }

private:
    void refresh();

    const ReferralRepository &m_repository;
    ClinicDirectory m_directory;
    QDateEdit *m_from;
    QDateEdit *m_to;
    ReferralFiguresTable *m_table;
    QLabel *m_problem;
};
