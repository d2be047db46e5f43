#include "workstation-ui/possibleduplicatesdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { Name, BirthDate, Phone, NationalId, RecordNumber, Matched, ColumnCount };
} // namespace

PossibleDuplicatesDialog::PossibleDuplicatesDialog(const QList<DuplicateFinder::Match> &matches, QWidget *parent)
    : QDialog(parent)
    , m_matches(matches)
    , m_table(new QTableWidget(int(matches.size()), ColumnCount, this))
    , m_reason(new QLineEdit(this))
    , m_open(new QPushButton(tr("&Open the existing record"), this))
    , m_register(new QPushButton(tr("&Register a new record anyway"), this))
{
    const bool exact = !matches.isEmpty() && matches.first().exact();
    setWindowTitle(tr("She may already have a record"));
    auto *intro = new QLabel(exact ? tr("A woman with the same ID number is already registered here. One woman keeps one record: "
                                        "open hers and book the new pregnancy there.")
                                   : tr("These registrations look like the same woman. If one is her, open it instead of "
                                        "starting a second record."),
        this);
    intro->setWordWrap(true);
    if (exact)
        intro->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    m_table->setObjectName(QStringLiteral("duplicates"));
    m_table->setHorizontalHeaderLabels({ tr("Name"), tr("Birth date"), tr("Phone"), tr("ID number"), tr("Record no."), tr("Matched on") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QLocale locale;
    for (int row = 0; row < matches.size(); ++row) {
        const Patient &p = matches.at(row).existing;
        QStringList matched;
        for (IdentityMatch::Rule rule : matches.at(row).rules)
            matched << IdentityMatch::label(rule);
        const QStringList cells { p.name, locale.toString(p.birthDate, QLocale::ShortFormat), p.phone, p.nationalId, p.recordNumber,
            matched.join(QStringLiteral(", ")) };
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    m_table->selectRow(0);
    m_reason->setObjectName(QStringLiteral("duplicateReason"));
    m_reason->setPlaceholderText(tr("Why she needs a new record (for example: a different woman, her mother's phone)"));
    m_register->setEnabled(false);
    auto *back = new QPushButton(tr("&Back to the form"), this);
    m_open->setDefault(true);
    connect(m_reason, &QLineEdit::textChanged, this, [this](const QString &text) { m_register->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_open, &QPushButton::clicked, this, [this] { done(OpenExisting); });
    connect(m_register, &QPushButton::clicked, this, [this] { done(RegisterAnyway); });
    connect(back, &QPushButton::clicked, this, &QDialog::reject);
    auto *anyway = new QHBoxLayout;
    anyway->addWidget(m_reason, 1);
    anyway->addWidget(m_register);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(new QLabel(tr("Not her?"), this));
    layout->addLayout(anyway);
    layout->addLayout(buttons);
    resize(820, 360);
}

QUuid PossibleDuplicatesDialog::chosenRecord() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_matches.size() ? m_matches.at(row).existing.meta.id : QUuid();
}

QString PossibleDuplicatesDialog::reason() const
{
    return m_reason->text().trimmed();
}
