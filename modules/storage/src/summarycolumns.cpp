#include "summarycolumns.h"

#include "domain/pregnancydating.h"
#include "domain/visitschedule.h"
#include "pinyin/pinyinkeys.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

SummaryColumns::SummaryColumns(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString SummaryColumns::reversedDigits(const QString &phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (const QChar c : phone)
        if (c.isDigit())
            digits.append(c);
    std::reverse(digits.begin(), digits.end());
    return digits;
}

QDate SummaryColumns::nextVisitDue(const QDate &edd, bool booked, const QDate &lastVisitDate)
{
    // Only booked pregnancies have a next visit.
    return booked ? VisitSchedule::nextDue(edd, lastVisitDate, QDate()) : QDate();
}

Result<void> SummaryColumns::prepare(std::optional<QSqlQuery> &query, const QString &sql)
{
    if (query)
        return {};
    query.emplace(m_db);
    if (!query->prepare(sql)) {
        const Error error = SqlError::from(*query, "prepare summary columns");
        query.reset();
        return tl::unexpected(error);
    }
    return {};
}

Result<void> SummaryColumns::setCurrentPregnancy(const QUuid &patientId, const QUuid &pregnancyId)
{
    if (auto done
        = prepare(m_setCurrent, QStringLiteral("UPDATE patient SET current_pregnancy_id = ? WHERE id = ?"));
        !done)
        return done;
    m_setCurrent->bindValue(0, pregnancyId.toString(QUuid::WithoutBraces));
    m_setCurrent->bindValue(1, patientId.toString(QUuid::WithoutBraces));
    return execute(*m_setCurrent, "set current pregnancy");
}

Result<void> SummaryColumns::refreshNextVisit(const QUuid &pregnancyId)
{
    return refreshNextVisit(pregnancyId.toString(QUuid::WithoutBraces));
}

Result<void> SummaryColumns::refreshNextVisit(const QString &pregnancyId)
{
    // The EDD column is kept by the repository.
    if (auto done = prepare(m_readNext,
            QStringLiteral("SELECT p.edd, p.status, (SELECT MAX(visit_date) FROM antenatal_visit v "
                           "WHERE v.pregnancy_id = p.id AND v.deleted = 0) FROM pregnancy p WHERE p.id = ?"));
        !done)
        return done;
    m_readNext->bindValue(0, pregnancyId);
    if (auto done = execute(*m_readNext, "read next visit"); !done)
        return done;
    if (!m_readNext->next()) {
        m_readNext->finish();
        return {};
    }
    const QDate next = nextVisitDue(dateFromSql(m_readNext->value(0)),
        m_readNext->value(1).toString() == QLatin1String("booked"), dateFromSql(m_readNext->value(2)));
    m_readNext->finish();
    return storeNextVisit(pregnancyId, next);
}

Result<void> SummaryColumns::storeNextVisit(const QString &pregnancyId, const QDate &due)
{
    if (auto done
        = prepare(m_storeNext, QStringLiteral("UPDATE pregnancy SET next_visit_due = ? WHERE id = ?"));
        !done)
        return done;
    m_storeNext->bindValue(0, sqlDate(due));
    m_storeNext->bindValue(1, pregnancyId);
    return execute(*m_storeNext, "store next visit");
}

Result<void> SummaryColumns::backfillAll(const QSqlDatabase &db)
{
    QSqlQuery patients(db);
    if (!patients.exec(QStringLiteral("SELECT id FROM patient")))
        return tl::unexpected(SqlError::from(patients, "read patients for back-fill"));
    QStringList ids; // as stored: records from other systems need not have UUID ids
    while (patients.next())
        ids.append(patients.value(0).toString());
    return rebuildListColumns(db, ids);
}

Result<void> SummaryColumns::backfillPinyin(const QSqlDatabase &db)
{
    return rebuildPinyin(db, QString(), {});
}

Result<void> SummaryColumns::rebuildFor(const QSqlDatabase &db, const QStringList &patientIds)
{
    if (auto done = rebuildListColumns(db, patientIds); !done)
        return done;
    if (patientIds.isEmpty())
        return {};
    return rebuildPinyin(db, QStringLiteral(" WHERE id IN (SELECT value FROM json_each(?))"),
        { QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(patientIds)).toJson(QJsonDocument::Compact)) });
}

