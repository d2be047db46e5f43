#pragma once

#include "domain/result.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDate>

// Referrals for the demo, so that the chart's Referrals tab, Worklists → Referrals and the
// banner have something to show: the women graded orange or red first (by record number) are
// referred up to the regional center — the first as an emergency, the next urgent, the rest
// routine — with her grade, risk items and summary as the form would prefill them; one in four
// is left a draft. Only the sender's steps: the center answers them from its own side.
class DemoReferrals
{
    Q_DECLARE_TR_FUNCTIONS(DemoReferrals)
public:
    DemoReferrals(Database &database, const QDate &today, QString toClinic = QStringLiteral("center"));

    Result<int> add(int count); // how many were written

private:
    Database &m_database;
    QDate m_today;
    QString m_toClinic;
};
