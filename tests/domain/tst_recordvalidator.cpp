// Plausibility checks on what a nurse types: each field's range on both sides of each limit,
// blood pressure halves, dates in the future, the ID number against the birth date, para against
// gravida.
#include "domain/nationalid.h"
#include "domain/recordvalidator.h"

#include <QTest>

#include <limits>

namespace {
const QDate Today(2026, 11, 20);
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QStringList fields(const QList<FieldError> &errors)
{
    QStringList names;
    for (const FieldError &e : errors)
        names << e.field;
    return names;
}

QString messageFor(const QList<FieldError> &errors, const QString &field)
{
    for (const FieldError &e : errors)
        if (e.field == field)
            return e.message;
    return {};
}

Patient validPatient()
{
    Patient p;
    p.name = QStringLiteral("王芳");
    p.birthDate = QDate(1990, 3, 7);
    p.nationalId = QStringLiteral("110101199003070046");
    p.phone = QStringLiteral("139-1234-5678");
    return p;
}

Pregnancy validPregnancy()
{
    Pregnancy p;
    p.lmp = Today.addDays(-150);
    return p;
}

AntenatalVisit validVisit()
{
    AntenatalVisit v;
    v.visitDate = Today;
    v.systolicMmHg = 118;
    v.diastolicMmHg = 76;
    v.pulseBpm = 82;
    v.weightKg = 61.5;
    v.fundalHeightCm = 21;
    v.abdominalGirthCm = 88;
    v.fetalHeartRateBpm = 142;
    return v;
}
} // namespace

class TestRecordValidator : public QObject
{
    Q_OBJECT

private slots:
    // --- patient ---------------------------------------------------------------------------

    void completePatientHasNoErrors()
    {
        QCOMPARE(fields(RecordValidator::validatePatient(validPatient(), Today)), QStringList());
    }

    void blankNameIsRefused()
    {
        Patient p = validPatient();
        p.name = QStringLiteral("  ");
        QCOMPARE(fields(RecordValidator::validatePatient(p, Today)), QStringList { QStringLiteral("name") });
        p.name.clear();
        QCOMPARE(fields(RecordValidator::validatePatient(p, Today)), QStringList { QStringLiteral("name") });
    }

    void invalidNationalIdIsReportedWithTheParsersMessage()
    {
        Patient p = validPatient();
        p.nationalId = QStringLiteral("110101199003070047");
        const auto errors = RecordValidator::validatePatient(p, Today);
        QCOMPARE(fields(errors), QStringList { QStringLiteral("nationalId") });
        QCOMPARE(messageFor(errors, QStringLiteral("nationalId")),
            NationalId::parse(p.nationalId).error().message);
    }

    void nationalIdIsOptionalAndLowerCaseXIsAccepted()
    {
        Patient p = validPatient();
        p.nationalId.clear();
        QVERIFY(RecordValidator::validatePatient(p, Today).isEmpty());
        p.nationalId = QStringLiteral("11010119900307002x");
        QVERIFY(RecordValidator::validatePatient(p, Today).isEmpty());
    }

    void birthDateMustMatchTheNationalId()
    {
        Patient p = validPatient();
        p.birthDate = QDate(1990, 3, 8);
        const auto errors = RecordValidator::validatePatient(p, Today);
        QCOMPARE(fields(errors), QStringList { QStringLiteral("birthDate") });
        QVERIFY(messageFor(errors, QStringLiteral("birthDate")).contains(QLatin1String("1990-03-07")));
        p.birthDate = QDate(1990, 3, 6);
        QCOMPARE(
            fields(RecordValidator::validatePatient(p, Today)), QStringList { QStringLiteral("birthDate") });
    }

    void missingBirthDateIsRefused()
    {
        Patient p = validPatient();
        p.birthDate = QDate();
        QCOMPARE(
            fields(RecordValidator::validatePatient(p, Today)), QStringList { QStringLiteral("birthDate") });
    }

    void futureBirthDateIsRefused()
    {
        Patient p = validPatient();
        p.nationalId.clear();
        p.birthDate = Today.addDays(1);
        const auto errors = RecordValidator::validatePatient(p, Today);
        QCOMPARE(fields(errors), QStringList { QStringLiteral("birthDate") });
    }

