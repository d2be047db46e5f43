#include "risk/screeningchecklist.h"

#include <QFile>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace {
Error invalid(const QString &message)
{
    return Error{QStringLiteral("risk.screening-invalid"), message};
}

bool isComplete(const LocalizedText &text)
{
    return !text.zh.trimmed().isEmpty() && !text.en.trimmed().isEmpty();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &v : value.toArray())
        strings.append(v.toString());
    return strings;
}
} // namespace

const ScreeningItem *ScreeningChecklist::item(const QString &itemId) const
{
    for (const ScreeningItem &i : items)
        if (i.id == itemId)
            return &i;
    return nullptr;
}

QList<const ScreeningItem *> ScreeningChecklist::itemsOf(const QString &sectionId) const
{
    QList<const ScreeningItem *> found;
    for (const ScreeningItem &i : items)
        if (i.section == sectionId)
            found.append(&i);
    return found;
}

QList<ScreeningAnswer> ScreeningChecklist::answersFromRecord(const RiskInput &input) const
{
    const DerivedInputs values = RiskInputs::derive(input);
    QList<ScreeningAnswer> answers;
    for (const ScreeningItem &i : items) {
        QList<RiskInputId> used;
        if (i.condition && i.condition->holds(values, &used))
            answers.append({&i, true, RiskEngine::evidenceOf(used, values)});
    }
    return answers;
}

QStringList ScreeningChecklist::noFromRecord(const RiskInput &input) const
{
    const DerivedInputs values = RiskInputs::derive(input);
    QStringList ids;
    for (const ScreeningItem &i : items)
        if (i.condition && i.condition->allInputsKnown(values) && !i.condition->holds(values, nullptr))
            ids.append(i.id);
    return ids;
}

Result<ScreeningResult> ScreeningChecklist::evaluate(const RiskInput &input, const QStringList &ticked) const
{
    for (const QString &itemId : ticked)
        if (!item(itemId))
            return failure(QStringLiteral("risk.screening-item"),
                           tr("\"%1\" is not an item of screening form %2 %3.").arg(itemId, id, version));
    const QList<ScreeningAnswer> fromRecord = answersFromRecord(input);
    ScreeningResult result;
    for (const ScreeningItem &i : items) {
        const auto recorded = std::find_if(fromRecord.cbegin(), fromRecord.cend(),
                                           [&i](const ScreeningAnswer &a) { return a.item == &i; });
        if (recorded != fromRecord.cend())
            result.answers.append(*recorded);
        else if (ticked.contains(i.id))
            result.answers.append({&i, false, {}});
        else
            continue;
        for (const QString &rule : i.suggests)
            if (!result.suggestedRules.contains(rule))
                result.suggestedRules.append(rule);
    }
    result.positive = !result.answers.isEmpty();
    return result;
}

Result<ScreeningChecklist> ScreeningChecklist::fromFile(const QString &path, const RuleSet &rules)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("risk.screening-unreadable"), tr("The screening form file %1 cannot be read.").arg(path));
    return fromJson(file.readAll(), rules);
}

