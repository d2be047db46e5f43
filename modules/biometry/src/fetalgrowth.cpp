#include "biometry/fetalgrowth.h"

#include <QLocale>

#include <algorithm>

std::optional<FetalGrowth::Point> FetalGrowth::ScanResult::point(GrowthMeasure measure) const
{
    for (const Point &p : points)
        if (p.measure == measure)
            return p;
    return std::nullopt;
}

QList<GrowthFinding> FetalGrowth::Assessment::current() const
{
    QList<GrowthFinding> latest;
    for (auto scan = scans.crbegin(); scan != scans.crend(); ++scan) {
        const bool judged = std::any_of(
            scan->points.begin(), scan->points.end(), [](const Point &p) { return p.centile.has_value(); });
        if (!judged)
            continue;
        for (const GrowthFinding &f : findings)
            if (f.date == scan->scan.date)
                latest.append(f);
        break;
    }
    return latest;
}

namespace {
int centilesCrossedDownwards(const GrowthFindingRules &rules, double from, double to)
{
    return int(std::count_if(rules.majorCentiles.begin(), rules.majorCentiles.end(),
        [&](double major) { return from > major && to < major; }));
}
} // namespace

FetalGrowth::Assessment FetalGrowth::assess(
    const GrowthStandard &standard, const GrowthFindingRules &rules, QList<Scan> scans)
{
    std::stable_sort(
        scans.begin(), scans.end(), [](const Scan &a, const Scan &b) { return a.date < b.date; });
    Assessment assessment;
    assessment.standardName = standard.name();
    for (const Scan &scan : std::as_const(scans)) {
        ScanResult result { scan, {} };
        if (scan.age) {
            const double weeks = scan.age->totalDays() / 7.0;
            for (GrowthMeasure m : GrowthMeasures::all()) {
                const auto biometry = GrowthMeasures::biometryMeasure(m);
                const auto value = biometry ? scan.biometry.millimetres(*biometry)
                                            : standard.estimatedWeightGrams(scan.biometry);
                if (!value)
                    continue;
                Point p { m, *value, weeks, standard.zScore(m, weeks, *value), std::nullopt,
                    !standard.covers(m, weeks) };
                if (p.z)
                    p.centile = GrowthStandard::centileOfZ(*p.z);
                result.points.append(p);
            }
        }
        // Findings of this scan, measure by measure: below the 3rd, or fallen across major
        // centiles since an earlier scan, is FGR; otherwise below the 10th SGA, above the 90th LGA.
        for (GrowthMeasure m : rules.measures) {
            const auto p = result.point(m);
            if (!p || !p->centile)
                continue;
            GrowthFinding f;
            f.measure = m;
            f.standardName = standard.name();
            f.date = scan.date;
            f.age = *scan.age;
            f.value = p->value;
            f.centile = *p->centile;
            for (const ScanResult &earlier : std::as_const(assessment.scans)) {
                const auto before = earlier.point(m);
                if (!before || !before->centile)
                    continue;
                const int crossed = centilesCrossedDownwards(rules, *before->centile, f.centile);
                if (crossed >= rules.fgrCrossedCentiles && crossed > f.crossedCentiles) {
                    f.crossedCentiles = crossed;
                    f.fromDate = earlier.scan.date;
                    f.fromAge = earlier.scan.age;
                    f.fromCentile = *before->centile;
                }
            }
            if (f.centile < rules.fgrBelowCentile) {
                f.kind = GrowthFinding::Kind::Fgr;
                f.fromDate.reset(); // below the 3rd says it all
                f.fromAge.reset();
                f.crossedCentiles = 0;
            } else if (f.byCrossing()) {
                f.kind = GrowthFinding::Kind::Fgr;
            } else if (f.centile < rules.sgaBelowCentile) {
                f.kind = GrowthFinding::Kind::Sga;
            } else if (f.centile > rules.lgaAboveCentile) {
                f.kind = GrowthFinding::Kind::Lga;
            } else {
                continue;
            }
            assessment.findings.append(f);
        }
        assessment.scans.append(result);
    }
    return assessment;
}

QString FetalGrowth::pointText(const Point &point)
{
    const QLocale locale;
    // The unit is in the column's header.
    const QString value = point.measure == GrowthMeasure::Efw ? locale.toString(qRound(point.value))
                                                              : locale.toString(point.value, 'f', 1);
    if (point.outsideWeeks)
        return tr("%1 (outside the standard's weeks)").arg(value);
    if (!point.centile)
        return value;
    return tr("%1 · %2").arg(value, GrowthFinding::centileText(*point.centile));
}
