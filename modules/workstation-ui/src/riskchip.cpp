#include "workstation-ui/riskchip.h"

#include <QCoreApplication>
#include <QPainter>

QColor RiskAppearance::color(const QString &level)
{
    if (level == QLatin1String("green"))
        return QColor(0x2e, 0x9d, 0x4b);
    if (level == QLatin1String("yellow"))
        return QColor(0xf2, 0xc8, 0x11);
    if (level == QLatin1String("orange"))
        return QColor(0xf0, 0x7f, 0x13);
    if (level == QLatin1String("red"))
        return QColor(0xd3, 0x2f, 0x2f);
    if (level == QLatin1String("purple"))
        return QColor(0x7b, 0x3f, 0xa8);
    return QColor(0xbd, 0xbd, 0xbd);
}

Qt::BrushStyle RiskAppearance::pattern(const QString &level)
{
    if (level == QLatin1String("yellow"))
        return Qt::Dense6Pattern;
    if (level == QLatin1String("orange"))
        return Qt::BDiagPattern;
    if (level == QLatin1String("red"))
        return Qt::DiagCrossPattern;
    if (level == QLatin1String("purple"))
        return Qt::CrossPattern;
    return Qt::NoBrush;
}

QString RiskAppearance::label(const QString &level)
{
    if (level == QLatin1String("green"))
        return QCoreApplication::translate("RiskAppearance", "Green · low");
    if (level == QLatin1String("yellow"))
        return QCoreApplication::translate("RiskAppearance", "Yellow · moderate");
    if (level == QLatin1String("orange"))
        return QCoreApplication::translate("RiskAppearance", "Orange · high");
    if (level == QLatin1String("red"))
        return QCoreApplication::translate("RiskAppearance", "Red · very high");
    if (level.isEmpty())
        return QCoreApplication::translate("RiskAppearance", "Not graded");
    return level;
}

QString RiskAppearance::shortLabel(const QString &level)
{
    if (level == QLatin1String("green"))
        return QCoreApplication::translate("RiskAppearance", "Green");
    if (level == QLatin1String("yellow"))
        return QCoreApplication::translate("RiskAppearance", "Yellow");
    if (level == QLatin1String("orange"))
        return QCoreApplication::translate("RiskAppearance", "Orange");
    if (level == QLatin1String("red"))
        return QCoreApplication::translate("RiskAppearance", "Red");
    if (level == QLatin1String("purple"))
        return QCoreApplication::translate("RiskAppearance", "Purple");
    return label(level);
}

QString RiskAppearance::purpleLabel()
{
    return QCoreApplication::translate("RiskAppearance", "Purple · infectious");
}

namespace {
void paintOne(QPainter &painter, const QRect &rect, const QString &level, const QString &text)
{
    const QColor base = RiskAppearance::color(level);
    painter.setPen(Qt::NoPen);
    painter.setBrush(base);
    painter.drawRoundedRect(rect, 3, 3);
    const Qt::BrushStyle style = RiskAppearance::pattern(level);
    if (style != Qt::NoBrush) {
        // The pattern runs along the left edge only, so the label stays readable.
        const QRect strip(rect.left(), rect.top(), rect.height(), rect.height());
        painter.setBrush(QBrush(base.darker(170), style));
        painter.drawRoundedRect(strip, 3, 3);
    }
    const bool darkText = level == QLatin1String("yellow") || level.isEmpty();
    painter.setPen(darkText ? Qt::black : Qt::white);
    QRect textRect = rect.adjusted(style != Qt::NoBrush ? rect.height() + 3 : 5, 0, -4, 0);
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
}

int chipWidth(const QFontMetrics &metrics, const QString &level, const QString &text)
{
    const int strip = RiskAppearance::pattern(level) != Qt::NoBrush ? metrics.height() + 8 : 9;
    return metrics.horizontalAdvance(text) + strip + 6;
}
} // namespace

void RiskAppearance::paintChip(QPainter &painter, const QRect &rect, const QString &level, bool purple, bool compact)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QString text = compact ? shortLabel(level) : label(level);
    const int gradeWidth = std::min(rect.width(), chipWidth(painter.fontMetrics(), level, text));
    paintOne(painter, QRect(rect.left(), rect.top(), gradeWidth, rect.height()), level, text);
    if (purple) {
        const QString purpleText = compact ? shortLabel(QStringLiteral("purple")) : purpleLabel();
        const int width = chipWidth(painter.fontMetrics(), QStringLiteral("purple"), purpleText);
        paintOne(painter, QRect(rect.left() + gradeWidth + 4, rect.top(), width, rect.height()), QStringLiteral("purple"),
                 purpleText);
    }
    painter.restore();
}

QSize RiskAppearance::chipSizeHint(const QFontMetrics &metrics, const QString &level, bool purple, bool compact)
{
    int width = chipWidth(metrics, level, compact ? shortLabel(level) : label(level));
    if (purple)
        width += 4 + chipWidth(metrics, QStringLiteral("purple"), compact ? shortLabel(QStringLiteral("purple")) : purpleLabel());
    return {width, metrics.height() + 6};
}

RiskChip::RiskChip(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void RiskChip::setLevel(const QString &level, bool purple)
{
    m_level = level;
    m_purple = purple;
    setToolTip(purple ? RiskAppearance::label(level) + QStringLiteral(" + ") + RiskAppearance::purpleLabel()
                      : RiskAppearance::label(level));
    setAccessibleName(toolTip());
    updateGeometry();
    update();
}

QSize RiskChip::sizeHint() const
{
    return RiskAppearance::chipSizeHint(fontMetrics(), m_level, m_purple);
}

void RiskChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    RiskAppearance::paintChip(painter, rect(), m_level, m_purple);
}
