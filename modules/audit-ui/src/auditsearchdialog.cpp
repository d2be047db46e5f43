#include "audit-ui/auditsearchdialog.h"

#include "audit-ui/accessreportpdf.h"
#include "audit/auditwire.h"
#include "sync/backgroundsync.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace {
enum Column { When, Clinic, Workstation, Who, Action, Woman, What, ColumnCount };
} // namespace

AuditSearchDialog::AuditSearchDialog(BackgroundSync &sync, AccessReport::ClinicName clinicName, QString issuer, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_clinicName(std::move(clinicName))
    , m_issuer(std::move(issuer))
    , m_patient(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_clinic(new QLineEdit(this))
    , m_period(new QCheckBox(tr("Only between"), this))
    , m_from(new QDateEdit(QDate::currentDate().addMonths(-1), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_report(new QPushButton(tr("&Print her access report…"), this))
    , m_message(new QLabel(this))
    , m_results(new QTableWidget(0, ColumnCount, this))
{
    setWindowTitle(tr("Audit trail of the region"));
    m_patient->setPlaceholderText(tr("patient id: her records, and nobody else's"));
    m_user->setPlaceholderText(tr("user name"));
    m_clinic->setPlaceholderText(tr("clinic id"));
    for (QDateEdit *date : { m_from, m_to }) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
    }
    connect(m_period, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_period, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto *period = new QHBoxLayout;
    period->addWidget(m_period);
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("and"), this));
    period->addWidget(m_to);
    period->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Woman:"), m_patient);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Clinic:"), m_clinic);
    form->addRow(tr("Time:"), period);
    m_results->setHorizontalHeaderLabels({ tr("When"), tr("Clinic"), tr("Workstation"), tr("Who"), tr("Action"), tr("Woman"), tr("What") });
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_message->setWordWrap(true);
    m_report->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_report, QDialogButtonBox::ActionRole);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search);
    searchRow->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(searchRow);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);
    resize(980, 600);
    m_search->setDefault(true);
    connect(m_search, &QPushButton::clicked, this, &AuditSearchDialog::search);
    connect(m_report, &QPushButton::clicked, this, &AuditSearchDialog::chooseReportFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_sync, &BackgroundSync::centerAnswered, this, &AuditSearchDialog::answered);
}

void AuditSearchDialog::setWoman(const QString &patientId, const QString &name)
{
    m_patient->setText(patientId);
    m_womanName = name;
}

void AuditSearchDialog::search()
{
    QUrlQuery query;
    const auto add = [&query](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            query.addQueryItem(QLatin1String(key), value.trimmed());
    };
    add("patient", m_patient->text());
    add("user", m_user->text());
    add("clinic", m_clinic->text());
    if (m_period->isChecked()) {
        if (m_from->date() > m_to->date()) {
            m_message->setText(tr("The period ends before it begins."));
            emit searched();
            return;
        }
        // Whole days in this computer's time.
        add("from", m_from->date().startOfDay().toUTC().toString(Qt::ISODateWithMs));
        add("to", m_to->date().endOfDay().toUTC().toString(Qt::ISODateWithMs));
    }
    add("limit", QStringLiteral("5000"));
    m_searchedPatient = m_patient->text().trimmed();
    m_search->setEnabled(false);
    m_report->setEnabled(false);
    m_message->setText(tr("Searching at the regional center…"));
    m_pending = m_sync.askCenter(QStringLiteral("/api/v1/audit?") + query.toString(QUrl::FullyEncoded));
}

void AuditSearchDialog::answered(int requestId, bool succeeded, const QByteArray &body, const QString &message)
{
    if (requestId != m_pending)
        return;
    m_pending = 0;
    m_search->setEnabled(true);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    QList<AuditEntry> entries;
    bool readable = succeeded && answer.value(QStringLiteral("entries")).isArray();
    for (const QJsonValue &value : answer.value(QStringLiteral("entries")).toArray()) {
        auto entry = AuditWire::fromJson(value.toObject());
        readable = readable && entry.has_value();
        if (entry)
            entries.append(*entry);
    }
    if (!readable) {
        m_results->setRowCount(0);
        m_message->setText(succeeded ? tr("The center's answer could not be read.") : message);
        emit searched();
        return;
    }
    const QJsonObject woman = answer.value(QStringLiteral("woman")).toObject();
    if (!woman.isEmpty()) {
        m_womanName = woman.value(QStringLiteral("name")).toString();
        m_womanReference = woman.value(QStringLiteral("recordNumber")).toString();
    }
    m_entries = entries;
    showEntries(entries);
    m_report->setEnabled(!m_searchedPatient.isEmpty());
    m_message->setText(tr("%n audit record(s) found.", nullptr, int(entries.size())));
    emit searched();
}

void AuditSearchDialog::showEntries(const QList<AuditEntry> &entries)
{
    m_results->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const AuditEntry &e = entries.at(row);
        // Ids are for the tooltip: the woman by her name where the center gave it, the
        // workstation by the start of its id, enough to tell two apart.
        const bool named = !m_womanName.isEmpty() && e.patientId == m_searchedPatient;
        const QStringList cells { e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), m_clinicName ? m_clinicName(e.clinicId) : e.clinicId,
            e.workstation.left(8), e.user, AuditActions::label(e.action), named ? m_womanName : e.patientId, AccessReport::whatWasDone(e) };
        for (int column = 0; column < ColumnCount; ++column)
            m_results->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        m_results->item(row, Workstation)->setToolTip(e.workstation);
        m_results->item(row, Woman)->setToolTip(e.patientId);
    }
    m_results->resizeColumnsToContents();
}

bool AuditSearchDialog::writeReport(const QString &path)
{
    if (m_searchedPatient.isEmpty())
        return false;
    AccessReport::Heading heading;
    heading.womanName = m_womanName;
    heading.womanReference = m_womanReference.isEmpty() ? m_searchedPatient : m_womanReference;
    if (m_period->isChecked()) {
        heading.from = m_from->date().startOfDay();
        heading.to = m_to->date().endOfDay();
    }
    heading.issuedBy = m_issuer;
    heading.issuedAt = QDateTime::currentDateTimeUtc();
    if (auto written = AccessReportPdf::write(path, heading, m_entries, m_clinicName); !written) {
        m_message->setText(written.error().message);
        return false;
    }
    m_message->setText(tr("Access report saved to %1").arg(path));
    emit reportWritten(path, m_searchedPatient);
    return true;
}

void AuditSearchDialog::chooseReportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save her access report"), tr("access-report.pdf"), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        writeReport(path);
}
