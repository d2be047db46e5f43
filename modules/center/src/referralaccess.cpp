#include "referralaccess.h"

#include "centerlog.h"
#include "storage/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

namespace {
// The steps of the sending clinic; every other step is the receiving clinic's
// (ReferralSteps::sideOf in the referrals module, which the center does not link).
bool isSenderStep(const QString &action)
{
    return action == QLatin1String("send") || action == QLatin1String("close") || action == QLatin1String("cancel");
}

bool isKnownStep(const QString &action)
{
    static const QStringList actions { QStringLiteral("send"), QStringLiteral("receive"), QStringLiteral("accept"),
        QStringLiteral("decline"), QStringLiteral("arrive"), QStringLiteral("return-outcome"), QStringLiteral("close"),
        QStringLiteral("cancel") };
    return actions.contains(action);
}

QString text(const QJsonObject &fields, const char *name)
{
    return fields.value(QLatin1String(name)).toString();
}
} // namespace

ReferralAccess::ReferralAccess(QSqlDatabase db, qint64 secondsAfterClosure)
    : m_db(std::move(db))
    , m_secondsAfterClosure(secondsAfterClosure)
{
}

QString ReferralAccess::inForce(const QString &alias, const QString &nowPlaceholder)
{
    return QStringLiteral("(%1.until_at IS NULL OR %1.until_at > %2)").arg(alias, nowPlaceholder);
}

Result<std::optional<Error>> ReferralAccess::refusal(const CenterUser &user, const QString &table,
    const QJsonObject &fields, const QString &referralClinic, const QJsonObject &referral) const
{
    using Refusal = std::optional<Error>;
    if (table == QLatin1String("referral")) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT 1 FROM clinic WHERE id = ?"));
        query.addBindValue(text(fields, "target_clinic"));
        if (auto done = execute(query, "check a referral's clinic"); !done)
            return tl::unexpected(done.error());
        if (!query.next())
            return Refusal(Error { QStringLiteral("referral.unknown-clinic"),
                tr("The clinic this referral goes to is not one of the region's.") });
        return Refusal();
    }
    const QString action = text(fields, "action");
    if (!isKnownStep(action))
        return Refusal(Error { QStringLiteral("referral.invalid"), tr("The referral step is not one the center knows.") });
    const QString stepClinic = text(fields, "clinic_id");
    const QString side = isSenderStep(action) ? referralClinic : text(referral, "target_clinic");
    if (stepClinic != user.clinicId || stepClinic != side)
        return Refusal(Error { QStringLiteral("sync.forbidden"),
            tr("This step of the referral belongs to the other clinic.") });
    return Refusal();
}

Result<std::optional<QString>> ReferralAccess::stepStored(const QString &referralId, const QJsonObject &step,
    const QJsonObject &referral, const QString &patientKey, const QString &by)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString action = text(step, "action");
    if (action == QLatin1String("close") || action == QLatin1String("cancel")) {
        if (auto closed = close(referralId, now); !closed)
            return tl::unexpected(closed.error());
        return std::optional<QString>();
    }
    if (action != QLatin1String("send"))
        return std::optional<QString>();
    const QString target = text(referral, "target_clinic");
    auto couldRead = canRead(patientKey, target, now);
    if (!couldRead)
        return tl::unexpected(couldRead.error());
    if (auto opened = open(referralId, patientKey, target, by, now); !opened)
        return tl::unexpected(opened.error());
    return *couldRead ? std::optional<QString>() : std::optional<QString>(target);
}

Result<bool> ReferralAccess::canRead(const QString &patientKey, const QString &clinicId, qint64 now) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM shared_patient s WHERE s.patient_key = ? AND s.clinic_id = ? AND ")
        + inForce(QStringLiteral("s"), QStringLiteral("?")));
    query.addBindValue(patientKey);
    query.addBindValue(clinicId);
    query.addBindValue(now);
    if (auto done = execute(query, "check access"); !done)
        return tl::unexpected(done.error());
    return query.next();
}

Result<void> ReferralAccess::open(
    const QString &referralId, const QString &patientKey, const QString &clinicId, const QString &by, qint64 now)
{
    QSqlQuery access(m_db);
    access.prepare(QStringLiteral("INSERT INTO referral_access (referral_id, patient_key, clinic_id, opened_at) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (referral_id) DO NOTHING"));
    access.addBindValue(referralId);
    access.addBindValue(patientKey);
    access.addBindValue(clinicId);
    access.addBindValue(now);
    if (auto done = execute(access, "open referral access"); !done)
        return done;
    // A grant of a referral that ended is in force again; a grant on other grounds stays as it is.
    QSqlQuery grant(m_db);
    grant.prepare(QStringLiteral(
        "INSERT INTO shared_patient (patient_key, clinic_id, shared_by, shared_at, by_referral) VALUES (?, ?, ?, ?, 1) "
        "ON CONFLICT (patient_key, clinic_id) DO UPDATE SET until_at = NULL WHERE shared_patient.by_referral = 1"));
    grant.addBindValue(patientKey);
    grant.addBindValue(clinicId);
    grant.addBindValue(by);
    grant.addBindValue(now);
    if (auto done = execute(grant, "open referral access"); !done)
        return done;
    logEvent(QStringLiteral("referral-access-opened"), { { QStringLiteral("user"), by }, { QStringLiteral("to"), clinicId } });
    return {};
}

Result<void> ReferralAccess::close(const QString &referralId, qint64 now)
{
    QSqlQuery access(m_db);
    access.prepare(QStringLiteral("UPDATE referral_access SET closed_at = ? WHERE referral_id = ? AND closed_at IS NULL"));
    access.addBindValue(now);
    access.addBindValue(referralId);
    if (auto done = execute(access, "close referral access"); !done)
        return done;
    if (access.numRowsAffected() == 0)
        return {}; // never opened (cancelled as a draft), or closed already
    // The access ends once no referral that gives it is open any more.
    QSqlQuery grant(m_db);
    grant.prepare(QStringLiteral(
        "UPDATE shared_patient SET until_at = ? WHERE by_referral = 1 AND EXISTS (SELECT 1 FROM referral_access a "
        "WHERE a.referral_id = ? AND a.patient_key = shared_patient.patient_key AND a.clinic_id = shared_patient.clinic_id) "
        "AND NOT EXISTS (SELECT 1 FROM referral_access o WHERE o.patient_key = shared_patient.patient_key "
        "AND o.clinic_id = shared_patient.clinic_id AND o.closed_at IS NULL)"));
    grant.addBindValue(now + m_secondsAfterClosure);
    grant.addBindValue(referralId);
    if (auto done = execute(grant, "close referral access"); !done)
        return done;
    if (grant.numRowsAffected() > 0)
        logEvent(QStringLiteral("referral-access-ends"),
            { { QStringLiteral("referral"), referralId }, { QStringLiteral("at"), double(now + m_secondsAfterClosure) } });
    return {};
}
