#include "workstation-ui/riskchipdelegate.h"

#include "workstation-ui/riskchip.h"

#include <QApplication>
#include <QPainter>

RiskChipDelegate::RiskChipDelegate(int levelRole, int purpleRole, QObject *parent)
    : QStyledItemDelegate(parent), m_levelRole(levelRole), m_purpleRole(purpleRole)
{
}

void RiskChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter);
    const QRect chip = option.rect.adjusted(3, 2, -3, -2);
    RiskAppearance::paintChip(*painter, chip, index.data(m_levelRole).toString(), index.data(m_purpleRole).toBool(), true);
}

QSize RiskChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return RiskAppearance::chipSizeHint(option.fontMetrics, index.data(m_levelRole).toString(),
                                        index.data(m_purpleRole).toBool(), true)
           + QSize(6, 4);
}
