// SGA / FGR / LGA from a pregnancy's scans (resources/growth/growth-findings.json): each limit
// on both sides, FGR by falling across two major centiles (and not by one, nor by rising), and
// which findings are the current ones offered to the risk grading.
#include "biometry/fetalgrowth.h"

#include <QTest>

namespace {
const QDate lmp(2026, 1, 5);

GrowthStandard intergrowth()
{
    return *GrowthStandard::builtIn(QStringLiteral("intergrowth21"));
}

// A scan at `weeks`+0 by dates whose AC is at `centile` of INTERGROWTH-21st (no HC, so no EFW:
// the AC alone is judged).
FetalGrowth::Scan acScan(int weeks, double centile)
{
    FetalGrowth::Scan scan;
    scan.date = lmp.addDays(weeks * 7);
    scan.age = GestationalAge::fromWeeksAndDays(weeks, 0);
    const auto ac = intergrowth().valueAtCentile(GrowthMeasure::Ac, weeks, centile);
    if (!scan.biometry.set(BiometryMeasure::Ac, *ac))
        qFatal("AC out of range");
    return scan;
}

FetalGrowth::Assessment assess(const QList<FetalGrowth::Scan> &scans)
{
    return FetalGrowth::assess(intergrowth(), GrowthFindingRules::defaults(), scans);
}

QList<GrowthFinding::Kind> kinds(const QList<GrowthFinding> &findings)
{
    QList<GrowthFinding::Kind> k;
    for (const GrowthFinding &f : findings)
        k.append(f.kind);
    return k;
}
} // namespace

