#include "referrals-ui/referraldashboardpanel.h"

#include "referrals-ui/referralfigurestable.h"
#include "referrals/referralindicators.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ReferralDashboardPanel::ReferralDashboardPanel(const ReferralRepository &repository, ClinicDirectory directory, QWidget *parent)
    : QGroupBox(parent)
    , m_repository(repository)
    , m_directory(std::move(directory))
    , m_table(new ReferralFiguresTable(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("referralDashboard"));
    m_status->setObjectName(QStringLiteral("referralDashboardStatus"));
    m_status->setWordWrap(true);
    auto *all = new QPushButton(tr("All referral &figures…"), this);
    all->setObjectName(QStringLiteral("allReferralFigures"));
    connect(all, &QPushButton::clicked, this, &ReferralDashboardPanel::allFiguresRequested);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(all);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(bottom);
    m_table->setMaximumHeight(m_table->fontMetrics().height() * 6);
    refresh();
}

void ReferralDashboardPanel::setToday(const QDate &today)
{
    m_today = today;
    refresh();
}

void ReferralDashboardPanel::refresh()
{
    const QDate first(m_today.year(), m_today.month(), 1);
    setTitle(tr("Referrals and consultations sent since %1").arg(QLocale().toString(first, QLocale::ShortFormat)));
    const auto figures = ReferralIndicators::compute(m_repository, first, m_today);
    if (!figures) {
        m_status->setText(figures.error().message);
        return;
    }
    m_table->showFigures(*figures, m_directory.names());
    m_status->setText(figures->isEmpty() ? tr("None this month.") : QString());
}
