#include "summarycolumns.h"

#include "domain/pregnancydating.h"
#include "domain/visitschedule.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

#include <algorithm>

QString SummaryColumns::reversedDigits(const QString &phone)
{
    QString digits;
    for (const QChar c : phone)
        if (c.isDigit())
            digits.append(c);
    std::reverse(digits.begin(), digits.end());
    return digits;
}

Result<void> SummaryColumns::setCurrentPregnancy(const QSqlDatabase &db, const QUuid &patientId,
                                                 const QUuid &pregnancyId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE patient SET current_pregnancy_id = ? WHERE id = ?"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    query.addBindValue(patientId.toString(QUuid::WithoutBraces));
    return execute(query, "set current pregnancy");
}

Result<void> SummaryColumns::refreshNextVisit(const QSqlDatabase &db, const QUuid &pregnancyId)
{
    return refreshNextVisit(db, pregnancyId.toString(QUuid::WithoutBraces));
}

Result<void> SummaryColumns::refreshNextVisit(const QSqlDatabase &db, const QString &pregnancyId)
{
    // Only booked pregnancies have a next visit; the EDD column is kept by the repository.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT p.edd, p.status, (SELECT MAX(visit_date) FROM antenatal_visit v "
                                 "WHERE v.pregnancy_id = p.id AND v.deleted = 0) FROM pregnancy p WHERE p.id = ?"));
    query.addBindValue(pregnancyId);
    if (auto done = execute(query, "read next visit"); !done)
        return done;
    if (!query.next())
        return {};
    const QDate edd = dateFromSql(query.value(0));
    const bool booked = query.value(1).toString() == QLatin1String("booked");
    const QDate next = booked ? VisitSchedule::nextDue(edd, dateFromSql(query.value(2)), QDate()) : QDate();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE pregnancy SET next_visit_due = ? WHERE id = ?"));
    update.addBindValue(sqlDate(next));
    update.addBindValue(pregnancyId);
    return execute(update, "store next visit");
}

Result<void> SummaryColumns::backfillAll(const QSqlDatabase &db)
{
    QSqlQuery pregnancies(db);
    if (!pregnancies.exec(QStringLiteral("SELECT id, lmp, ultrasound_scan_date, ultrasound_ga_days FROM pregnancy")))
        return tl::unexpected(SqlError::from(pregnancies, "read pregnancies for back-fill"));
    QSqlQuery setEdd(db);
    setEdd.prepare(QStringLiteral("UPDATE pregnancy SET edd = ? WHERE id = ?"));
    QStringList ids; // as stored: records from other systems need not have UUID ids
    while (pregnancies.next()) {
        std::optional<UltrasoundDating> scan;
        if (!pregnancies.value(2).isNull())
            scan = UltrasoundDating{dateFromSql(pregnancies.value(2)), GestationalAge(pregnancies.value(3).toInt())};
        const auto dating = datePregnancy(dateFromSql(pregnancies.value(1)), scan);
        setEdd.addBindValue(dating ? sqlDate(dating->edd) : QVariant());
        setEdd.addBindValue(pregnancies.value(0));
        if (auto done = execute(setEdd, "back-fill EDD"); !done)
            return done;
        ids.append(pregnancies.value(0).toString());
    }
    for (const QString &id : ids)
        if (auto done = refreshNextVisit(db, id); !done)
            return done;

    QSqlQuery patients(db);
    if (!patients.exec(QStringLiteral("SELECT id, phone FROM patient")))
        return tl::unexpected(SqlError::from(patients, "read patients for back-fill"));
    QSqlQuery setPhone(db);
    setPhone.prepare(QStringLiteral("UPDATE patient SET phone_reversed = ? WHERE id = ?"));
    while (patients.next()) {
        setPhone.addBindValue(reversedDigits(patients.value(1).toString()));
        setPhone.addBindValue(patients.value(0));
        if (auto done = execute(setPhone, "back-fill phone"); !done)
            return done;
    }
    return executeStatement(db,
                            QStringLiteral("UPDATE patient SET current_pregnancy_id = (SELECT id FROM pregnancy "
                                           "WHERE pregnancy.patient_id = patient.id AND deleted = 0 "
                                           "ORDER BY booking_date DESC, created_at DESC LIMIT 1)"),
                            "back-fill current pregnancy");
}
