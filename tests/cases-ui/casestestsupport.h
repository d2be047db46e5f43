#pragma once

// What the case management GUI tests share: women registered in a clinic database and a
// closure complete enough to be saved.
#include "cases/caseoutcome.h"
#include "guitesting.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QApplication>
#include <QDir>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace CasesTest {

inline const QDate Today(2026, 11, 20);

// A well delivery at term, complete enough to close a case.
inline CaseOutcome wellDelivery(const QString &place, int bloodLossMl)
{
    CaseOutcome o;
    o.kind = CaseOutcome::Kind::Delivery;
    o.date = Today.addDays(-40);
    o.gestationalAge = GestationalAge::fromWeeksAndDays(38, 2);
    o.mode = QStringLiteral("caesarean");
    o.place = place;
    o.placeLevel = QStringLiteral("tertiary");
    o.maternalOutcome = QStringLiteral("well");
    o.bloodLossMl = bloodLossMl;
    o.newborns = { Newborn { QStringLiteral("female"), 3200, 9, 10, QStringLiteral("live") } };
    o.postpartumCheckOn = Today.addDays(-1);
    return o;
}

// A booked pregnancy; `level` is her decided color on the list ("" for none).
inline Pregnancy addWoman(const Database &database, const QString &name, const QString &recordNumber,
    const QString &level = {}, bool purple = false)
{
    Patient patient;
    patient.name = name;
    patient.recordNumber = recordNumber;
    patient.birthDate = QDate(1990, 3, 3);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-200);
    if (!ClinicRecords(database).registerPregnancy(patient, pregnancy))
        qFatal("cannot register %s", qPrintable(recordNumber));
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("UPDATE pregnancy SET risk_level = ?, risk_purple = ? WHERE id = ?"));
    query.addBindValue(level.isEmpty() ? QVariant() : QVariant(level));
    query.addBindValue(purple ? 1 : 0);
    query.addBindValue(pregnancy.meta.id.toString(QUuid::WithoutBraces));
    if (!query.exec())
        qFatal("cannot grade %s", qPrintable(recordNumber));
    return pregnancy;
}

} // namespace CasesTest
