#pragma once

#include "referrals/referralstep.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

// What a step must carry, asked for before it is taken: the reason to decline or cancel, or the
// return slip (回执: her diagnosis, what was done, the plan, advice for her clinic).
class ReferralStepDialog : public QDialog
{
    Q_OBJECT
public:
    // A consultation's answer asks for the opinion and what is recommended only.
    ReferralStepDialog(ReferralAction action, const QString &woman, ReferralPurpose purpose = ReferralPurpose::Referral,
        QWidget *parent = nullptr);

    QString reason() const;
    ReferralOutcome outcome() const;
    // Shows why the step was refused; the dialog stays open with what was typed.
    void showProblem(const QString &message);

private:
    QPlainTextEdit *m_reason = nullptr;
    QLineEdit *m_diagnosis = nullptr;
    QPlainTextEdit *m_treatment = nullptr;
    QPlainTextEdit *m_plan = nullptr;
    QPlainTextEdit *m_advice = nullptr;
    QLabel *m_error;
};
