// Calibrated measurement: lengths and ellipses only inside one ultrasound region measured in
// centimetres (PS3.3 C.8.5.5), Pixel Spacing only where a file has no region, and a clear
// "not calibrated" everywhere else.
#include "dicom/dicomjson.h"
#include "dicom/ultrasoundmeasurement.h"
#include "dicomsynth.h"

#include <QTest>

#include <cmath>

namespace {
UltrasoundRegion region(int x0, int y0, int x1, int y1, double deltaX, double deltaY,
    int unitsX = UltrasoundRegion::Centimetre, int unitsY = UltrasoundRegion::Centimetre)
{
    return DicomSynth::region(1, 1, QRect(QPoint(x0, y0), QPoint(x1, y1)), unitsX, unitsY, deltaX, deltaY);
}

DicomInfo withRegions(const QList<UltrasoundRegion> &regions)
{
    DicomInfo info;
    info.rows = 600;
    info.columns = 800;
    info.ultrasoundRegions = regions;
    return info;
}

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance;
}
} // namespace

class TestUltrasoundMeasurement : public QObject
{
    Q_OBJECT

private slots:
    void hundredPixelsAtOneHundredthOfACentimetreAreOneCentimetre()
    {
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.01) });
        auto length = UltrasoundMeasurement::distance(info, QPointF(100, 200), QPointF(200, 200));
        QVERIFY(length);
        QVERIFY(near(length->value, 1.00));
        QCOMPARE(length->unit(), QStringLiteral("cm"));
        QCOMPARE(length->calibration, PhysicalMeasurement::Calibration::UltrasoundRegion);
        QCOMPARE(length->regionIndex, std::optional<int>(0));
    }

    void eachAxisUsesItsOwnDelta()
    {
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.02) });
        QVERIFY(near(UltrasoundMeasurement::distance(info, QPointF(10, 10), QPointF(10, 60))->value, 1.0));
        // 300 columns × 0.01 and 200 rows × 0.02: a 3-4-5 triangle.
        QVERIFY(near(UltrasoundMeasurement::distance(info, QPointF(0, 0), QPointF(300, 200))->value, 5.0));
    }

    void pointsOnTheRegionEdgeAreInsideAndHalfAPixelBeyondAreNot()
    {
        const DicomInfo info = withRegions({ region(100, 50, 399, 349, 0.01, 0.01) });
        QVERIFY(UltrasoundMeasurement::distance(info, QPointF(100, 50), QPointF(399, 349)));
        QVERIFY(UltrasoundMeasurement::distance(info, QPointF(99.5, 49.5), QPointF(399.5, 349.5)));
        QCOMPARE(UltrasoundMeasurement::distance(info, QPointF(99.4, 200), QPointF(300, 200)).error().code,
            QStringLiteral("dicom.uncalibrated"));
        QCOMPARE(UltrasoundMeasurement::distance(info, QPointF(200, 200), QPointF(200, 349.6)).error().code,
            QStringLiteral("dicom.uncalibrated"));
    }

    void pointsInTwoRegionsAreNotCalibrated()
    {
        const DicomInfo info
            = withRegions({ region(0, 0, 399, 299, 0.01, 0.01), region(400, 0, 799, 299, 0.01, 0.01) });
        auto length = UltrasoundMeasurement::distance(info, QPointF(100, 100), QPointF(500, 100));
        QVERIFY(!length);
        QCOMPARE(length.error().code, QStringLiteral("dicom.uncalibrated"));
        QVERIFY(!length.error().message.isEmpty());
    }

    void dopplerRegionInSecondsIsNotCalibratedForLength()
    {
        const DicomInfo info = withRegions({ region(0, 0, 799, 299, 0.01, 0.01),
            region(0, 300, 799, 599, 0.005, 1.5, UltrasoundRegion::Second,
                UltrasoundRegion::CentimetrePerSecond) });
        auto length = UltrasoundMeasurement::distance(info, QPointF(100, 400), QPointF(200, 450));
        QVERIFY(!length);
        QCOMPARE(length.error().code, QStringLiteral("dicom.uncalibrated"));
        QVERIFY(length.error().message.contains(QStringLiteral("seconds")));
    }

    void regionWithoutDeltaIsNotCalibrated()
    {
        UltrasoundRegion noDelta = region(0, 0, 799, 599, 0.01, 0.01);
        noDelta.physicalDeltaY.reset();
        QVERIFY(!UltrasoundMeasurement::distance(withRegions({ noDelta }), QPointF(1, 1), QPointF(2, 2)));
        UltrasoundRegion zeroDelta = region(0, 0, 799, 599, 0.0, 0.01);
        QVERIFY(!UltrasoundMeasurement::distance(withRegions({ zeroDelta }), QPointF(1, 1), QPointF(2, 2)));
    }

    void smallestCalibratedRegionHoldingThePointsApplies()
    {
        // A zoomed box inside the whole scan, with its own finer scale.
        const DicomInfo info
            = withRegions({ region(0, 0, 799, 599, 0.02, 0.02), region(200, 200, 399, 399, 0.005, 0.005) });
        auto inside = UltrasoundMeasurement::distance(info, QPointF(250, 250), QPointF(350, 250));
        QVERIFY(inside);
        QVERIFY(near(inside->value, 0.5));
        QCOMPARE(inside->regionIndex, std::optional<int>(1));
        auto across = UltrasoundMeasurement::distance(info, QPointF(100, 250), QPointF(350, 250));
        QVERIFY(across);
        QVERIFY(near(across->value, 5.0));
        QCOMPARE(across->regionIndex, std::optional<int>(0));
    }

    void pixelSpacingIsAMarkedFallbackWithoutRegions()
    {
        DicomInfo info;
        info.pixelSpacingRowMm = 0.2; // rows 0.2 mm apart
        info.pixelSpacingColumnMm = 0.1; // columns 0.1 mm apart
        auto across = UltrasoundMeasurement::distance(info, QPointF(0, 0), QPointF(100, 0));
        QVERIFY(across);
        QVERIFY(near(across->value, 1.0));
        QCOMPARE(across->calibration, PhysicalMeasurement::Calibration::PixelSpacing);
        QCOMPARE(across->regionIndex, std::nullopt);
        QVERIFY(near(UltrasoundMeasurement::distance(info, QPointF(0, 0), QPointF(0, 100))->value, 2.0));
        QCOMPARE(DicomJson::measurement(*across).value(QStringLiteral("calibration")).toString(),
            QStringLiteral("pixelSpacing"));
    }

    void pixelSpacingIsIgnoredWhereTheMachineGaveRegions()
    {
        DicomInfo info = withRegions({ region(0, 0, 399, 299, 0.01, 0.01) });
        info.pixelSpacingRowMm = 0.1;
        info.pixelSpacingColumnMm = 0.1;
        QCOMPARE(UltrasoundMeasurement::distance(info, QPointF(500, 500), QPointF(600, 500)).error().code,
            QStringLiteral("dicom.uncalibrated"));
    }

    void imageWithoutAnyCalibrationIsNotMeasured()
    {
        auto length = UltrasoundMeasurement::distance(DicomInfo {}, QPointF(0, 0), QPointF(10, 0));
        QVERIFY(!length);
        QCOMPARE(length.error().code, QStringLiteral("dicom.uncalibrated"));
        DicomInfo zeroSpacing;
        zeroSpacing.pixelSpacingRowMm = 0;
        zeroSpacing.pixelSpacingColumnMm = 0.1;
        QVERIFY(!UltrasoundMeasurement::distance(zeroSpacing, QPointF(0, 0), QPointF(10, 0)));
    }

    void circleOfTwoCentimetresRadius()
    {
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.01) });
        const QPointF centre(400, 300);
        auto circumference = UltrasoundMeasurement::ellipseCircumference(
            info, centre, centre + QPointF(200, 0), centre + QPointF(0, 200));
        auto area = UltrasoundMeasurement::ellipseArea(
            info, centre, centre + QPointF(200, 0), centre + QPointF(0, 200));
        QVERIFY(circumference && area);
        QVERIFY(near(circumference->value, 4 * M_PI));
        QVERIFY(near(area->value, 4 * M_PI));
        QCOMPARE(area->unit(), QStringLiteral("cm2"));
    }

    void ellipseFollowsRamanujan()
    {
        // Semi-axes 3 and 2 cm: the exact perimeter is 15.865439589 cm (elliptic integral);
        // Ramanujan's second approximation agrees to 1e-10.
        QVERIFY(near(UltrasoundMeasurement::ramanujanPerimeter(3, 2), 15.8654395893, 1e-8));
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.01) });
        const QPointF centre(400, 300);
        auto circumference = UltrasoundMeasurement::ellipseCircumference(
            info, centre, centre + QPointF(300, 0), centre + QPointF(0, -200));
        QVERIFY(circumference);
        QVERIFY(near(circumference->value, 15.8654395893, 1e-8));
        QVERIFY(near(UltrasoundMeasurement::ellipseArea(
                         info, centre, centre + QPointF(300, 0), centre + QPointF(0, -200))
                         ->value,
            6 * M_PI));
    }

    void tiltedEllipseKeepsItsSize()
    {
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.01) });
        const QPointF centre(400, 300);
        const double angle = 0.6;
        const QPointF a(300 * std::cos(angle), 300 * std::sin(angle));
        const QPointF b(-200 * std::sin(angle), 200 * std::cos(angle));
        QVERIFY(near(UltrasoundMeasurement::ellipseCircumference(info, centre, centre + a, centre + b)->value,
            15.8654395893, 1e-8));
        QVERIFY(near(
            UltrasoundMeasurement::ellipseArea(info, centre, centre + a, centre + b)->value, 6 * M_PI, 1e-9));
    }

    void nonSquarePixelsStretchTheEllipse()
    {
        // A circle of 100 pixels radius on pixels twice as tall as wide is an ellipse of 1 × 2 cm.
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.02) });
        const QPointF centre(400, 300);
        QVERIFY(near(UltrasoundMeasurement::ellipseArea(
                         info, centre, centre + QPointF(100, 0), centre + QPointF(0, 100))
                         ->value,
            2 * M_PI));
        QVERIFY(near(UltrasoundMeasurement::ellipseCircumference(
                         info, centre, centre + QPointF(100, 0), centre + QPointF(0, 100))
                         ->value,
            UltrasoundMeasurement::ramanujanPerimeter(2, 1)));
    }

    void ellipseReachingOutOfItsRegionIsNotCalibrated()
    {
        const DicomInfo info
            = withRegions({ region(100, 100, 500, 400, 0.01, 0.01) }); // edges 99.5 … 500.5, 400.5
        const QPointF centre(300, 250);
        QVERIFY(UltrasoundMeasurement::ellipseArea(
            info, centre, centre + QPointF(200, 0), centre + QPointF(0, 150)));
        QCOMPARE(UltrasoundMeasurement::ellipseArea(
                     info, centre, centre + QPointF(201, 0), centre + QPointF(0, 150))
                     .error()
                     .code,
            QStringLiteral("dicom.uncalibrated"));
        // Tilted: its bounding box, not its axis ends, must fit.
        const QPointF a(140 * std::cos(0.7), 140 * std::sin(0.7));
        const QPointF b(-140 * std::sin(0.7), 140 * std::cos(0.7));
        QVERIFY(UltrasoundMeasurement::ellipseArea(info, centre, centre + a, centre + b));
        const QPointF bigA(199 * std::cos(0.7), 199 * std::sin(0.7));
        const QPointF bigB(-140 * std::sin(0.7), 140 * std::cos(0.7));
        QVERIFY(!UltrasoundMeasurement::ellipseArea(info, centre, centre + bigA, centre + bigB));
    }

    void measurementJsonNamesItsCalibration()
    {
        const DicomInfo info = withRegions({ region(0, 0, 799, 599, 0.01, 0.01) });
        const QJsonObject json
            = DicomJson::measurement(*UltrasoundMeasurement::distance(info, QPointF(0, 0), QPointF(100, 0)));
        QCOMPARE(json.value(QStringLiteral("unit")).toString(), QStringLiteral("cm"));
        QCOMPARE(json.value(QStringLiteral("calibration")).toString(), QStringLiteral("ultrasoundRegion"));
        QCOMPARE(json.value(QStringLiteral("regionIndex")).toInt(), 0);
        QVERIFY(near(json.value(QStringLiteral("value")).toDouble(), 1.0));
    }
};

QTEST_GUILESS_MAIN(TestUltrasoundMeasurement)
#include "tst_ultrasoundmeasurement.moc"
