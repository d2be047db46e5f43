#include "ctg-ui/ctgterms.h"

QString CtgTerms::figo(const QString &value)
{
    if (value == QLatin1String("normal"))
        return tr("Normal");
    if (value == QLatin1String("suspicious"))
        return tr("Suspicious");
    if (value == QLatin1String("pathological"))
        return tr("Pathological");
    if (value == QLatin1String("insufficient-signal"))
        return tr("Not classified: signal lost");
    return tr("Not analysed");
}

QString CtgTerms::nichd(const QString &value)
{
    if (value == QLatin1String("I"))
        return tr("Category I");
    if (value == QLatin1String("II"))
        return tr("Category II");
    if (value == QLatin1String("III"))
        return tr("Category III");
    return tr("Undetermined");
}

QString CtgTerms::event(const CtgEvent &e)
{
    switch (e.type) {
    case CtgEvent::Type::Acceleration:
        return tr("Acceleration");
    case CtgEvent::Type::Contraction:
        return tr("Contraction");
    case CtgEvent::Type::Deceleration:
        break;
    }
    if (e.subtype == QLatin1String("early"))
        return tr("Early deceleration");
    if (e.subtype == QLatin1String("late"))
        return tr("Late deceleration");
    if (e.subtype == QLatin1String("variable"))
        return tr("Variable deceleration");
    if (e.subtype == QLatin1String("prolonged"))
        return tr("Prolonged deceleration");
    return tr("Deceleration");
}

QString CtgTerms::mark(const CtgEvent &e)
{
    switch (e.type) {
    case CtgEvent::Type::Acceleration:
        //: Mark on the CTG paper at an acceleration (one or two characters)
        return tr("A");
    case CtgEvent::Type::Contraction:
        //: Mark on the CTG paper at a contraction (one or two characters)
        return tr("C");
    case CtgEvent::Type::Deceleration:
        break;
    }
    //: Marks on the CTG paper at early, late, variable, prolonged decelerations
    if (e.subtype == QLatin1String("early"))
        return tr("E");
    if (e.subtype == QLatin1String("late"))
        return tr("L");
    if (e.subtype == QLatin1String("variable"))
        return tr("V");
    if (e.subtype == QLatin1String("prolonged"))
        return tr("P");
    return tr("D");
}

QColor CtgTerms::figoColor(const QString &value)
{
    if (value == QLatin1String("normal"))
        return QColor(0x2e, 0x7d, 0x32);
    if (value == QLatin1String("suspicious"))
        return QColor(0xef, 0x8f, 0x00);
    if (value == QLatin1String("pathological"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x75, 0x75, 0x75);
}

QColor CtgTerms::nichdColor(const QString &value)
{
    if (value == QLatin1String("I"))
        return figoColor(QStringLiteral("normal"));
    if (value == QLatin1String("II"))
        return figoColor(QStringLiteral("suspicious"));
    if (value == QLatin1String("III"))
        return figoColor(QStringLiteral("pathological"));
    return figoColor(QString());
}

QString CtgTerms::suspect(const CtgSuspectStretch &stretch)
{
    switch (stretch.kind) {
    case CtgSuspectStretch::Kind::Maternal:
        return tr("Maternal heart rate (recorded channel)");
    case CtgSuspectStretch::Kind::MaternalSuspected:
        return tr("May be maternal heart rate");
    case CtgSuspectStretch::Kind::Doubling:
        return tr("Doubled count");
    case CtgSuspectStretch::Kind::Halving:
        return tr("Halved count or maternal heart rate");
    case CtgSuspectStretch::Kind::Artefact:
        return tr("Artefact");
    }
    return {};
}
