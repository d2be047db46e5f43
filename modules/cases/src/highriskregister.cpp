#include "cases/highriskregister.h"

#include "cases/reportingclock.h"
#include "domain/gestationalage.h"
#include "domain/patient.h"
#include "storage/database.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

QByteArray HighRiskRegister::csvField(const QString &value)
{
    QString text = value;
    // Spreadsheets treat a leading = + - @ as a formula: keep what was typed as text.
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text.toUtf8();
}

Result<QByteArray> HighRiskRegister::monthlyCsv(const Database &database, int year, int month)
{
    const QDate first(year, month, 1);
    if (!first.isValid())
        return failure(QStringLiteral("cases.register-month"), tr("%1-%2 is not a month.").arg(year).arg(month));
    const QDate last = first.addMonths(1).addDays(-1);
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT pa.record_number, pa.name, pa.national_id, pa.phone, pa.birth_date, pr.edd, cf.level, cf.purple, "
        "cf.opened_on, cf.report_due_on, cf.reported_on, cf.responsible_doctor, cf.responsible_nurse, cf.closed_on, "
        "cf.outcome_kind FROM case_file cf JOIN pregnancy pr ON pr.id = cf.pregnancy_id "
        "JOIN patient pa ON pa.id = pr.patient_id WHERE cf.deleted = 0 AND cf.opened_on <= ? "
        "AND (cf.closed_on IS NULL OR cf.closed_on >= ?) ORDER BY cf.opened_on, pa.record_number"));
    query.addBindValue(sqlDate(last));
    query.addBindValue(sqlDate(first));
    if (auto done = execute(query, "high-risk register"); !done)
        return tl::unexpected(done.error());

    const QStringList header{tr("Record no."), tr("Name"), tr("National ID"), tr("Phone"), tr("Age"),
                             tr("GA at month end"), tr("EDD"), tr("Risk color"), tr("Infectious (purple)"),
                             tr("Case opened"), tr("Report due"), tr("Reported on"), tr("Report status"),
                             tr("Responsible doctor"), tr("Responsible nurse"), tr("Closed on"), tr("Outcome")};
    QByteArray csv("\xEF\xBB\xBF"); // BOM: Excel and WPS then read UTF-8 Chinese correctly
    auto appendRow = [&csv](const QStringList &fields) {
        QList<QByteArray> cells;
        for (const QString &f : fields)
            cells.append(csvField(f));
        csv += cells.join(',') + "\r\n";
    };
    appendRow(header);
    while (query.next()) {
        Patient patient;
        patient.birthDate = dateFromSql(query.value(4));
        const QDate edd = dateFromSql(query.value(5));
        const QDate reportDue = dateFromSql(query.value(9));
        const QDate reported = dateFromSql(query.value(10));
        const QDate closed = dateFromSql(query.value(13));
        appendRow({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                   patient.birthDate.isValid() ? QString::number(patient.ageInYearsOn(last)) : QString(),
                   edd.isValid() && (!closed.isValid() || closed > last) ? GestationalAge::onDate(edd, last).toString() : QString(),
                   edd.toString(Qt::ISODate), query.value(6).toString(), query.value(7).toInt() ? tr("yes") : tr("no"),
                   dateFromSql(query.value(8)).toString(Qt::ISODate), reportDue.toString(Qt::ISODate),
                   reported.toString(Qt::ISODate), ReportingClock::statusKey(ReportingClock::status(reportDue, reported, last)),
                   query.value(11).toString(), query.value(12).toString(), closed.toString(Qt::ISODate),
                   query.value(14).toString()});
    }
    return csv;
}
