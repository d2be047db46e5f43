#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

// How a risk level is drawn everywhere a woman appears. Never color alone: each level has a
// text label and its own pattern (none, dots, stripes, cross-hatch) so that color-blind users
// and grey-scale printouts tell the levels apart; purple is drawn beside the grade, never
// instead of it.
class RiskAppearance
{
public:
    static QColor color(const QString &level);
    static Qt::BrushStyle pattern(const QString &level);
    static QString label(const QString &level); // translated; "Not graded" for an empty level
    static QString purpleLabel();
    static QString shortLabel(const QString &level); // the color's name alone, for lists
    // Paints a chip with the level's color, pattern and label inside rect; compact chips (in
    // lists) name the color only.
    static void paintChip(QPainter &painter, const QRect &rect, const QString &level, bool purple, bool compact = false);
    static QSize chipSizeHint(const QFontMetrics &metrics, const QString &level, bool purple, bool compact = false);
};

class RiskChip : public QWidget
{
    Q_OBJECT
public:
    explicit RiskChip(QWidget *parent = nullptr);
    void setLevel(const QString &level, bool purple);
    QString level() const { return m_level; }
    bool purple() const { return m_purple; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_level;
    bool m_purple = false;
};
