#pragma once

#include "referrals/referralindicators.h"
#include "storage/clinicdirectory.h"

#include <QTableWidget>

// The referral figures as a table, one row per month, pair of clinics and kind (referral or
// consultation): sent, accepted, declined, cancelled, answered, answered within the response
// target (consultations), and the median hours to receipt, acceptance and the return slip.
class ReferralFiguresTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit ReferralFiguresTable(QWidget *parent = nullptr);

    void showFigures(const QList<ReferralFigures> &figures, const ClinicNames &names);
};
