#include "risk/riskjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace {
// Where the laboratory gives no upper limit of normal for creatinine: the usual adult female
// limit of enzymatic assays (µmol/L). Reported in the evidence so that a reader sees it.
constexpr double DefaultCreatinineUpperLimit = 84.0;

class InputReader
{
public:
    explicit InputReader(const QJsonObject &root) : m_root(root) {}

    Error error(const QString &key, const QString &message) const
    {
        return Error{QStringLiteral("risk.input"), RiskJson::tr("%1: %2").arg(key, message)};
    }

    Result<QDate> date(const QJsonObject &o, const QString &key, const QString &path, bool required) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return tl::unexpected(error(path, RiskJson::tr("is required (YYYY-MM-DD).")));
            return QDate();
        }
        const QDate d = v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
        if (!d.isValid() || v.toString().size() != 10)
            return tl::unexpected(error(path, RiskJson::tr("must be a date written YYYY-MM-DD.")));
        return d;
    }

    Result<std::optional<double>> number(const QJsonObject &o, const QString &key, const QString &path, double low,
                                         double high, bool integer) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::optional<double>();
        if (!v.isDouble())
            return tl::unexpected(error(path, RiskJson::tr("must be a number.")));
        const double x = v.toDouble();
        if (integer && x != std::floor(x))
            return tl::unexpected(error(path, RiskJson::tr("must be a whole number.")));
        if (x < low || x > high)
            return tl::unexpected(error(path, RiskJson::tr("%1 is impossible here (expected %2 to %3).").arg(x).arg(low).arg(high)));
        return std::optional<double>(x);
    }

    Result<std::optional<bool>> serology(const QJsonObject &o, const QString &key, const QString &path) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::optional<bool>();
        if (v.isBool())
            return std::optional<bool>(v.toBool());
        const QString s = v.toString().trimmed().toLower();
        if (s == QLatin1String("positive") || s == QLatin1String("reactive") || s == QStringLiteral("阳性") || s == QLatin1String("+"))
            return std::optional<bool>(true);
        if (s == QLatin1String("negative") || s == QLatin1String("nonreactive") || s == QLatin1String("non-reactive")
            || s == QStringLiteral("阴性") || s == QLatin1String("-"))
            return std::optional<bool>(false);
        return tl::unexpected(error(path, RiskJson::tr("must be \"positive\" or \"negative\".")));
    }

    static std::optional<Error> unknownKeys(const QJsonObject &o, const QStringList &known, const QString &prefix)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                return Error{QStringLiteral("risk.input"),
                             RiskJson::tr("%1: unknown key (allowed: %2).").arg(prefix + it.key(), known.join(QStringLiteral(", ")))};
        return std::nullopt;
    }

private:
    QJsonObject m_root;
};

Result<BloodPressureReading> readBloodPressure(const InputReader &r, const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return tl::unexpected(r.error(path, RiskJson::tr("must be an object with systolic and diastolic.")));
    const QJsonObject o = value.toObject();
    if (auto bad = InputReader::unknownKeys(o, {QStringLiteral("systolic"), QStringLiteral("diastolic"), QStringLiteral("date")},
                                            path + QLatin1Char('.')))
        return tl::unexpected(*bad);
    auto systolic = r.number(o, QStringLiteral("systolic"), path + QStringLiteral(".systolic"), 50, 300, true);
    if (!systolic)
        return tl::unexpected(systolic.error());
    auto diastolic = r.number(o, QStringLiteral("diastolic"), path + QStringLiteral(".diastolic"), 20, 200, true);
    if (!diastolic)
        return tl::unexpected(diastolic.error());
    if (!*systolic || !*diastolic)
        return tl::unexpected(r.error(path, RiskJson::tr("needs both systolic and diastolic.")));
    if (**diastolic >= **systolic)
        return tl::unexpected(r.error(path, RiskJson::tr("diastolic must be lower than systolic.")));
    auto date = r.date(o, QStringLiteral("date"), path + QStringLiteral(".date"), false);
    if (!date)
        return tl::unexpected(date.error());
    return BloodPressureReading{static_cast<int>(**systolic), static_cast<int>(**diastolic), *date, QString()};
}
} // namespace

