#include "biometry/growthfindingrules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

GrowthFindingRules GrowthFindingRules::defaults()
{
    QFile file(QStringLiteral(":/growth/growth-findings.json"));
    file.open(QIODevice::ReadOnly);
    auto rules = fromJson(file.readAll());
    Q_ASSERT(rules); // the built-in file is validated by tst_fetalgrowth
    return rules ? *rules : GrowthFindingRules {};
}

Result<GrowthFindingRules> GrowthFindingRules::fromJson(const QByteArray &json)
{
    const auto invalid = [](const QString &why) {
        return failure(QStringLiteral("growth.rules-invalid"), tr("Growth finding rules: %1").arg(why));
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return invalid(parseError.errorString());
    const QJsonObject o = document.object();
    GrowthFindingRules r;
    r.version = o.value(QStringLiteral("version")).toString();
    r.source = o.value(QStringLiteral("source")).toString();
    if (r.source.trimmed().isEmpty())
        return invalid(tr("the rules cite their source."));
    for (const QJsonValue &v : o.value(QStringLiteral("measures")).toArray()) {
        const auto measure = GrowthMeasures::fromKey(v.toString());
        if (!measure)
            return invalid(tr("unknown measure \"%1\".").arg(v.toString()));
        r.measures.append(*measure);
    }
    if (r.measures.isEmpty())
        return invalid(tr("no measure is judged."));
    const auto centile = [&o](const char *key, double &into) {
        into = o.value(QLatin1String(key)).toDouble(-1);
        return into > 0 && into < 100;
    };
    if (!centile("sgaBelowCentile", r.sgaBelowCentile) || !centile("fgrBelowCentile", r.fgrBelowCentile)
        || !centile("lgaAboveCentile", r.lgaAboveCentile) || r.fgrBelowCentile >= r.sgaBelowCentile
        || r.sgaBelowCentile >= r.lgaAboveCentile)
        return invalid(tr("the centile limits lie between 0 and 100, FGR below SGA below LGA."));
    for (const QJsonValue &v : o.value(QStringLiteral("majorCentiles")).toArray())
        r.majorCentiles.append(v.toDouble(-1));
    if (r.majorCentiles.size() < 2 || !std::is_sorted(r.majorCentiles.begin(), r.majorCentiles.end())
        || r.majorCentiles.first() <= 0 || r.majorCentiles.last() >= 100)
        return invalid(tr("the major centiles rise between 0 and 100."));
    r.fgrCrossedCentiles = o.value(QStringLiteral("fgrCrossedCentiles")).toInt(0);
    if (r.fgrCrossedCentiles < 1 || r.fgrCrossedCentiles >= r.majorCentiles.size())
        return invalid(tr("\"fgrCrossedCentiles\" is at least 1 and fewer than the major centiles."));
    return r;
}
