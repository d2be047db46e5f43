#include "workstation-ui/patientbanner.h"

#include "workstation-ui/riskchip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

PatientBanner::PatientBanner(QWidget *parent)
    : QWidget(parent), m_name(new QLabel(this)), m_details(new QLabel(this)), m_chip(new RiskChip(this)),
      m_pending(new QLabel(this)), m_reporting(new QLabel(this)), m_ctg(new QLabel(this)),
      m_referral(new QLabel(this))
{
    setObjectName(QStringLiteral("patientBanner"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xe8, 0xf0, 0xf8));
    setPalette(pal);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_details->setTextFormat(Qt::PlainText);
    // Who she is on the first line, what needs doing now on the second: alerts beside the
    // details squeezed her GA and EDD out of sight on a laptop screen.
    auto *identity = new QHBoxLayout;
    identity->addWidget(m_name);
    identity->addSpacing(16);
    identity->addWidget(m_details, 1);
    identity->addWidget(m_chip);
    auto *alerts = new QHBoxLayout;
    alerts->addWidget(m_ctg);
    alerts->addWidget(m_referral);
    alerts->addWidget(m_reporting);
    alerts->addWidget(m_pending);
    alerts->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    layout->addLayout(identity);
    layout->addLayout(alerts);
    m_referral->setObjectName(QStringLiteral("referralNotice"));
    m_referral->setStyleSheet(QStringLiteral("color: white; background: #1565c0; padding: 2px 6px; border-radius: 3px;"));
    m_referral->hide();
    m_ctg->setObjectName(QStringLiteral("ctgAlert"));
    m_ctg->setToolTip(tr("See the chart's CTG tab"));
    m_ctg->setStyleSheet(QStringLiteral("color: white; background: #b71c1c; padding: 2px 6px; border-radius: 3px; font-weight: bold;"));
    m_reporting->setObjectName(QStringLiteral("reportingAlert"));
    m_reporting->setStyleSheet(QStringLiteral("color: white; background: #c62828; padding: 2px 6px; border-radius: 3px;"));
    m_pending->setObjectName(QStringLiteral("gradePending"));
    m_pending->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_pending->setText(tr("⚠ New grade proposed — see Risk"));
    clear();
}

void PatientBanner::showChart(const PatientChart &chart, const QString &riskLevel, bool purple, const QDate &today)
{
    const QLocale locale;
    m_name->setText(chart.patient.name);
    QStringList parts;
    const int age = chart.patient.ageInYearsOn(today);
    if (age >= 0)
        parts << tr("%n years", nullptr, age);
    if (chart.pregnancy) {
        const Pregnancy &p = *chart.pregnancy;
        parts << tr("G%1 P%2").arg(p.gravida).arg(p.para);
        if (p.status == PregnancyStatus::Booked) {
            if (const auto ga = p.gestationalAgeOn(today))
                parts << tr("GA %1 weeks").arg(ga->toString());
        }
        if (p.edd().isValid())
            parts << tr("EDD %1").arg(locale.toString(p.edd(), QLocale::ShortFormat));
        if (p.fetuses > 1)
            parts << tr("%n fetuses", nullptr, p.fetuses);
    }
    if (!chart.patient.recordNumber.isEmpty())
        parts << tr("No. %1").arg(chart.patient.recordNumber);
    m_details->setText(parts.join(QStringLiteral("   ·   ")));
    m_chip->setLevel(riskLevel, purple);
    m_chip->show();
}

void PatientBanner::setPendingProposal(bool pending)
{
    m_pending->setVisible(pending);
}

void PatientBanner::setReportingAlert(const QString &text)
{
    m_reporting->setText(text);
    m_reporting->setVisible(!text.isEmpty());
}

void PatientBanner::setCtgAlert(const QString &text)
{
    m_ctg->setText(text.isEmpty() ? QString() : QStringLiteral("⚠ ") + text);
    m_ctg->setVisible(!text.isEmpty());
}

QString PatientBanner::ctgAlert() const
{
    return m_ctg->isVisible() ? m_ctg->text() : QString();
}

void PatientBanner::setReferralNotice(const QString &text)
{
    m_referral->setText(text);
    m_referral->setToolTip(text.isEmpty() ? QString() : tr("%1 — see the chart's Referrals tab").arg(text));
    m_referral->setVisible(!text.isEmpty());
}

QString PatientBanner::referralNotice() const
{
    return m_referral->isVisible() ? m_referral->text() : QString();
}

void PatientBanner::clear()
{
    m_pending->hide();
    m_ctg->hide();
    m_referral->hide();
    m_reporting->hide();
    m_name->setText(tr("No chart open"));
    m_details->setText(tr("Select a woman in the list, or register a new pregnancy (Ctrl+N)."));
    m_chip->hide();
}

QString PatientBanner::summaryText() const
{
    return m_name->text() + QLatin1Char(' ') + m_details->text();
}