Result<ScreeningChecklist> ScreeningChecklist::fromJson(const QByteArray &json, const RuleSet &rules)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return tl::unexpected(invalid(tr("The screening form is not valid JSON: %1 (at byte %2).")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset)));
    const QJsonObject o = document.object();
    ScreeningChecklist form;
    form.id = o.value(QStringLiteral("id")).toString();
    form.version = o.value(QStringLiteral("version")).toString();
    form.ruleSetId = o.value(QStringLiteral("ruleSet")).toString();
    form.title = LocalizedText::fromJson(o.value(QStringLiteral("title")));
    if (form.id.isEmpty() || form.version.isEmpty())
        return tl::unexpected(invalid(tr("The screening form needs an id and a version.")));
    // The form leads into one rule set's assessment: its groups and items must exist there.
    if (form.ruleSetId != rules.id)
        return tl::unexpected(invalid(tr("The screening form belongs to rule set \"%1\", but the active rule set is \"%2\".")
                                          .arg(form.ruleSetId, rules.id)));

    QSet<QString> partIds;
    for (const QJsonValue &value : o.value(QStringLiteral("parts")).toArray()) {
        ScreeningPart part{value.toObject().value(QStringLiteral("id")).toString(), LocalizedText::fromJson(value.toObject().value(QStringLiteral("label")))};
        if (part.id.isEmpty() || partIds.contains(part.id) || !isComplete(part.label))
            return tl::unexpected(invalid(tr("Part \"%1\" needs its own id and a Chinese and an English label.").arg(part.id)));
        partIds.insert(part.id);
        form.parts.append(part);
    }
    QSet<QString> sectionIds;
    for (const QJsonValue &value : o.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject s = value.toObject();
        ScreeningSection section{s.value(QStringLiteral("id")).toString(), s.value(QStringLiteral("part")).toString(),
                                 LocalizedText::fromJson(s.value(QStringLiteral("label")))};
        if (section.id.isEmpty() || sectionIds.contains(section.id) || !isComplete(section.label))
            return tl::unexpected(invalid(tr("Section \"%1\" needs its own id and a Chinese and an English label.").arg(section.id)));
        if (!partIds.contains(section.part))
            return tl::unexpected(invalid(tr("Section %1 names an unknown part \"%2\".").arg(section.id, section.part)));
        sectionIds.insert(section.id);
        form.sections.append(section);
    }

    QSet<QString> groupIds;
    for (const RuleGroup &group : rules.groups)
        groupIds.insert(group.id);
    static const QRegularExpression idPattern(QStringLiteral("^screen(\\.[0-9]+)+$"));
    QSet<QString> itemIds;
    for (const QJsonValue &value : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = value.toObject();
        ScreeningItem item;
        item.id = i.value(QStringLiteral("id")).toString();
        item.section = i.value(QStringLiteral("section")).toString();
        item.group = i.value(QStringLiteral("group")).toString();
        item.label = LocalizedText::fromJson(i.value(QStringLiteral("label")));
        item.suggests = stringsOf(i.value(QStringLiteral("suggests")));
        if (!idPattern.match(item.id).hasMatch())
            return tl::unexpected(invalid(tr("\"%1\" is not a screening item id (screen. and the clause number, e.g. screen.1.1).").arg(item.id)));
        if (itemIds.contains(item.id))
            return tl::unexpected(invalid(tr("Screening item %1 is defined twice.").arg(item.id)));
        if (!sectionIds.contains(item.section))
            return tl::unexpected(invalid(tr("Screening item %1 names an unknown section \"%2\".").arg(item.id, item.section)));
        if (!groupIds.contains(item.group))
            return tl::unexpected(invalid(tr("Screening item %1 names group \"%2\", which rule set %3 does not have.")
                                              .arg(item.id, item.group, rules.id)));
        if (!isComplete(item.label))
            return tl::unexpected(invalid(tr("Screening item %1 needs both a Chinese and an English label.").arg(item.id)));
        for (const QString &rule : item.suggests)
            if (!rules.rule(rule) || !rules.rule(rule)->clinicianFinding)
                return tl::unexpected(invalid(tr("Screening item %1 suggests \"%2\", which is not a finding of rule set %3.")
                                                  .arg(item.id, rule, rules.id)));
        if (i.contains(QStringLiteral("condition"))) {
            auto condition = RiskCondition::fromJson(i.value(QStringLiteral("condition")), item.id);
            if (!condition)
                return tl::unexpected(condition.error());
            item.condition = *condition;
        }
        itemIds.insert(item.id);
        form.items.append(item);
    }
    if (form.items.isEmpty())
        return tl::unexpected(invalid(tr("The screening form has no items.")));
    return form;
}

const ScreeningChecklist &ScreeningChecklist::national2017()
{
    static const ScreeningChecklist form = [] {
        auto loaded = fromFile(QStringLiteral(":/rules/five-color-2017-screening.json"), RuleSet::national2017());
        if (!loaded)
            qFatal("built-in screening form is invalid: %s", qPrintable(loaded.error().message));
        return *loaded;
    }();
    return form;
}
