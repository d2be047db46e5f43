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

// Whether a pushed write would change a stored record beyond the bookkeeping every edit rewrites.
bool changesSomething(const QJsonObject &pushed, const QJsonObject &stored)
{
    for (auto it = pushed.constBegin(); it != pushed.constEnd(); ++it) {
        const QString &field = it.key();
        const bool bookkeeping = field == QLatin1String("updated_at") || field == QLatin1String("author")
            || field == QLatin1String("created_at") || field == QLatin1String("clinic_id");
        if (!bookkeeping && stored.value(field) != it.value())
            return true;
    }
    return false;
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

Result<std::optional<Error>> ReferralAccess::refusal(const CenterUser &user, const Write &write) const
{
    using Refusal = std::optional<Error>;
    const auto forbidden = [](const QString &message) { return Refusal(Error { QStringLiteral("sync.forbidden"), message }); };
    if (write.table == QLatin1String("referral_step")) {
        // A replay of a step stored already changes nothing; anything else would rewrite history.
        if (write.exists)
            return changesSomething(write.fields, write.storedFields)
                ? Refusal(Error { QStringLiteral("referral.append-only"), tr("A step of a referral is never changed once taken.") })
                : Refusal();
        const QString action = text(write.fields, "action");
        if (!isKnownStep(action))
            return Refusal(Error { QStringLiteral("referral.invalid"), tr("The referral step is not one the center knows.") });
        const QString stepClinic = text(write.fields, "clinic_id");
        const QString side = isSenderStep(action) ? write.referralClinic : text(write.referralFields, "target_clinic");
        if (stepClinic != user.clinicId || stepClinic != side)
            return forbidden(tr("This step of the referral belongs to the other clinic."));
        return Refusal();
    }
    const bool isReferral = write.table == QLatin1String("referral");
    const QString owner = isReferral ? (write.exists ? write.storedClinic : text(write.fields, "clinic_id")) : write.referralClinic;
    if (owner != user.clinicId)
        return forbidden(tr("Only the referring clinic writes its referral."));
    if (write.exists && !changesSomething(write.fields, write.storedFields))
        return Refusal(); // a replay
    auto access = accessOf(write.referralId);
    if (!access)
        return tl::unexpected(access.error());
    if (access->known)
        return Refusal(Error { QStringLiteral("referral.sent"), tr("This referral has been sent and can no longer be changed.") });
    if (!isReferral || (write.exists && !write.fields.contains(QStringLiteral("target_clinic"))))
        return Refusal();
    const QString target = text(write.fields, "target_clinic");
    if (target == owner)
        return Refusal(Error { QStringLiteral("referral.same-clinic"), tr("A referral goes to another clinic than the one sending it.") });
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM clinic WHERE id = ?"));
    query.addBindValue(target);
    if (auto done = execute(query, "check a referral's clinic"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return Refusal(Error { QStringLiteral("referral.unknown-clinic"), tr("The clinic this referral goes to is not one of the region's.") });
    return Refusal();
}

Result<std::optional<QString>> ReferralAccess::stepStored(const QString &referralId, const QJsonObject &step,
    const QJsonObject &referral, const QString &patientKey, const QString &by)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString action = text(step, "action");
    const QString target = text(referral, "target_clinic");
    if (action == QLatin1String("close") || action == QLatin1String("cancel")) {
        if (auto closed = close(referralId, patientKey, target, now); !closed)
            return tl::unexpected(closed.error());
        return std::optional<QString>();
    }
    if (action != QLatin1String("send"))
        return std::optional<QString>();
    auto couldRead = canRead(patientKey, target, now);
    if (!couldRead)
        return tl::unexpected(couldRead.error());
    auto opened = open(referralId, patientKey, target, by, now);
    if (!opened)
        return tl::unexpected(opened.error());
    return *opened && !*couldRead ? std::optional<QString>(target) : std::optional<QString>();
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

Result<ReferralAccess::AccessState> ReferralAccess::accessOf(const QString &referralId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT closed_at FROM referral_access WHERE referral_id = ?"));
    query.addBindValue(referralId);
    if (auto done = execute(query, "read referral access"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return AccessState {};
    return AccessState { true, !query.value(0).isNull() };
}

Result<bool> ReferralAccess::open(
    const QString &referralId, const QString &patientKey, const QString &clinicId, const QString &by, qint64 now)
{
    // Sent once: a second send step, or one that arrives after the cancel it was overtaken by,
    // opens nothing.
    auto state = accessOf(referralId);
    if (!state)
        return tl::unexpected(state.error());
    if (state->known)
        return false;
    QSqlQuery access(m_db);
    access.prepare(QStringLiteral("INSERT INTO referral_access (referral_id, patient_key, clinic_id, opened_at) VALUES (?, ?, ?, ?)"));
    access.addBindValue(referralId);
    access.addBindValue(patientKey);
    access.addBindValue(clinicId);
    access.addBindValue(now);
    if (auto done = execute(access, "open referral access"); !done)
        return tl::unexpected(done.error());
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
        return tl::unexpected(done.error());
    logEvent(QStringLiteral("referral-access-opened"), { { QStringLiteral("user"), by }, { QStringLiteral("to"), clinicId } });
    return true;
}

Result<void> ReferralAccess::close(const QString &referralId, const QString &patientKey, const QString &clinicId, qint64 now)
{
    auto state = accessOf(referralId);
    if (!state)
        return tl::unexpected(state.error());
    if (state->closed)
        return {};
    if (!state->known) {
        // Cancelled before its send reached the center (or never sent): kept as closed, so that a
        // send arriving later opens nothing.
        QSqlQuery closed(m_db);
        closed.prepare(QStringLiteral(
            "INSERT INTO referral_access (referral_id, patient_key, clinic_id, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)"));
        closed.addBindValue(referralId);
        closed.addBindValue(patientKey);
        closed.addBindValue(clinicId);
        closed.addBindValue(now);
        closed.addBindValue(now);
        return execute(closed, "close referral access");
    }
    QSqlQuery access(m_db);
    access.prepare(QStringLiteral("UPDATE referral_access SET closed_at = ? WHERE referral_id = ?"));
    access.addBindValue(now);
    access.addBindValue(referralId);
    if (auto done = execute(access, "close referral access"); !done)
        return done;
    // The access ends once no referral that gives it is open any more.
    QSqlQuery grant(m_db);
    grant.prepare(QStringLiteral(
        "UPDATE shared_patient SET until_at = ? WHERE by_referral = 1 AND patient_key = ? AND clinic_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM referral_access o WHERE o.patient_key = shared_patient.patient_key "
        "AND o.clinic_id = shared_patient.clinic_id AND o.closed_at IS NULL)"));
    grant.addBindValue(now + m_secondsAfterClosure);
    grant.addBindValue(patientKey);
    grant.addBindValue(clinicId);
    if (auto done = execute(grant, "close referral access"); !done)
        return done;
    if (grant.numRowsAffected() > 0)
        logEvent(QStringLiteral("referral-access-ends"),
            { { QStringLiteral("referral"), referralId }, { QStringLiteral("at"), double(now + m_secondsAfterClosure) } });
    return {};
}
