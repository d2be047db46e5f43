#pragma once

#include "center/identitystore.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

// Access that follows a referral (docs/referrals.md): from the send step on, the clinic a woman
// is referred to may read her records and the items attached; once every referral that opened
// that access is closed or cancelled, it may go on reading for a set period, then no more.
// Whether a grant is in force is decided in SQL on every request (inForce), so that every
// center instance enforces it without state of its own. It also checks, before they are
// stored, that a referral names a clinic of the region and that each step is taken by the
// clinic on its side.
class ReferralAccess
{
    Q_DECLARE_TR_FUNCTIONS(ReferralAccess)
public:
    ReferralAccess(QSqlDatabase db, qint64 secondsAfterClosure);

    // The SQL condition that the shared_patient row `alias` grants access at the epoch seconds
    // bound to `nowPlaceholder` ("?" or ":now").
    static QString inForce(const QString &alias, const QString &nowPlaceholder);

    // A pushed write to one of the referral tables, with what the center holds already.
    struct Write
    {
        QString table; // referral, referral_step or referral_attachment
        QJsonObject fields; // as pushed
        bool exists = false; // the record is at the center already
        QString storedClinic; // its clinic then
        QJsonObject storedFields;
        QString referralId; // the referral it is or belongs to
        QString referralClinic; // the referring clinic, when the referral is known
        QJsonObject referralFields;
    };
    // Why `user` may not store it, or nothing when it may: only the referring clinic writes a
    // referral and its attachments, to a clinic of the region other than itself, and changes
    // neither once sent; a step is taken by the clinic on its side and never changed.
    Result<std::optional<Error>> refusal(const CenterUser &user, const Write &write) const;

    // After a step is stored: opens access on a send, sets its end on a close or cancel (a send
    // that arrives after the close or cancel it was overtaken by opens nothing). Returns
    // the clinic that can read her records from now on and could not before (their change
    // feed must bring them), if any.
    Result<std::optional<QString>> stepStored(const QString &referralId, const QJsonObject &step,
        const QJsonObject &referral, const QString &patientKey, const QString &by);

private:
    Result<bool> canRead(const QString &patientKey, const QString &clinicId, qint64 now) const;
    // Whether the referral's access was opened (and so is or was in force), and closed.
    struct AccessState
    {
        bool known = false;
        bool closed = false;
    };
    Result<AccessState> accessOf(const QString &referralId) const;
    Result<bool> open(const QString &referralId, const QString &patientKey, const QString &clinicId,
        const QString &by, qint64 now); // whether access was opened now
    Result<void> close(const QString &referralId, const QString &patientKey, const QString &clinicId, qint64 now);

    QSqlDatabase m_db;
    qint64 m_secondsAfterClosure;
};
