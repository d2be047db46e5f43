// Plausibility checks on what a nurse types, on both sides of every limit.
#include "domain/recordvalidator.h"

#include <QTest>

namespace {
const QDate Today(2026, 11, 20);

QStringList fields(const QList<FieldError> &errors)
{
    QStringList f;
    for (const FieldError &e : errors)
        f << e.field;
    return f;
}

Pregnancy pregnancy()
{
    Pregnancy p;
    p.lmp = Today.addDays(-150);
    return p;
}
} // namespace

class TestRecordValidator : public QObject
{
    Q_OBJECT

private slots:
    void visitRanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("ok");
        QTest::addColumn<double>("bad");
        QTest::newRow("systolic high") << "systolic" << 260.0 << 261.0;
        QTest::newRow("systolic low") << "systolic" << 60.0 << 59.0;
        QTest::newRow("pulse high") << "pulse" << 220.0 << 221.0;
        QTest::newRow("weight high") << "weight" << 250.0 << 250.5;
        QTest::newRow("weight low") << "weight" << 30.0 << 29.9;
        QTest::newRow("fundal height") << "fundalHeight" << 50.0 << 50.1;
        QTest::newRow("girth") << "abdominalGirth" << 50.0 << 49.9;
        QTest::newRow("fetal heart high") << "fetalHeartRate" << 240.0 << 241.0;
        QTest::newRow("fetal heart low") << "fetalHeartRate" << 50.0 << 49.0;
    }
    void visitRanges()
    {
        QFETCH(QString, field);
        QFETCH(double, ok);
        QFETCH(double, bad);
        for (const auto &[value, valid] : {std::pair{ok, true}, std::pair{bad, false}}) {
            AntenatalVisit v;
            v.visitDate = Today;
            if (field == QLatin1String("systolic")) {
                v.systolicMmHg = static_cast<int>(value);
                v.diastolicMmHg = 40;
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
            QCOMPARE(fields(RecordValidator::validateVisit(v, pregnancy(), Today)).contains(field), !valid);
        }
    }

    void bloodPressureNeedsBothHalvesAndDiastolicBelowSystolic()
    {
        AntenatalVisit v;
        v.visitDate = Today;
        v.systolicMmHg = 120;
        QVERIFY(fields(RecordValidator::validateVisit(v, pregnancy(), Today)).contains(QStringLiteral("diastolic")));
        v.diastolicMmHg = 120;
        QVERIFY(fields(RecordValidator::validateVisit(v, pregnancy(), Today)).contains(QStringLiteral("diastolic")));
        v.diastolicMmHg = 80;
        QVERIFY(RecordValidator::validateVisit(v, pregnancy(), Today).isEmpty());
    }

    void visitDates()
    {
        AntenatalVisit v;
        v.visitDate = Today.addDays(1);
        QVERIFY(fields(RecordValidator::validateVisit(v, pregnancy(), Today)).contains(QStringLiteral("visitDate")));
        v.visitDate = pregnancy().lmp.addDays(-1);
        QVERIFY(fields(RecordValidator::validateVisit(v, pregnancy(), Today)).contains(QStringLiteral("visitDate")));
        v.visitDate = Today;
        QVERIFY(RecordValidator::validateVisit(v, pregnancy(), Today).isEmpty());
    }

    void patientChecks()
    {
        Patient p;
        p.name = QStringLiteral("王芳");
        p.birthDate = QDate(1990, 3, 7);
        p.nationalId = QStringLiteral("110101199003070046");
        QVERIFY(RecordValidator::validatePatient(p, Today).isEmpty());
        p.birthDate = QDate(1990, 3, 8);
        QVERIFY(fields(RecordValidator::validatePatient(p, Today)).contains(QStringLiteral("birthDate")));
        p.nationalId = QStringLiteral("110101199003070047");
        QVERIFY(fields(RecordValidator::validatePatient(p, Today)).contains(QStringLiteral("nationalId")));
        p.nationalId.clear();
        p.name = QStringLiteral("  ");
        QVERIFY(fields(RecordValidator::validatePatient(p, Today)).contains(QStringLiteral("name")));
        p.name = QStringLiteral("王芳");
        p.phone = QStringLiteral("139-1234-5678");
        QVERIFY(RecordValidator::validatePatient(p, Today).isEmpty());
        p.phone = QStringLiteral("call me");
        QVERIFY(fields(RecordValidator::validatePatient(p, Today)).contains(QStringLiteral("phone")));
    }

    void pregnancyChecks()
    {
        Pregnancy p = pregnancy();
        QVERIFY(RecordValidator::validatePregnancy(p, Today).isEmpty());
        p.gravida = 2;
        p.para = 2;
        QVERIFY(fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("para")));
        p.para = 1;
        p.lmp = Today.addDays(1);
        QVERIFY(fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("lmp")));
        p.lmp = Today.addDays(-44 * 7 - 1);
        QVERIFY(fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("lmp")));
        p.lmp = QDate();
        QVERIFY(fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("lmp")));
        p.ultrasoundDating = UltrasoundDating{Today.addDays(-10), GestationalAge::fromWeeksAndDays(12, 0)};
        QVERIFY(RecordValidator::validatePregnancy(p, Today).isEmpty());
        p.heightCm = 119;
        QVERIFY(fields(RecordValidator::validatePregnancy(p, Today)).contains(QStringLiteral("height")));
    }
};

QTEST_GUILESS_MAIN(TestRecordValidator)
#include "tst_recordvalidator.moc"
