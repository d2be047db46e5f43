#pragma once

// What the case management GUI tests share: a clinic database, women registered in it, modal
// dialogs driven when they open, and screenshots (OBSLINK_SCREENSHOT_DIR=dir).
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

inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OBSLINK_SCREENSHOT_DIR");
    QApplication::processEvents();
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// Runs `act` on the next modal dialog of type T once it is open, then closes it if `act` left
// it open, so a failed check cannot hang the test.
template <typename T> void whenModal(std::function<void(T *)> act, int attemptsLeft = 200)
{
    QTimer::singleShot(10, [act, attemptsLeft] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (attemptsLeft > 0)
                whenModal<T>(act, attemptsLeft - 1);
            return;
        }
        act(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
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
