#pragma once

#include <QList>
#include <QSplitter>

// A splitter that keeps the share of its width (or height) each pane has when the window is
// resized, instead of sharing out each change by stretch factors: a restored layout then comes
// out the same however the window reaches its final size (at once, or in steps while a restored
// window is being maximised), and a pane set to a third stays a third.
class ProportionalSplitter : public QSplitter
{
    Q_OBJECT
public:
    explicit ProportionalSplitter(Qt::Orientation orientation, QWidget *parent = nullptr);

    // The panes' shares, e.g. {0.4, 0.6}, applied from the next layout on.
    void setShares(const QList<double> &shares);
    // The current shares as text to keep in the settings ("0.4 0.6"), and back; a text that is
    // not one share per pane, each above 0, is refused and nothing changes.
    QByteArray saveShares() const;
    bool restoreShares(const QByteArray &saved);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    static QList<double> sharesOf(const QList<int> &sizes);

    QList<double> m_shares;
    // The sizes last set here: sizes found different were set by the user or a caller (before
    // the first layout, sizes() is not what was set, so the shares are kept as given).
    QList<int> m_applied;
};