Result<RiskInput> RiskJson::parseInput(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(QStringLiteral("risk.input"),
            tr("The input is not valid JSON: %1 (at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return failure(QStringLiteral("risk.input"),
            tr("The input must be one JSON object {\"assessedOn\": ...}, not an array or a value."));
    const QJsonObject o = document.object();
    const InputReader r(o);
    if (auto bad = InputReader::unknownKeys(
            o,
            {QStringLiteral("assessedOn"), QStringLiteral("birthDate"), QStringLiteral("heightCm"), QStringLiteral("weightKg"),
             QStringLiteral("fetuses"), QStringLiteral("gestationalWeeks"), QStringLiteral("uterineSurgeries"),
             QStringLiteral("lastUterineSurgeryDate"), QStringLiteral("labs"), QStringLiteral("bp"), QStringLiteral("bpReadings"),
             QStringLiteral("presentation"), QStringLiteral("findings")},
            QString()))
        return tl::unexpected(*bad);

    RiskInput in;
    auto assessedOn = r.date(o, QStringLiteral("assessedOn"), QStringLiteral("assessedOn"), true);
    if (!assessedOn)
        return tl::unexpected(assessedOn.error());
    in.assessedOn = *assessedOn;
    auto birthDate = r.date(o, QStringLiteral("birthDate"), QStringLiteral("birthDate"), false);
    if (!birthDate)
        return tl::unexpected(birthDate.error());
    in.birthDate = *birthDate;
    if (in.birthDate.isValid()) {
        if (in.birthDate >= in.assessedOn)
            return tl::unexpected(r.error(QStringLiteral("birthDate"), tr("must be before assessedOn.")));
        const qint64 days = in.birthDate.daysTo(in.assessedOn);
        if (days < 10 * 365 || days > 66 * 366)
            return tl::unexpected(r.error(QStringLiteral("birthDate"), tr("gives an impossible age for a pregnancy.")));
    }

    auto measurement = [&](const QJsonObject &from, const char *key, const QString &path, double low, double high,
                           std::optional<Measurement> &target) -> std::optional<Error> {
        auto value = r.number(from, QLatin1String(key), path, low, high, false);
        if (!value)
            return value.error();
        if (*value)
            target = Measurement{**value, in.assessedOn, QString()};
        return std::nullopt;
    };
    if (auto e = measurement(o, "heightCm", QStringLiteral("heightCm"), 100, 220, in.heightCm))
        return tl::unexpected(*e);
    if (auto e = measurement(o, "weightKg", QStringLiteral("weightKg"), 25, 250, in.weightKg))
        return tl::unexpected(*e);

    auto fetuses = r.number(o, QStringLiteral("fetuses"), QStringLiteral("fetuses"), 1, 8, true);
    if (!fetuses)
        return tl::unexpected(fetuses.error());
    if (*fetuses)
        in.fetuses = static_cast<int>(**fetuses);
    auto weeks = r.number(o, QStringLiteral("gestationalWeeks"), QStringLiteral("gestationalWeeks"), 0, 45, false);
    if (!weeks)
        return tl::unexpected(weeks.error());
    in.gestationalWeeks = *weeks;
    auto surgeries = r.number(o, QStringLiteral("uterineSurgeries"), QStringLiteral("uterineSurgeries"), 0, 10, true);
    if (!surgeries)
        return tl::unexpected(surgeries.error());
    if (*surgeries)
        in.uterineSurgeries = static_cast<int>(**surgeries);
    auto lastSurgery = r.date(o, QStringLiteral("lastUterineSurgeryDate"), QStringLiteral("lastUterineSurgeryDate"), false);
    if (!lastSurgery)
        return tl::unexpected(lastSurgery.error());
    in.lastUterineSurgeryDate = *lastSurgery;
    if (in.lastUterineSurgeryDate.isValid()) {
        if (in.lastUterineSurgeryDate > in.assessedOn)
            return tl::unexpected(r.error(QStringLiteral("lastUterineSurgeryDate"), tr("is after assessedOn.")));
        if (in.birthDate.isValid() && in.lastUterineSurgeryDate <= in.birthDate)
            return tl::unexpected(r.error(QStringLiteral("lastUterineSurgeryDate"), tr("is before the birth date.")));
        if (in.uterineSurgeries && *in.uterineSurgeries == 0)
            return tl::unexpected(r.error(QStringLiteral("lastUterineSurgeryDate"),
                                          tr("is given but uterineSurgeries is 0.")));
        if (!in.uterineSurgeries)
            in.uterineSurgeries = 1; // a dated operation is at least one operation
    }

    const QJsonValue labsValue = o.value(QStringLiteral("labs"));
    if (!labsValue.isUndefined() && !labsValue.isNull()) {
        if (!labsValue.isObject())
            return tl::unexpected(r.error(QStringLiteral("labs"), tr("must be an object.")));
        const QJsonObject labs = labsValue.toObject();
        if (auto bad = InputReader::unknownKeys(labs,
                                                {QStringLiteral("hb"), QStringLiteral("plt"), QStringLiteral("creatinine"),
                                                 QStringLiteral("creatinineUpperLimit"), QStringLiteral("hbsag"),
                                                 QStringLiteral("syphilis"), QStringLiteral("hiv")},
                                                QStringLiteral("labs.")))
            return tl::unexpected(*bad);
        // Haemoglobin is in g/L, as the table writes it. Below 20 g/L it is almost surely g/dL
        // (a woman with "9.5" would otherwise be graded red for Hb ≤40 g/L).
        if (const QJsonValue hb = labs.value(QStringLiteral("hb")); hb.isDouble() && hb.toDouble() < 20)
            return tl::unexpected(r.error(QStringLiteral("labs.hb"),
                tr("%1 is impossible in g/L (expected 20 to 250; a value "
                   "in g/dL is multiplied by 10).")
                    .arg(hb.toDouble())));
        if (auto e = measurement(labs, "hb", QStringLiteral("labs.hb"), 20, 250, in.hbGramsPerLitre))
            return tl::unexpected(*e);
        if (auto e = measurement(labs, "plt", QStringLiteral("labs.plt"), 0, 2000, in.plateletsE9PerLitre))
            return tl::unexpected(*e);
        if (auto e = measurement(labs, "creatinine", QStringLiteral("labs.creatinine"), 5, 3000, in.creatinineMicromolPerLitre))
            return tl::unexpected(*e);
        auto limit = r.number(labs, QStringLiteral("creatinineUpperLimit"), QStringLiteral("labs.creatinineUpperLimit"), 20, 300, false);
        if (!limit)
            return tl::unexpected(limit.error());
        in.creatinineUpperLimit = *limit;
        if (in.creatinineMicromolPerLitre && !in.creatinineUpperLimit)
            in.creatinineUpperLimit = DefaultCreatinineUpperLimit;
        for (const auto &[key, target] : {std::pair{"hbsag", &in.hbsagPositive}, std::pair{"syphilis", &in.syphilisPositive},
                                          std::pair{"hiv", &in.hivPositive}}) {
            auto positive = r.serology(labs, QLatin1String(key), QStringLiteral("labs.") + QLatin1String(key));
            if (!positive)
                return tl::unexpected(positive.error());
            if (*positive)
                *target = Measurement{**positive ? 1.0 : 0.0, in.assessedOn, QString()};
        }
    }

    const QJsonValue bp = o.value(QStringLiteral("bp"));
    if (!bp.isUndefined() && !bp.isNull()) {
        auto reading = readBloodPressure(r, bp, QStringLiteral("bp"));
        if (!reading)
            return tl::unexpected(reading.error());
        if (!reading->date.isValid())
            reading->date = in.assessedOn;
        in.bloodPressures.append(*reading);
    }
    const QJsonValue readings = o.value(QStringLiteral("bpReadings"));
    if (!readings.isUndefined() && !readings.isNull()) {
        if (!readings.isArray())
            return tl::unexpected(r.error(QStringLiteral("bpReadings"), tr("must be an array of readings.")));
        int index = 0;
        for (const QJsonValue &value : readings.toArray()) {
            auto reading = readBloodPressure(r, value, QStringLiteral("bpReadings[%1]").arg(index++));
            if (!reading)
                return tl::unexpected(reading.error());
            in.bloodPressures.append(*reading);
        }
    }

    const QJsonValue presentation = o.value(QStringLiteral("presentation"));
    if (!presentation.isUndefined() && !presentation.isNull()) {
        const auto parsed = presentationFromKey(presentation.toString());
        if (!presentation.isString() || !parsed)
            return tl::unexpected(r.error(QStringLiteral("presentation"),
                                          tr("must be cephalic, breech, transverse, oblique or unknown.")));
        if (*parsed != FetalPresentation::Unknown && in.gestationalWeeks && *in.gestationalWeeks >= 36) {
            const bool malpresented = *parsed != FetalPresentation::Cephalic;
            in.malpresentationAtOrAfter36Weeks = Measurement{malpresented ? 1.0 : 0.0, in.assessedOn, QString()};
        }
    }

    const QJsonValue findings = o.value(QStringLiteral("findings"));
    if (!findings.isUndefined() && !findings.isNull()) {
        if (!findings.isArray())
            return tl::unexpected(r.error(QStringLiteral("findings"), tr("must be an array of rule ids.")));
        for (const QJsonValue &value : findings.toArray()) {
            if (!value.isString())
                return tl::unexpected(r.error(QStringLiteral("findings"), tr("must contain rule ids as strings.")));
            if (!in.findings.contains(value.toString()))
                in.findings.append(value.toString());
        }
    }
    return in;
}

namespace {
QJsonObject labelJson(const LocalizedText &text)
{
    return {{QStringLiteral("zh"), text.zh}, {QStringLiteral("en"), text.en}};
}

QJsonArray evidenceJson(const QList<Evidence> &evidence)
{
    QJsonArray array;
    for (const Evidence &e : evidence) {
        QJsonObject item{{QStringLiteral("input"), e.input}};
        if (e.input == QLatin1String("finding")) {
            item.insert(QStringLiteral("value"), QStringLiteral("ticked by a clinician"));
        } else {
            // Two decimals are exact enough for every input and keep BMI readable (28.13).
            item.insert(QStringLiteral("value"), std::round(e.value * 100.0) / 100.0);
            if (!e.unit.isEmpty())
                item.insert(QStringLiteral("unit"), e.unit);
        }
        if (e.date.isValid())
            item.insert(QStringLiteral("date"), e.date.toString(Qt::ISODate));
        if (!e.sourceId.isEmpty())
            item.insert(QStringLiteral("sourceRecord"), e.sourceId);
        array.append(item);
    }
    return array;
}

QJsonObject ruleJson(const FiredRule &fired)
{
    return {{QStringLiteral("id"), fired.rule->id},
            {QStringLiteral("level"), fired.rule->level},
            {QStringLiteral("group"), fired.rule->group},
            {QStringLiteral("label"), labelJson(fired.rule->label)},
            {QStringLiteral("source"), fired.byFinding ? QStringLiteral("finding") : QStringLiteral("computed")},
            {QStringLiteral("evidence"), evidenceJson(fired.evidence)}};
}
} // namespace

QJsonObject RiskJson::toJson(const RiskAssessment &a)
{
    QJsonArray fired;
    for (const FiredRule &f : a.fired)
        fired.append(ruleJson(f));
    QJsonArray suggestions;
    for (const FiredRule &s : a.suggestions) {
        QJsonObject item = ruleJson(s);
        item.remove(QStringLiteral("source"));
        suggestions.append(item);
    }
    return {{QStringLiteral("ruleSet"), QJsonObject{{QStringLiteral("id"), a.ruleSetId}, {QStringLiteral("version"), a.ruleSetVersion}}},
            {QStringLiteral("assessedOn"), a.assessedOn.toString(Qt::ISODate)},
            {QStringLiteral("grade"), a.grade},
            {QStringLiteral("purple"), a.purple},
            {QStringLiteral("firedRules"), fired},
            {QStringLiteral("suggestions"), suggestions}};
}
