#include "ui-common/proportionalsplitter.h"

#include <cmath>
#include <numeric>

ProportionalSplitter::ProportionalSplitter(Qt::Orientation orientation, QWidget *parent)
    : QSplitter(orientation, parent)
{
    connect(this, &QSplitter::splitterMoved, this, [this] {
        m_applied = sizes();
        m_shares = sharesOf(m_applied);
    });
}

QList<double> ProportionalSplitter::sharesOf(const QList<int> &sizes)
{
    const double total = std::accumulate(sizes.cbegin(), sizes.cend(), 0.0);
    QList<double> shares;
    if (total > 0)
        for (int size : sizes)
            shares.append(size / total);
    return shares;
}

void ProportionalSplitter::setShares(const QList<double> &shares)
{
    m_shares = shares;
    m_applied = sizes();
}

QByteArray ProportionalSplitter::saveShares() const
{
    QByteArrayList texts;
    for (double share : sharesOf(sizes()))
        texts.append(QByteArray::number(share, 'g', 10));
    return texts.join(' ');
}

bool ProportionalSplitter::restoreShares(const QByteArray &saved)
{
    QList<double> shares;
    for (const QByteArray &text : saved.split(' ')) {
        bool ok = false;
        const double share = text.toDouble(&ok);
        if (!ok || !(share > 0 && share < 1))
            return false;
        shares.append(share);
    }
    if (shares.size() != count())
        return false;
    setShares(shares);
    return true;
}

void ProportionalSplitter::resizeEvent(QResizeEvent *event)
{
    if (sizes() != m_applied) // set since: those are the shares to keep from now on
        m_shares = sharesOf(sizes());
    QSplitter::resizeEvent(event);
    const QList<int> now = sizes();
    const int total = std::accumulate(now.cbegin(), now.cend(), 0);
    if (m_shares.size() == now.size() && total > 0) {
        QList<int> kept;
        int given = 0;
        for (qsizetype i = 0; i + 1 < m_shares.size(); ++i) {
            kept.append(static_cast<int>(std::lround(m_shares[i] * total)));
            given += kept.last();
        }
        kept.append(total - given);
        setSizes(kept);
    }
    m_applied = sizes();
}