Result<void> SummaryColumns::rebuildPinyin(const QSqlDatabase &db, const QString &where, const QVariantList &values)
{
    QSqlQuery names(db);
    names.setForwardOnly(true);
    QSqlQuery setKeys(db);
    if (!names.prepare(QStringLiteral("SELECT rowid, name FROM patient") + where))
        return tl::unexpected(SqlError::from(names, "prepare pinyin keys"));
    if (!setKeys.prepare(QStringLiteral("UPDATE patient SET pinyin_initials = ?, pinyin_full = ? WHERE rowid = ?")))
        return tl::unexpected(SqlError::from(setKeys, "prepare pinyin keys"));
    for (qsizetype i = 0; i < values.size(); ++i)
        names.bindValue(static_cast<int>(i), values[i]);
    if (auto done = execute(names, "read names for pinyin keys"); !done)
        return done;
    QList<std::pair<qint64, PinyinKeys>> keys;
    while (names.next())
        keys.append({ names.value(0).toLongLong(), PinyinKeys::ofName(names.value(1).toString()) });
    for (const auto &[rowid, key] : std::as_const(keys)) {
        setKeys.bindValue(0, key.initials);
        setKeys.bindValue(1, key.full);
        setKeys.bindValue(2, rowid);
        if (auto done = execute(setKeys, "store pinyin keys"); !done)
            return done;
    }
    return {};
}

Result<void> SummaryColumns::rebuildListColumns(const QSqlDatabase &db, const QStringList &patientIds)
{
    QSqlQuery pregnancies(db);
    QSqlQuery setEdd(db);
    QSqlQuery setPatient(db);
    if (!pregnancies.prepare(QStringLiteral("SELECT id, lmp, ultrasound_scan_date, ultrasound_ga_days FROM pregnancy WHERE patient_id = ?"))
        || !setEdd.prepare(QStringLiteral("UPDATE pregnancy SET edd = ? WHERE id = ?"))
        || !setPatient.prepare(QStringLiteral(
            "UPDATE patient SET phone_reversed = ?, current_pregnancy_id = (SELECT id FROM pregnancy "
            "WHERE pregnancy.patient_id = patient.id AND deleted = 0 ORDER BY booking_date DESC, created_at DESC LIMIT 1) "
            "WHERE id = ?")))
        return tl::unexpected(SqlError::from(setPatient, "prepare back-fill"));
    SummaryColumns summary(db);
    QSqlQuery phone(db);
    if (!phone.prepare(QStringLiteral("SELECT phone FROM patient WHERE id = ?")))
        return tl::unexpected(SqlError::from(phone, "prepare back-fill"));
    for (const QString &patientId : patientIds) {
        pregnancies.bindValue(0, patientId);
        if (auto done = execute(pregnancies, "read pregnancies for back-fill"); !done)
            return done;
        QStringList pregnancyIds;
        while (pregnancies.next()) {
            std::optional<UltrasoundDating> scan;
            if (!pregnancies.value(2).isNull())
                scan = UltrasoundDating { dateFromSql(pregnancies.value(2)), GestationalAge(pregnancies.value(3).toInt()) };
            const auto dating = datePregnancy(dateFromSql(pregnancies.value(1)), scan);
            setEdd.bindValue(0, dating ? sqlDate(dating->edd) : QVariant());
            setEdd.bindValue(1, pregnancies.value(0));
            if (auto done = execute(setEdd, "back-fill EDD"); !done)
                return done;
            pregnancyIds.append(pregnancies.value(0).toString());
        }
        for (const QString &id : pregnancyIds)
            if (auto done = summary.refreshNextVisit(id); !done)
                return done;
        phone.bindValue(0, patientId);
        if (auto done = execute(phone, "read phone for back-fill"); !done)
            return done;
        setPatient.bindValue(0, phone.next() ? reversedDigits(phone.value(0).toString()) : QString());
        setPatient.bindValue(1, patientId);
        if (auto done = execute(setPatient, "back-fill patient list columns"); !done)
            return done;
    }
    return {};
}
