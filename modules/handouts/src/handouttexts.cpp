#include "handouts/handouttexts.h"

#include "handoutslog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QStringList &requiredLevels()
{
    static const QStringList levels { QStringLiteral("green"), QStringLiteral("yellow"),
        QStringLiteral("orange"), QStringLiteral("red"), QStringLiteral("purple"), QStringLiteral("none") };
    return levels;
}
} // namespace

QString HandoutTexts::Bilingual::in(const QLocale &locale) const
{
    return locale.language() == QLocale::Chinese ? zh : en;
}

Result<HandoutTexts> HandoutTexts::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            QStringLiteral("handouts.unreadable"), tr("The handout texts %1 cannot be read.").arg(path));
    return fromJson(file.readAll());
}

Result<HandoutTexts> HandoutTexts::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return failure(QStringLiteral("handouts.malformed"),
            tr("The handout texts are not valid JSON: %1.").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    auto bilingual = [](const QJsonValue &value) -> std::optional<Bilingual> {
        const QJsonObject o = value.toObject();
        Bilingual b { o.value(QLatin1String("zh")).toString().trimmed(),
            o.value(QLatin1String("en")).toString().trimmed() };
        if (b.zh.isEmpty() || b.en.isEmpty())
            return std::nullopt;
        return b;
    };
    HandoutTexts texts;
    texts.m_version = root.value(QLatin1String("version")).toString();
    if (texts.m_version.isEmpty())
        return failure(QStringLiteral("handouts.invalid"), tr("The handout texts have no version."));
    const QJsonObject levels = root.value(QLatin1String("levels")).toObject();
    for (const QString &level : requiredLevels()) {
        const QJsonObject entry = levels.value(level).toObject();
        const auto label = bilingual(entry.value(QLatin1String("label")));
        const auto meaning = bilingual(entry.value(QLatin1String("meaning")));
        if (!label || !meaning)
            return failure(QStringLiteral("handouts.invalid"),
                tr("The handout texts lack the Chinese or English label or meaning of the grade %1.")
                    .arg(level));
        texts.m_labels.insert(level, *label);
        texts.m_meanings.insert(level, *meaning);
    }
    const auto signs = bilingual(root.value(QLatin1String("warningSigns")));
    if (!signs)
        return failure(QStringLiteral("handouts.invalid"), tr("The handout texts lack the warning signs."));
    texts.m_warningSigns = *signs;
    int nextWeek = 0;
    for (const QJsonValue &value : root.value(QLatin1String("appointments")).toArray()) {
        const QJsonObject o = value.toObject();
        Window window { o.value(QLatin1String("fromWeeks")).toInt(-1),
            o.value(QLatin1String("toWeeks")).toInt(-1), {} };
        const auto purpose = bilingual(o.value(QLatin1String("purpose")));
        // The windows cover the pregnancy without gap or overlap, so every date has one purpose.
        if (!purpose || window.fromWeeks != nextWeek || window.toWeeks < window.fromWeeks)
            return failure(QStringLiteral("handouts.invalid"),
                tr("The appointment window starting at week %1 of the handout texts is not valid: "
                   "windows must follow each other from week 0 without gaps, each with both texts.")
                    .arg(window.fromWeeks));
        window.purpose = *purpose;
        texts.m_windows.append(window);
        nextWeek = window.toWeeks + 1;
    }
    if (texts.m_windows.isEmpty())
        return failure(
            QStringLiteral("handouts.invalid"), tr("The handout texts have no appointment windows."));
    qCDebug(lcHandouts) << "handout texts" << texts.m_version << "with" << texts.m_windows.size()
                        << "windows";
    return texts;
}

QString HandoutTexts::levelLabel(const QString &level, const QLocale &locale) const
{
    return m_labels.value(m_labels.contains(level) ? level : QStringLiteral("none")).in(locale);
}

QString HandoutTexts::levelMeaning(const QString &level, const QLocale &locale) const
{
    return m_meanings.value(m_meanings.contains(level) ? level : QStringLiteral("none")).in(locale);
}

QString HandoutTexts::purposeAt(const GestationalAge &age, const QLocale &locale) const
{
    const int week = age.completedWeeks();
    for (const Window &window : m_windows)
        if (week >= window.fromWeeks && week <= window.toWeeks)
            return window.purpose.in(locale);
    return {};
}

QString HandoutTexts::warningSigns(const QLocale &locale) const
{
    return m_warningSigns.in(locale);
}
