#include "ctg/ctgjson.h"

#include <QJsonArray>

#include <cmath>

namespace {
double rounded(double value, int decimals = 2)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QString typeName(CtgEvent::Type type)
{
    switch (type) {
    case CtgEvent::Type::Acceleration:
        return QStringLiteral("acceleration");
    case CtgEvent::Type::Deceleration:
        return QStringLiteral("deceleration");
    case CtgEvent::Type::Contraction:
        return QStringLiteral("contraction");
    }
    return {};
}

QJsonObject classificationJson(const CtgClassification &c, const char *key)
{
    return { { QLatin1String(key), c.value },
        { QStringLiteral("reasons"), QJsonArray::fromStringList(reasonTexts(c.reasons)) } };
}
} // namespace

QJsonObject CtgJson::toJson(const CtgAnalysis &a, bool withBaselineSeries, double firstSampleSeconds)
{
    const auto clock = [firstSampleSeconds](double seconds) { return rounded(seconds + firstSampleSeconds); };
    QJsonArray windows;
    for (const CtgWindow &w : a.windows)
        windows.append(QJsonObject { { QStringLiteral("startSeconds"), clock(w.startSeconds) },
            { QStringLiteral("endSeconds"), clock(w.endSeconds) },
            { QStringLiteral("baselineBpm"),
                w.baselineBpm ? QJsonValue(rounded(*w.baselineBpm, 1)) : QJsonValue() },
            { QStringLiteral("baselineRoundedBpm"),
                w.baselineRoundedBpm ? QJsonValue(*w.baselineRoundedBpm) : QJsonValue() },
            { QStringLiteral("variabilityBpm"),
                w.variabilityBpm ? QJsonValue(rounded(*w.variabilityBpm, 1)) : QJsonValue() },
            { QStringLiteral("variabilityClass"), w.variabilityClass },
            { QStringLiteral("lostPercent"), rounded(w.lostPercent, 1) },
            { QStringLiteral("trustworthyPercent"),
                rounded(a.signalQuality.trustworthyPercentByWindow.value(windows.size()), 1) },
            { QStringLiteral("contractions"), w.contractions } });
    QJsonArray stretches;
    for (const CtgSuspectStretch &s : a.signalQuality.stretches)
        stretches.append(QJsonObject { { QStringLiteral("kind"), s.kindName() },
            { QStringLiteral("startSeconds"), clock(s.startSeconds) },
            { QStringLiteral("endSeconds"), clock(s.endSeconds) },
            { QStringLiteral("levelBpm"), rounded(s.levelBpm, 1) } });
    QJsonArray events;
    int decelerations = 0;
    QJsonObject decelerationTypes;
    for (const CtgEvent &e : a.events) {
        QJsonObject event { { QStringLiteral("type"), typeName(e.type) },
            { QStringLiteral("startSeconds"), clock(e.startSeconds) },
            { QStringLiteral("endSeconds"), clock(e.endSeconds) },
            { QStringLiteral("peakSeconds"), clock(e.peakSeconds) },
            { QStringLiteral("durationSeconds"), rounded(e.durationSeconds()) },
            { e.type == CtgEvent::Type::Contraction ? QStringLiteral("amplitude")
                                                    : QStringLiteral("amplitudeBpm"),
                rounded(e.amplitude, 1) } };
        if (!e.subtype.isEmpty())
            event.insert(QStringLiteral("subtype"), e.subtype);
        if (e.type == CtgEvent::Type::Deceleration) {
            ++decelerations;
            decelerationTypes.insert(e.subtype, decelerationTypes.value(e.subtype).toInt() + 1);
        }
        events.append(event);
    }
    int contractions = 0;
    for (const CtgEvent &e : a.events)
        contractions += e.type == CtgEvent::Type::Contraction ? 1 : 0;
    QJsonObject o {
        { QStringLiteral("samplingRateHz"), a.sampleRateHz },
        { QStringLiteral("firstSampleSeconds"), rounded(firstSampleSeconds) },
        { QStringLiteral("durationSeconds"), rounded(a.durationSeconds) },
        { QStringLiteral("signalQuality"),
            QJsonObject { { QStringLiteral("lostPercent"), rounded(a.lostPercent, 1) },
                { QStringLiteral("trustworthyPercent"), rounded(a.signalQuality.trustworthyPercent, 1) },
                { QStringLiteral("mayBeMaternal"), a.signalQuality.mayBeMaternal() },
                { QStringLiteral("suspectStretches"), stretches } } },
        { QStringLiteral("baselineBpm"),
            a.meanBaselineBpm ? QJsonValue(rounded(*a.meanBaselineBpm, 1)) : QJsonValue() },
        { QStringLiteral("windows"), windows },
        { QStringLiteral("events"), events },
        { QStringLiteral("accelerations"), a.accelerations },
        { QStringLiteral("decelerations"),
            QJsonObject { { QStringLiteral("count"), decelerations },
                { QStringLiteral("byType"), decelerationTypes } } },
        { QStringLiteral("contractions"),
            QJsonObject { { QStringLiteral("count"), contractions },
                { QStringLiteral("perTenMinutes"), rounded(a.contractionsPerTenMinutes, 1) },
                { QStringLiteral("tachysystole"), a.tachysystole } } },
        { QStringLiteral("sinusoidal"), a.sinusoidal },
        { QStringLiteral("tachycardia"), a.tachycardia },
        { QStringLiteral("bradycardia"), a.bradycardia },
        { QStringLiteral("nst"),
            QJsonObject {
                { QStringLiteral("reactive"), a.nstReactive ? QJsonValue(*a.nstReactive) : QJsonValue() } } },
        { QStringLiteral("figo"), classificationJson(a.figo, "classification") },
        { QStringLiteral("nichd"), classificationJson(a.nichd, "category") },
    };
    if (withBaselineSeries) {
        QJsonArray series;
        for (float v : a.baselineCurve)
            series.append(std::isnan(v) ? QJsonValue() : QJsonValue(rounded(v, 2)));
        o.insert(QStringLiteral("baselineSeries"), series);
    }
    return o;
}