    void ageMustBeTenToSixtyYears_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<bool>("valid");
        QTest::newRow("9 (10th birthday tomorrow)") << QDate(2016, 11, 21) << false;
        QTest::newRow("10 (10th birthday today)") << QDate(2016, 11, 20) << true;
        QTest::newRow("60 (61st birthday tomorrow)") << QDate(1965, 11, 21) << true;
        QTest::newRow("61 (61st birthday today)") << QDate(1965, 11, 20) << false;
        QTest::newRow("born today") << Today << false;
    }
    void ageMustBeTenToSixtyYears()
    {
        QFETCH(QDate, birth);
        QFETCH(bool, valid);
        Patient p = validPatient();
        p.nationalId.clear();
        p.birthDate = birth;
        QCOMPARE(
            fields(RecordValidator::validatePatient(p, Today)).contains(QStringLiteral("birthDate")), !valid);
    }

    void phoneNumbers_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<bool>("valid");
        QTest::newRow("none") << QString() << true;
        QTest::newRow("mobile with dashes") << QStringLiteral("139-1234-5678") << true;
        QTest::newRow("international with spaces") << QStringLiteral("+86 139 1234 5678") << true;
        QTest::newRow("landline with area code") << QStringLiteral("010-62345678") << true;
        QTest::newRow("6 characters") << QStringLiteral("123456") << true;
        QTest::newRow("5 characters") << QStringLiteral("12345") << false;
        QTest::newRow("20 characters") << QStringLiteral("12345678901234567890") << true;
        QTest::newRow("21 characters") << QStringLiteral("123456789012345678901") << false;
        QTest::newRow("words") << QStringLiteral("call me") << false;
        QTest::newRow("starts with a dash") << QStringLiteral("-13912345678") << false;
        QTest::newRow("letter O for zero") << QStringLiteral("139-1234-567O") << false;
    }
    void phoneNumbers()
    {
        QFETCH(QString, phone);
        QFETCH(bool, valid);
        Patient p = validPatient();
        p.phone = phone;
        QCOMPARE(
            fields(RecordValidator::validatePatient(p, Today)).contains(QStringLiteral("phone")), !valid);
    }

    // --- pregnancy -------------------------------------------------------------------------

    void lmpOrUltrasoundDatingIsRequired()
    {
        Pregnancy p = validPregnancy();
        QVERIFY(RecordValidator::validatePregnancy(p, Today).isEmpty());
        p.lmp = QDate();
        QCOMPARE(fields(RecordValidator::validatePregnancy(p, Today)), QStringList { QStringLiteral("lmp") });
        p.ultrasoundDating = UltrasoundDating { Today.addDays(-10), GestationalAge::fromWeeksAndDays(12, 0) };
        QVERIFY(RecordValidator::validatePregnancy(p, Today).isEmpty());
    }

    void lmpFromToday_data()
    {
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<bool>("valid");
        QTest::newRow("tomorrow") << -1 << false;
        QTest::newRow("today") << 0 << true;
        QTest::newRow("44 weeks ago") << 44 * 7 << true;
        QTest::newRow("44 weeks and a day ago") << 44 * 7 + 1 << false;
    }
    void lmpFromToday()
    {
        QFETCH(int, daysAgo);
        QFETCH(bool, valid);
        Pregnancy p = validPregnancy();
        p.lmp = Today.addDays(-daysAgo);
        QCOMPARE(
            fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("lmp")), !valid);
    }

    void obstetricCounts_data()
    {
        QTest::addColumn<int>("gravida");
        QTest::addColumn<int>("para");
        QTest::addColumn<int>("fetuses");
        QTest::addColumn<QStringList>("errors");
        const QStringList none;
        QTest::newRow("G1P0 singleton") << 1 << 0 << 1 << none;
        QTest::newRow("gravida 0") << 0 << 0 << 1
                                   << QStringList { QStringLiteral("gravida"), QStringLiteral("para") };
        QTest::newRow("gravida 30") << 30 << 29 << 1 << none;
        QTest::newRow("gravida 31") << 31 << 0 << 1 << QStringList { QStringLiteral("gravida") };
        QTest::newRow("para -1") << 2 << -1 << 1 << QStringList { QStringLiteral("para") };
        QTest::newRow("para one less than gravida") << 3 << 2 << 1 << none;
        QTest::newRow("para equal to gravida") << 3 << 3 << 1 << QStringList { QStringLiteral("para") };
        QTest::newRow("para above gravida") << 2 << 3 << 1 << QStringList { QStringLiteral("para") };
        QTest::newRow("no fetus") << 1 << 0 << 0 << QStringList { QStringLiteral("fetuses") };
        QTest::newRow("twins") << 1 << 0 << 2 << none;
        QTest::newRow("sextuplets") << 1 << 0 << 6 << none;
        QTest::newRow("seven fetuses") << 1 << 0 << 7 << QStringList { QStringLiteral("fetuses") };
    }
    void obstetricCounts()
    {
        QFETCH(int, gravida);
        QFETCH(int, para);
        QFETCH(int, fetuses);
        QFETCH(QStringList, errors);
        Pregnancy p = validPregnancy();
        p.gravida = gravida;
        p.para = para;
        p.fetuses = fetuses;
        QCOMPARE(fields(RecordValidator::validatePregnancy(p, Today)), errors);
    }

    void pregnancyMeasurements_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("height 119.9") << QStringLiteral("height") << 119.9 << false;
        QTest::newRow("height 120") << QStringLiteral("height") << 120.0 << true;
        QTest::newRow("height 200") << QStringLiteral("height") << 200.0 << true;
        QTest::newRow("height 200.1") << QStringLiteral("height") << 200.1 << false;
        QTest::newRow("height in metres") << QStringLiteral("height") << 1.6 << false;
        QTest::newRow("height NaN") << QStringLiteral("height") << NaN << false;
        QTest::newRow("weight 29.9") << QStringLiteral("prePregnancyWeight") << 29.9 << false;
        QTest::newRow("weight 30") << QStringLiteral("prePregnancyWeight") << 30.0 << true;
        QTest::newRow("weight 200") << QStringLiteral("prePregnancyWeight") << 200.0 << true;
        QTest::newRow("weight 200.1") << QStringLiteral("prePregnancyWeight") << 200.1 << false;
        QTest::newRow("weight in jin (120)") << QStringLiteral("prePregnancyWeight") << 240.0 << false;
        QTest::newRow("weight NaN") << QStringLiteral("prePregnancyWeight") << NaN << false;
        QTest::newRow("weight infinite")
            << QStringLiteral("prePregnancyWeight") << std::numeric_limits<double>::infinity() << false;
    }
    void pregnancyMeasurements()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(bool, valid);
        Pregnancy p = validPregnancy();
        if (field == QLatin1String("height"))
            p.heightCm = value;
        else
            p.prePregnancyWeightKg = value;
        const auto errors = RecordValidator::validatePregnancy(p, Today);
        QCOMPARE(fields(errors), valid ? QStringList() : QStringList { field });
    }

    void measurementMessagesStateTheLimits()
    {
        Pregnancy p = validPregnancy();
        p.heightCm = 250;
        QCOMPARE(messageFor(RecordValidator::validatePregnancy(p, Today), QStringLiteral("height")),
            QStringLiteral("Height must be between 120 and 200 cm."));
    }

    void uterineSurgeries_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("valid");
        QTest::newRow("-1") << -1 << false;
        QTest::newRow("0") << 0 << true;
        QTest::newRow("10") << 10 << true;
        QTest::newRow("11") << 11 << false;
    }
    void uterineSurgeries()
    {
        QFETCH(int, count);
        QFETCH(bool, valid);
        Pregnancy p = validPregnancy();
        p.uterineSurgeries = count;
        QCOMPARE(
            fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("uterineSurgeries")),
            !valid);
    }

    void lastUterineSurgeryCannotBeInTheFuture()
    {
        Pregnancy p = validPregnancy();
        p.uterineSurgeries = 1;
        p.lastUterineSurgeryDate = Today;
        QVERIFY(RecordValidator::validatePregnancy(p, Today).isEmpty());
        p.lastUterineSurgeryDate = Today.addDays(1);
        QCOMPARE(fields(RecordValidator::validatePregnancy(p, Today)),
            QStringList { QStringLiteral("lastUterineSurgery") });
    }

    // --- visit -----------------------------------------------------------------------------

    void completeVisitHasNoErrors()
    {
        QCOMPARE(
            fields(RecordValidator::validateVisit(validVisit(), validPregnancy(), Today)), QStringList());
        AntenatalVisit onlyDate;
        onlyDate.visitDate = Today;
        QVERIFY(RecordValidator::validateVisit(onlyDate, validPregnancy(), Today).isEmpty());
    }

    void visitDates_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("valid");
        const QDate lmp = validPregnancy().lmp;
        QTest::newRow("missing") << QDate() << false;
        QTest::newRow("tomorrow") << Today.addDays(1) << false;
        QTest::newRow("today") << Today << true;
        QTest::newRow("on the LMP") << lmp << true;
        QTest::newRow("the day before the LMP") << lmp.addDays(-1) << false;
    }
    void visitDates()
    {
        QFETCH(QDate, date);
        QFETCH(bool, valid);
        AntenatalVisit v = validVisit();
        v.visitDate = date;
        QCOMPARE(fields(RecordValidator::validateVisit(v, validPregnancy(), Today)),
            valid ? QStringList() : QStringList { QStringLiteral("visitDate") });
    }

    void visitBeforeAnUnknownLmpIsNotCheckedAgainstIt()
    {
        Pregnancy p;
        p.ultrasoundDating = UltrasoundDating { Today.addDays(-10), GestationalAge::fromWeeksAndDays(12, 0) };
        AntenatalVisit v = validVisit();
        v.visitDate = Today.addDays(-300);
        QVERIFY(RecordValidator::validateVisit(v, p, Today).isEmpty());
    }

    void visitRanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("valid");
        const auto rows
            = [](const QString &field, double belowLow, double low, double high, double aboveHigh) {
                  QTest::addRow("%s %g", qPrintable(field), belowLow) << field << belowLow << false;
                  QTest::addRow("%s %g", qPrintable(field), low) << field << low << true;
                  QTest::addRow("%s %g", qPrintable(field), high) << field << high << true;
                  QTest::addRow("%s %g", qPrintable(field), aboveHigh) << field << aboveHigh << false;
              };
        rows(QStringLiteral("systolic"), 59, 60, 260, 261);
        rows(QStringLiteral("diastolic"), 29, 30, 160, 161);
        rows(QStringLiteral("pulse"), 29, 30, 220, 221);
        rows(QStringLiteral("weight"), 29.9, 30, 250, 250.1);
        rows(QStringLiteral("fundalHeight"), 4.9, 5, 50, 50.1);
        rows(QStringLiteral("abdominalGirth"), 49.9, 50, 200, 200.1);
        rows(QStringLiteral("fetalHeartRate"), 49, 50, 240, 241);
        QTest::newRow("weight NaN") << QStringLiteral("weight") << NaN << false;
        QTest::newRow("fundalHeight NaN") << QStringLiteral("fundalHeight") << NaN << false;
        QTest::newRow("abdominalGirth NaN") << QStringLiteral("abdominalGirth") << NaN << false;
    }
    void visitRanges()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(bool, valid);
        AntenatalVisit v = validVisit();
        // The other half of the pressure is chosen so that only the range can fail.
        if (field == QLatin1String("systolic")) {
            v.systolicMmHg = static_cast<int>(value);
            v.diastolicMmHg = 40;
        } else if (field == QLatin1String("diastolic")) {
            v.diastolicMmHg = static_cast<int>(value);
            v.systolicMmHg = 255;
        } else if (field == QLatin1String("pulse"))
            v.pulseBpm = static_cast<int>(value);
        else if (field == QLatin1String("weight"))
            v.weightKg = value;
        else if (field == QLatin1String("fundalHeight"))
            v.fundalHeightCm = value;
        else if (field == QLatin1String("abdominalGirth"))
            v.abdominalGirthCm = value;
        else
            v.fetalHeartRateBpm = static_cast<int>(value);
        const auto errors = RecordValidator::validateVisit(v, validPregnancy(), Today);
        QCOMPARE(fields(errors), valid ? QStringList() : QStringList { field });
    }

    void visitMessagesStateTheLimits()
    {
        AntenatalVisit v = validVisit();
        v.systolicMmHg = 1400;
        QCOMPARE(messageFor(
                     RecordValidator::validateVisit(v, validPregnancy(), Today), QStringLiteral("systolic")),
            QStringLiteral("Systolic pressure must be between 60 and 260 mmHg."));
        v = validVisit();
        v.weightKg = 260;
        QCOMPARE(
            messageFor(RecordValidator::validateVisit(v, validPregnancy(), Today), QStringLiteral("weight")),
            QStringLiteral("Weight must be between 30 and 250 kg."));
    }

    void bloodPressureNeedsBothHalves()
    {
        AntenatalVisit v = validVisit();
        v.diastolicMmHg.reset();
        QCOMPARE(fields(RecordValidator::validateVisit(v, validPregnancy(), Today)),
            QStringList { QStringLiteral("diastolic") });
        v = validVisit();
        v.systolicMmHg.reset();
        QCOMPARE(fields(RecordValidator::validateVisit(v, validPregnancy(), Today)),
            QStringList { QStringLiteral("systolic") });
        v.diastolicMmHg.reset();
        QVERIFY(RecordValidator::validateVisit(v, validPregnancy(), Today).isEmpty());
    }

    void diastolicMustBeBelowSystolic_data()
    {
        QTest::addColumn<int>("systolic");
        QTest::addColumn<int>("diastolic");
        QTest::addColumn<bool>("valid");
        QTest::newRow("120/119") << 120 << 119 << true;
        QTest::newRow("120/120") << 120 << 120 << false;
        QTest::newRow("120/121") << 120 << 121 << false;
        QTest::newRow("80/120 (halves swapped)") << 80 << 120 << false;
    }
    void diastolicMustBeBelowSystolic()
    {
        QFETCH(int, systolic);
        QFETCH(int, diastolic);
        QFETCH(bool, valid);
        AntenatalVisit v = validVisit();
        v.systolicMmHg = systolic;
        v.diastolicMmHg = diastolic;
        QCOMPARE(fields(RecordValidator::validateVisit(v, validPregnancy(), Today)),
            valid ? QStringList() : QStringList { QStringLiteral("diastolic") });
    }
};

QTEST_GUILESS_MAIN(TestRecordValidator)
#include "tst_recordvalidator.moc"
