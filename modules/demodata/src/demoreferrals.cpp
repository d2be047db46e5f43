#include "demodata/demoreferrals.h"

#include "referrals/referralrepository.h"
#include "referrals/referralsummary.h"
#include "storage/clinicrecords.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

DemoReferrals::DemoReferrals(Database &database, const QDate &today, QString toClinic)
    : m_database(database)
    , m_today(today)
    , m_toClinic(std::move(toClinic))
{
}

Result<int> DemoReferrals::add(int count)
{
    // The pregnancy row carries her latest decided grade (schema 2).
    QSqlQuery women(m_database.connection());
    women.prepare(QStringLiteral(
        "SELECT p.id, n.risk_level FROM patient p JOIN pregnancy n ON n.patient_id = p.id "
        "WHERE p.deleted = 0 AND n.deleted = 0 AND n.status = 'booked' AND n.risk_level IN ('red', 'orange') "
        "ORDER BY n.risk_level = 'red' DESC, p.record_number LIMIT ?"));
    women.addBindValue(count);
    if (auto done = execute(women, "choose the demo referrals"); !done)
        return failure(done.error());
    QList<QPair<QUuid, QString>> chosen;
    while (women.next())
        chosen.append({ QUuid::fromString(women.value(0).toString()), women.value(1).toString() });
    ClinicRecords records(m_database);
    ReferralRepository referrals(m_database);
    int written = 0;
    for (const auto &[patientId, level] : chosen) {
        const auto chart = records.loadChart(patientId);
        if (!chart || !*chart || !(*chart)->pregnancy)
            continue;
        Referral r;
        r.pregnancyId = (*chart)->pregnancy->meta.id;
        r.targetClinic = m_toClinic;
        r.targetDepartment = tr("High-risk obstetrics");
        r.urgency = written == 0 ? ReferralUrgency::Emergency : written == 1 ? ReferralUrgency::Urgent : ReferralUrgency::Routine;
        r.riskColour = level;
        r.reason = level == QLatin1String("red") ? tr("Red grade: needs care at the regional center.")
                                                 : tr("Orange grade: assessment and delivery planning at the regional center.");
        r.summary = ReferralSummary::of(**chart, m_today);
        if (auto saved = referrals.saveDraft(r); !saved)
            return failure(saved.error());
        if (written % 4 != 3) {
            if (auto sent = referrals.take(r.meta.id, ReferralAction::Send); !sent)
                return failure(sent.error());
        }
        ++written;
    }
    return written;
}
