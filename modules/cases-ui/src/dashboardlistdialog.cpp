#include "cases-ui/dashboardlistdialog.h"

#include "ui-common/screenfit.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

DashboardListDialog::DashboardListDialog(
    const QString &title, const QString &dateHeader, const QList<DashboardWoman> &women, QWidget *parent)
    : QDialog(parent)
    , m_women(women)
    , m_table(new QTableWidget(0, 5, this))
{
    setWindowTitle(title);
    m_table->setObjectName(QStringLiteral("women"));
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Record no."), tr("Risk color"), tr("Responsible nurse"), dateHeader });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    const QLocale locale;
    for (const DashboardWoman &woman : m_women) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(woman.name));
        m_table->setItem(row, 1, new QTableWidgetItem(woman.recordNumber));
        m_table->setItem(row, 2, new QTableWidgetItem(CaseDashboard::colorLabel(woman.level, woman.purple)));
        m_table->setItem(row, 3, new QTableWidgetItem(woman.responsibleNurse));
        m_table->setItem(row, 4,
            new QTableWidgetItem(
                woman.date.isValid() ? locale.toString(woman.date, QLocale::ShortFormat) : QString()));
    }
    m_table->resizeColumnsToContents();
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < m_women.size())
            emit openPatient(m_women[row].patientId);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("&Open her chart"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openChart"));
    connect(open, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : 0;
        if (row < m_women.size())
            emit openPatient(m_women[row].patientId);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n woman/women. Double-click a row to open her chart.", nullptr,
                                     static_cast<int>(m_women.size())),
        this));
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    ScreenFit::resize(this, QSize(720, 480));
}
