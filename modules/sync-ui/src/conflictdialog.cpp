#include "sync-ui/conflictdialog.h"

#include "ui-common/screenfit.h"

#include <QButtonGroup>
#include <QDate>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { WomanColumn, RecordColumn, FieldColumn, MineColumn, TheirsColumn, DetectedColumn, ColumnCount };
enum Choice { KeepMine, TakeTheirs, TypeAnother };
} // namespace

ConflictDialog::ConflictDialog(QSqlDatabase db, QString author, QWidget *parent)
    : QDialog(parent)
    , m_store(std::move(db), std::move(author))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_question(new QLabel(this))
    , m_mine(new QRadioButton(this))
    , m_theirs(new QRadioButton(this))
    , m_other(new QRadioButton(tr("Another value:"), this))
    , m_choices(new QButtonGroup(this))
    , m_typed(new QLineEdit(this))
    , m_apply(new QPushButton(tr("Keep this value"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Sync conflicts"));
    auto *intro = new QLabel(
        tr("These fields were changed on this workstation and elsewhere in the region before the two "
           "copies met. Both values are kept until you choose; your choice is sent to the regional center."),
        this);
    intro->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({ tr("Woman"), tr("Record"), tr("Field"), tr("This workstation"),
        tr("Regional center"), tr("Found") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(MineColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TheirsColumn, QHeaderView::Stretch);

    auto *choice = new QGroupBox(tr("Your choice"), this);
    auto *choiceLayout = new QVBoxLayout(choice);
    m_question->setWordWrap(true);
    m_choices->addButton(m_mine, KeepMine);
    m_choices->addButton(m_theirs, TakeTheirs);
    m_choices->addButton(m_other, TypeAnother);
    auto *otherRow = new QHBoxLayout;
    otherRow->addWidget(m_other);
    otherRow->addWidget(m_typed, 1);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->setWordWrap(true);
    choiceLayout->addWidget(m_question);
    choiceLayout->addWidget(m_mine);
    choiceLayout->addWidget(m_theirs);
    choiceLayout->addLayout(otherRow);
    choiceLayout->addWidget(m_error);
    choiceLayout->addWidget(m_apply, 0, Qt::AlignRight);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(choice);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConflictDialog::showSelected);
    connect(m_typed, &QLineEdit::textEdited, this, [this] { m_other->setChecked(true); });
    connect(m_apply, &QPushButton::clicked, this, &ConflictDialog::applyChoice);
    ScreenFit::resize(this, QSize(960, 560));
    reload();
}

QString ConflictDialog::recordKind(const QString &table)
{
    static const QHash<QString, const char *> kinds {
        { QStringLiteral("patient"), QT_TR_NOOP("Woman's details") },
        { QStringLiteral("pregnancy"), QT_TR_NOOP("Pregnancy") },
        { QStringLiteral("antenatal_visit"), QT_TR_NOOP("Antenatal visit") },
        { QStringLiteral("lab_result"), QT_TR_NOOP("Lab result") },
        { QStringLiteral("risk_assessment"), QT_TR_NOOP("Risk grade") },
        { QStringLiteral("risk_finding"), QT_TR_NOOP("Risk finding") },
        { QStringLiteral("risk_screening"), QT_TR_NOOP("Risk screening") },
        { QStringLiteral("case_file"), QT_TR_NOOP("High-risk case file") },
        { QStringLiteral("follow_up_contact"), QT_TR_NOOP("Follow-up contact") },
        { QStringLiteral("ultrasound_exam"), QT_TR_NOOP("Ultrasound exam") },
    };
    const auto kind = kinds.constFind(table);
    return kind == kinds.constEnd() ? table : tr(*kind);
}

QString ConflictDialog::fieldName(const QString &field)
{
    static const QHash<QString, const char *> names {
        { QStringLiteral("name"), QT_TR_NOOP("Name") },
        { QStringLiteral("phone"), QT_TR_NOOP("Phone") },
        { QStringLiteral("address"), QT_TR_NOOP("Address") },
        { QStringLiteral("national_id"), QT_TR_NOOP("National ID number") },
        { QStringLiteral("birth_date"), QT_TR_NOOP("Date of birth") },
        { QStringLiteral("record_number"), QT_TR_NOOP("Record number") },
        { QStringLiteral("lmp"), QT_TR_NOOP("Last menstrual period") },
        { QStringLiteral("edd"), QT_TR_NOOP("Expected date of delivery") },
        { QStringLiteral("deleted"), QT_TR_NOOP("Deleted") },
        { QStringLiteral("responsible_doctor"), QT_TR_NOOP("Responsible doctor") },
        { QStringLiteral("responsible_nurse"), QT_TR_NOOP("Responsible nurse") },
    };
    const auto name = names.constFind(field);
    return name == names.constEnd() ? field : tr(*name);
}

QString ConflictDialog::valueText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return tr("(empty)");
    if (value.isDouble())
        return QLocale().toString(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    return value.toString();
}

void ConflictDialog::reload()
{
    m_error->clear();
    const auto open = m_store.open();
    if (!open) {
        m_error->setText(open.error().message);
        return;
    }
    m_conflicts = *open;
    m_table->setRowCount(int(m_conflicts.size()));
    const QLocale locale;
    for (int row = 0; row < m_conflicts.size(); ++row) {
        const SyncConflict &conflict = m_conflicts[row];
        const QString woman
            = conflict.womanName.isEmpty() ? tr("(not in this clinic's records)") : conflict.womanName;
        const QStringList cells { woman, recordKind(conflict.table),
            conflict.isWholeRecord() ? tr("whole record") : fieldName(conflict.field),
            conflict.isWholeRecord() ? QString() : valueText(conflict.localValue),
            conflict.isWholeRecord() ? tr("could not be stored here") : valueText(conflict.centerValue),
            locale.toString(conflict.detectedAt.toLocalTime(), QLocale::ShortFormat) };
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_table->resizeColumnsToContents();
    if (!m_conflicts.isEmpty())
        m_table->selectRow(0);
    showSelected();
}

void ConflictDialog::showSelected()
{
    const int row = m_table->currentRow();
    const bool valid = row >= 0 && row < m_conflicts.size();
    const bool choosable = valid && !m_conflicts[row].isWholeRecord();
    for (QWidget *widget :
        { static_cast<QWidget *>(m_mine), static_cast<QWidget *>(m_theirs), static_cast<QWidget *>(m_other),
            static_cast<QWidget *>(m_typed), static_cast<QWidget *>(m_apply) })
        widget->setEnabled(choosable);
    m_error->clear();
    if (!valid) {
        m_question->setText(tr("No conflicts are waiting."));
        m_mine->setText(tr("Keep this workstation's value"));
        m_theirs->setText(tr("Take the regional center's value"));
        return;
    }
    const SyncConflict &conflict = m_conflicts[row];
    if (!choosable) {
        m_question->setText(tr(
            "The regional center sent a %1 that this workstation could not store (it may refer to a record "
            "not here). It is kept for the clinic's administrator; nothing was lost.")
                                .arg(recordKind(conflict.table)));
        return;
    }
    m_question->setText(
        tr("%1 — %2: which value is right?").arg(conflict.womanName, fieldName(conflict.field)));
    m_mine->setText(tr("Keep this workstation's value: %1").arg(valueText(conflict.localValue)));
    m_theirs->setText(tr("Take the regional center's value: %1").arg(valueText(conflict.centerValue)));
    m_typed->setText(conflict.currentValue);
    m_mine->setChecked(true);
}

bool ConflictDialog::choose(int row, int choice, const QString &typed)
{
    if (row < 0 || row >= m_conflicts.size())
        return false;
    const SyncConflict conflict = m_conflicts[row];
    QJsonValue value;
    switch (choice) {
    case KeepMine:
        value = conflict.localValue;
        break;
    case TakeTheirs:
        value = conflict.centerValue;
        break;
    default: {
        const auto parsed = typedValue(conflict, typed.trimmed());
        if (!parsed) {
            m_error->setText(parsed.error().message);
            return false;
        }
        value = *parsed;
        break;
    }
    }
    if (const auto saved = m_store.resolve(conflict.id, value); !saved) {
        m_error->setText(saved.error().message);
        return false;
    }
    emit resolved();
    reload();
    return true;
}

Result<QJsonValue> ConflictDialog::typedValue(const SyncConflict &conflict, const QString &typed)
{
    // A typed value has the shape of the two it replaces: a number stays a number, a date a date.
    if (typed.isEmpty())
        return QJsonValue();
    const QJsonValue sample = conflict.centerValue.isNull() ? conflict.localValue : conflict.centerValue;
    if (sample.isDouble()) {
        bool ok = false;
        double number = QLocale().toDouble(typed, &ok);
        if (!ok)
            number = typed.toDouble(&ok);
        if (!ok)
            return failure(QStringLiteral("sync.conflict-value"), tr("Enter a number."));
        return QJsonValue(number);
    }
    if (sample.isString() && QDate::fromString(sample.toString(), Qt::ISODate).isValid()) {
        const QDate date = QDate::fromString(typed, Qt::ISODate);
        if (!date.isValid())
            return failure(
                QStringLiteral("sync.conflict-value"), tr("Enter a date as YYYY-MM-DD, e.g. 2026-03-15."));
        return QJsonValue(date.toString(Qt::ISODate));
    }
    return QJsonValue(typed);
}

void ConflictDialog::applyChoice()
{
    choose(m_table->currentRow(), m_choices->checkedId(), m_typed->text());
}