class TestFetalGrowth : public QObject
{
    Q_OBJECT

private slots:
    void theBuiltInRulesLoad()
    {
        QFile file(QStringLiteral(":/growth/growth-findings.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto rules = GrowthFindingRules::fromJson(file.readAll());
        QVERIFY2(rules, qPrintable(rules ? QString() : rules.error().message));
        QCOMPARE(rules->sgaBelowCentile, 10.0);
        QCOMPARE(rules->fgrBelowCentile, 3.0);
        QCOMPARE(rules->lgaAboveCentile, 90.0);
        QCOMPARE(rules->fgrCrossedCentiles, 2);
        QCOMPARE(rules->measures, (QList<GrowthMeasure> { GrowthMeasure::Efw, GrowthMeasure::Ac }));
        QVERIFY(!GrowthFindingRules::fromJson(R"({"source":"x","measures":["ac"],"sgaBelowCentile":3,
            "fgrBelowCentile":10,"lgaAboveCentile":90,"majorCentiles":[3,10,50,90,97],"fgrCrossedCentiles":2})"));
    }

    void acAtTheNinthCentileIsSgaAndAtTheEleventhIsNot()
    {
        QCOMPARE(kinds(assess({ acScan(32, 9.0) }).findings), QList { GrowthFinding::Kind::Sga });
        QVERIFY(assess({ acScan(32, 11.0) }).findings.isEmpty());
    }

    void belowTheThirdCentileIsFgrAndJustAboveIsSga()
    {
        QCOMPARE(kinds(assess({ acScan(32, 2.9) }).findings), QList { GrowthFinding::Kind::Fgr });
        QCOMPARE(kinds(assess({ acScan(32, 3.1) }).findings), QList { GrowthFinding::Kind::Sga });
    }

    void aboveTheNinetiethCentileIsLgaAndJustBelowIsNot()
    {
        QCOMPARE(kinds(assess({ acScan(36, 90.5) }).findings), QList { GrowthFinding::Kind::Lga });
        QVERIFY(assess({ acScan(36, 89.5) }).findings.isEmpty());
    }

    void fallingAcrossTheFiftiethAndTenthCentilesIsFgr()
    {
        // P60 at 24 weeks, P9 at 32: crosses the 50th and the 10th, FGR although above the 3rd.
        const auto a = assess({ acScan(32, 9.0), acScan(24, 60.0) }); // given out of order
        QCOMPARE(a.scans.first().scan.age->completedWeeks(), 24);
        QCOMPARE(kinds(a.findings), QList { GrowthFinding::Kind::Fgr });
        const GrowthFinding &f = a.findings.first();
        QVERIFY(f.byCrossing());
        QCOMPARE(f.crossedCentiles, 2);
        QCOMPARE(*f.fromDate, lmp.addDays(24 * 7));
        QVERIFY2(f.evidence().contains(QStringLiteral("P60")), qPrintable(f.evidence()));
        QVERIFY2(f.evidence().contains(QStringLiteral("P9")), qPrintable(f.evidence()));
    }

    void fallingAcrossOneMajorCentileIsNotFgr()
    {
        // P55 → P15 crosses only the 50th: no finding at all (P15 is not small).
        QVERIFY(assess({ acScan(24, 55.0), acScan(32, 15.0) }).findings.isEmpty());
        // P45 → P9 crosses only the 10th: SGA, not FGR.
        QCOMPARE(kinds(assess({ acScan(24, 45.0), acScan(32, 9.0) }).findings),
            QList { GrowthFinding::Kind::Sga });
    }

    void risingAcrossCentilesIsNotFgr()
    {
        QCOMPARE(kinds(assess({ acScan(24, 8.0), acScan(32, 60.0) }).findings),
            QList { GrowthFinding::Kind::Sga });
        QVERIFY(assess({ acScan(24, 8.0), acScan(32, 60.0) }).current().isEmpty());
    }

    void onlyTheNewestScansFindingsAreCurrent()
    {
        const auto a = assess({ acScan(20, 50.0), acScan(28, 8.0), acScan(34, 2.0) });
        QCOMPARE(a.findings.size(), 2);
        QCOMPARE(kinds(a.current()), QList { GrowthFinding::Kind::Fgr });
        QCOMPARE(a.current().first().date, lmp.addDays(34 * 7));
    }

    void efwIsJudgedByTheStandardsOwnFormula()
    {
        // The biometry of a 30-week fetus (Hadlock 1984) at 34 weeks: Hadlock 1985 weighs it
        // about 1,550 g, below Table 2's 3rd centile at 34 weeks (1,622 g).
        FetalGrowth::Scan scan;
        scan.date = lmp.addDays(34 * 7);
        scan.age = GestationalAge::fromWeeksAndDays(34, 0);
        QVERIFY(scan.biometry.set(BiometryMeasure::Bpd, 74.79));
        QVERIFY(scan.biometry.set(BiometryMeasure::Hc, 274.60));
        QVERIFY(scan.biometry.set(BiometryMeasure::Ac, 258.39));
        QVERIFY(scan.biometry.set(BiometryMeasure::Fl, 57.24));
        const auto hadlock = *GrowthStandard::builtIn(QStringLiteral("hadlock"));
        const auto a = FetalGrowth::assess(hadlock, GrowthFindingRules::defaults(), { scan });
        const auto efw = a.scans.first().point(GrowthMeasure::Efw);
        QVERIFY(efw && efw->centile);
        QVERIFY2(*efw->centile < 3, qPrintable(QString::number(*efw->centile)));
        QCOMPARE(a.findings.size(), 1); // Hadlock gives AC no centile: EFW alone is judged
        QCOMPARE(a.findings.first().measure, GrowthMeasure::Efw);
        QCOMPARE(a.findings.first().kind, GrowthFinding::Kind::Fgr);
        QVERIFY(!a.scans.first().point(GrowthMeasure::Ac)->centile);
        // By INTERGROWTH-21st both EFW (from HC and AC) and AC are judged.
        const auto ig = assess({ scan });
        QVERIFY(ig.scans.first().point(GrowthMeasure::Efw)->centile);
        QVERIFY(ig.scans.first().point(GrowthMeasure::Ac)->centile);
    }

    void aScanWithoutDatesOrOutsideTheWeeksIsShownButNotJudged()
    {
        FetalGrowth::Scan undated = acScan(30, 1.0);
        undated.age.reset();
        const auto a = assess({ undated });
        QVERIFY(a.scans.first().points.isEmpty());
        QVERIFY(a.findings.isEmpty());
        FetalGrowth::Scan early;
        early.date = lmp.addDays(12 * 7);
        early.age = GestationalAge::fromWeeksAndDays(12, 0);
        QVERIFY(early.biometry.set(BiometryMeasure::Ac, 55));
        const auto e = assess({ early });
        QVERIFY(e.scans.first().point(GrowthMeasure::Ac)->outsideWeeks);
        QVERIFY(!e.scans.first().point(GrowthMeasure::Ac)->centile);
        QVERIFY(e.findings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFetalGrowth)
#include "tst_fetalgrowth.moc"
