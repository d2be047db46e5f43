#include "cases/casesettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <tuple>

bool CaseSettings::isManaged(const QString &level, bool purple) const
{
    return managedLevels.contains(level) || (purple && managePurple);
}

bool CaseSettings::isReportable(const QString &level, bool purple) const
{
    return reportableLevels.contains(level) || (purple && reportPurple);
}

int CaseSettings::intervalDaysFor(const QString &level, bool purple) const
{
    int days = followUpIntervalDays.value(level, 28);
    if (purple && followUpIntervalDays.contains(QStringLiteral("purple")))
        days = std::min(days, followUpIntervalDays.value(QStringLiteral("purple")));
    return days;
}

int CaseSettings::hospitalRank(const QString &hospitalLevel)
{
    return static_cast<int>(
        QStringList { QStringLiteral("primary"), QStringLiteral("secondary"), QStringLiteral("tertiary") }
            .indexOf(hospitalLevel));
}

QString CaseSettings::hospitalLevelLabel(const QString &hospitalLevel)
{
    if (hospitalLevel == QLatin1String("primary"))
        return tr("primary");
    if (hospitalLevel == QLatin1String("secondary"))
        return tr("secondary");
    if (hospitalLevel == QLatin1String("tertiary"))
        return tr("tertiary");
    return hospitalLevel;
}

QString CaseSettings::requiredDeliveryLevel(const QString &level, bool purple) const
{
    QString required = deliveryHospitalLevel.value(level);
    const QString forPurple = purple ? deliveryHospitalLevel.value(QStringLiteral("purple")) : QString();
    return hospitalRank(forPurple) > hospitalRank(required) ? forPurple : required;
}

CaseSettings CaseSettings::defaults()
{
    QFile file(QStringLiteral(":/cases/case-settings.json"));
    file.open(QIODevice::ReadOnly);
    auto settings = fromJson(file.readAll());
    Q_ASSERT(settings); // the built-in file is validated by the tests
    return settings ? *settings : CaseSettings {};
}

Result<CaseSettings> CaseSettings::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cases.settings-unreadable"),
            tr("The case settings file %1 cannot be read.").arg(path));
    return fromJson(file.readAll());
}

Result<CaseSettings> CaseSettings::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return failure(QStringLiteral("cases.settings-json"),
            tr("The case settings are not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject o = document.object();
    CaseSettings s;
    auto stringList = [](const QJsonValue &value) {
        QStringList list;
        for (const QJsonValue &item : value.toArray())
            list.append(item.toString());
        return list;
    };
    auto days = [&](const char *key, int fallback, int &out) -> bool {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isUndefined()) {
            out = fallback;
            return true;
        }
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 365
            || value.toDouble() != value.toInt())
            return false;
        out = value.toInt();
        return true;
    };
    s.version = o.value(QStringLiteral("version")).toString();
    s.managedLevels = stringList(o.value(QStringLiteral("managedLevels")));
    s.managePurple = o.value(QStringLiteral("managePurple")).toBool(true);
    s.reportableLevels = stringList(o.value(QStringLiteral("reportableLevels")));
    s.reportPurple = o.value(QStringLiteral("reportPurple")).toBool(true);
    s.reportingCountsWorkingDaysOnly
        = o.value(QStringLiteral("reportingCountsWorkingDaysOnly")).toBool(false);
    for (const auto &[key, target, fallback] : { std::tuple { "reportingDays", &s.reportingDays, 3 },
             std::tuple { "lostToFollowUpGraceDays", &s.lostToFollowUpGraceDays, 7 },
             std::tuple { "escalateToDoctorAfterDays", &s.escalateToDoctorAfterDays, 14 },
             std::tuple { "escalateToDistrictAfterDays", &s.escalateToDistrictAfterDays, 28 },
             std::tuple { "eddWindowDays", &s.eddWindowDays, 14 } }) {
        if (!days(key, fallback, *target))
            return failure(QStringLiteral("cases.settings-value"),
                tr("Case setting %1 must be a whole number of days between 0 and 365.")
                    .arg(QLatin1String(key)));
    }
    const QJsonObject intervals = o.value(QStringLiteral("followUpIntervalDays")).toObject();
    for (auto it = intervals.begin(); it != intervals.end(); ++it) {
        const int value = it.value().toInt(-1);
        if (value < 1 || value > 180)
            return failure(QStringLiteral("cases.settings-value"),
                tr("The follow-up interval for %1 must be between 1 and 180 days.").arg(it.key()));
        s.followUpIntervalDays.insert(it.key(), value);
    }
    const QJsonObject hospitals = o.value(QStringLiteral("deliveryHospitalLevel")).toObject();
    for (auto it = hospitals.begin(); it != hospitals.end(); ++it) {
        if (hospitalRank(it.value().toString()) < 0)
            return failure(QStringLiteral("cases.settings-value"),
                tr("The delivery hospital level for %1 must be primary, secondary or tertiary.")
                    .arg(it.key()));
        s.deliveryHospitalLevel.insert(it.key(), it.value().toString());
    }
    if (s.escalateToDoctorAfterDays < s.lostToFollowUpGraceDays
        || s.escalateToDistrictAfterDays < s.escalateToDoctorAfterDays)
        return failure(QStringLiteral("cases.settings-value"),
            tr("Escalation must come after the grace period: grace ≤ doctor ≤ district days."));
    return s;
}
