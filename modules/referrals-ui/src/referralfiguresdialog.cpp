#include "referrals-ui/referralfiguresdialog.h"

#include "referrals-ui/referralfigurestable.h"
#include "referrals/referralindicators.h"
#include "ui-common/formwidgets.h"
#include "ui-common/screenfit.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

ReferralFiguresDialog::ReferralFiguresDialog(
    const ReferralRepository &repository, ClinicDirectory directory, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_repository(repository)
    , m_directory(std::move(directory))
    , m_from(new QDateEdit(today.addMonths(-12).addDays(1), this))
    , m_to(new QDateEdit(today, this))
    , m_table(new ReferralFiguresTable(this))
    , m_problem(FormWidgets::errorLabel(this))
{
    setWindowTitle(tr("Referral figures"));
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &ReferralFiguresDialog::refresh);
    }
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    auto *period = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("Sent &from"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&to"), this);
    toLabel->setBuddy(m_to);
    period->addWidget(fromLabel);
    period->addWidget(m_from);
    period->addWidget(toLabel);
    period->addWidget(m_to);
    period->addStretch();
    auto *note = new QLabel(tr("Medians over the referrals that reached each stage. Accepted, declined and cancelled "
                               "count every referral that reached that status, whatever came after."),
        this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(period);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    refresh();
    ScreenFit::resize(this, QSize(1100, 520));
}

void ReferralFiguresDialog::refresh()
{
    const auto figures = ReferralIndicators::compute(m_repository, m_from->date(), m_to->date());
    m_problem->setVisible(!figures);
    if (!figures) {
        m_problem->setText(figures.error().message);
        return;
    }
    m_table->showFigures(*figures, m_directory.names());
}
