#include "cases-ui/caseclosuredialog.h"

#include "cases-ui/caseforms.h"
#include "cases/casemanagement.h"
#include "cases/outcomefields.h"
#include "ui-common/screenfit.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {
// A date not yet entered shows blank: the edit's minimum stands for "none".
const QDate NoDate(2000, 1, 1);

QDate dateOf(const QDateEdit *edit)
{
    return edit->date() == NoDate ? QDate() : edit->date();
}

QString textOf(const QWidget *widget)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(widget))
        return line->text().trimmed();
    if (const auto *box = qobject_cast<const QComboBox *>(widget))
        return box->currentData().toString();
    if (const auto *date = qobject_cast<const QDateEdit *>(widget))
        return dateOf(date).toString(Qt::ISODate);
    return {};
}

QLineEdit *numberEdit(QWidget *parent, const QString &objectName, int top, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setValidator(new QIntValidator(0, top, edit));
    edit->setPlaceholderText(placeholder);
    return edit;
}

// The validator names a few fields differently from the form's keys.
QString widgetFor(const QString &field)
{
    if (field == QLatin1String("bloodLoss"))
        return QStringLiteral("bloodLossMl");
    if (field == QLatin1String("postpartumCheck"))
        return QStringLiteral("postpartumCheckOn");
    return field;
}
} // namespace

CaseClosureDialog::CaseClosureDialog(CaseManagement &cases, const CaseFile &caseFile, const QString &woman,
    const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_cases(cases)
    , m_case(caseFile)
    , m_today(today)
    , m_kind(choiceBox(this, QStringLiteral("kind"), QStringLiteral("kind")))
    , m_form(new QFormLayout)
    , m_newbornBox(new QGroupBox(tr("Newborns"), this))
    , m_newbornLayout(new QVBoxLayout)
    , m_errors(CaseForms::errorSummary(this))
{
    setWindowTitle(tr("Close the case (outcome) — %1").arg(woman));
    m_kind->removeItem(0); // the kind always has a value: delivery unless chosen otherwise
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(tr("&How the pregnancy ended:"), m_kind);
    addRow(QStringLiteral("date"), tr("Date:"), optionalDate(this, QStringLiteral("date"), today));
    auto *ga = new QLineEdit(this);
    ga->setObjectName(QStringLiteral("gestationalAge"));
    ga->setPlaceholderText(tr("weeks+days, e.g. 38+2"));
    addRow(QStringLiteral("gestationalAge"), tr("Gestational age:"), ga);
    addRow(QStringLiteral("mode"), tr("Mode of delivery:"),
        choiceBox(this, QStringLiteral("mode"), QStringLiteral("mode")));
    auto *place = new QLineEdit(this);
    place->setObjectName(QStringLiteral("place"));
    place->setPlaceholderText(tr("hospital name"));
    addRow(QStringLiteral("place"), tr("Place of delivery:"), place);
    addRow(QStringLiteral("placeLevel"), tr("Hospital level:"),
        choiceBox(this, QStringLiteral("placeLevel"), QStringLiteral("placeLevel")));
    addRow(QStringLiteral("maternalOutcome"), tr("Maternal outcome:"),
        choiceBox(this, QStringLiteral("maternalOutcome"), QStringLiteral("maternalOutcome")));
    for (const auto &[key, label] : { std::pair { "complications", QT_TR_NOOP("Complications:") },
             std::pair { "destination", QT_TR_NOOP("Transferred to:") },
             std::pair { "cause", QT_TR_NOOP("Reason or cause:") } }) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(key));
        addRow(QLatin1String(key), tr(label), edit);
    }
    addRow(QStringLiteral("bloodLossMl"), tr("Blood loss:"),
        numberEdit(this, QStringLiteral("bloodLossMl"), 10000, tr("mL")));

    m_newbornBox->setObjectName(QStringLiteral("newborns"));
    auto *newbornButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add a newborn (twins)"), this);
    add->setObjectName(QStringLiteral("addNewborn"));
    auto *remove = new QPushButton(tr("&Remove the last newborn"), this);
    remove->setObjectName(QStringLiteral("removeNewborn"));
    connect(add, &QPushButton::clicked, this, &CaseClosureDialog::addNewborn);
    connect(remove, &QPushButton::clicked, this, &CaseClosureDialog::removeNewborn);
    newbornButtons->addWidget(add);
    newbornButtons->addWidget(remove);
    newbornButtons->addStretch();
    auto *newbornOuter = new QVBoxLayout(m_newbornBox);
    newbornOuter->addLayout(m_newbornLayout);
    newbornOuter->addLayout(newbornButtons);
    m_form->addRow(m_newbornBox);
    m_fields.insert(QStringLiteral("newborns"), m_newbornBox);

    addRow(QStringLiteral("postpartumCheckOn"), tr("42-day postpartum check on:"),
        optionalDate(this, QStringLiteral("postpartumCheckOn"), today));
    auto *findings = new QLineEdit(this);
    findings->setObjectName(QStringLiteral("postpartumFindings"));
    addRow(QStringLiteral("postpartumFindings"), tr("Postpartum check findings:"), findings);
    auto *notes = new QLineEdit(this);
    notes->setObjectName(QStringLiteral("notes"));
    addRow(QStringLiteral("notes"), tr("Notes:"), notes);
    addNewborn();

    connect(m_kind, &QComboBox::currentIndexChanged, this, &CaseClosureDialog::updateRows);
    auto *body = new QWidget(this);
    body->setLayout(m_form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(
        tr("A closed case can no longer be edited; later corrections are amendments with a reason."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_errors);
    layout->addWidget(scroll, 1);
    layout->addWidget(CaseForms::buttons(this, tr("&Close the case")));
    updateRows();
    ScreenFit::resize(this, QSize(620, 760));
}

QComboBox *CaseClosureDialog::choiceBox(
    QWidget *parent, const QString &objectName, const QString &choiceField)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->addItem(tr("— choose —"), QString());
    for (const auto &[key, label] : OutcomeFields::choices(choiceField))
        box->addItem(label, key);
    return box;
}

QDateEdit *CaseClosureDialog::optionalDate(QWidget *parent, const QString &objectName, const QDate &today)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoDate);
    edit->setMaximumDate(today);
    edit->setSpecialValueText(tr("not entered"));
    edit->setDate(NoDate);
    return edit;
}

QWidget *CaseClosureDialog::addRow(const QString &key, const QString &label, QWidget *editor)
{
    m_form->addRow(label, editor);
    m_fields.insert(key, editor);
    return editor;
}

void CaseClosureDialog::setKind(CaseOutcome::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(CaseOutcome::kindKey(kind)));
}

// Only the rows of the chosen end are shown; what it does not need is not asked.
void CaseClosureDialog::updateRows()
{
    CaseOutcome sample;
    sample.kind
        = CaseOutcome::kindFromKey(m_kind->currentData().toString()).value_or(CaseOutcome::Kind::Delivery);
    QStringList keys;
    for (const OutcomeField &field : OutcomeFields::of(sample))
        keys.append(field.key);
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const bool shown = it.key() == QLatin1String("newborns") ? sample.kind == CaseOutcome::Kind::Delivery
                                                                 : keys.contains(it.key());
        m_form->setRowVisible(it.value(), shown);
    }
}

void CaseClosureDialog::addNewborn()
{
    const int number = static_cast<int>(m_newborns.size()) + 1;
    const QString prefix = QStringLiteral("newborn%1.").arg(number);
    auto *box = new QGroupBox(tr("Newborn %1").arg(number), m_newbornBox);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Sex:"), choiceBox(box, prefix + QStringLiteral("sex"), QStringLiteral("sex")));
    form->addRow(tr("Birth weight:"), numberEdit(box, prefix + QStringLiteral("weightGrams"), 9999, tr("g")));
    auto *apgar = new QHBoxLayout;
    apgar->addWidget(new QLabel(tr("1 min"), box));
    apgar->addWidget(numberEdit(box, prefix + QStringLiteral("apgar1"), 10, tr("0–10")));
    apgar->addWidget(new QLabel(tr("5 min"), box));
    apgar->addWidget(numberEdit(box, prefix + QStringLiteral("apgar5"), 10, tr("0–10")));
    form->addRow(tr("Apgar score:"), apgar);
    form->addRow(
        tr("Outcome:"), choiceBox(box, prefix + QStringLiteral("outcome"), QStringLiteral("newbornOutcome")));
    m_newbornLayout->addWidget(box);
    m_newborns.append(box);
}

void CaseClosureDialog::removeNewborn()
{
    if (m_newborns.size() <= 1) // a delivery has at least one baby
        return;
    delete m_newborns.takeLast();
}

CaseOutcome CaseClosureDialog::outcome() const
{
    CaseOutcome o;
    o.kind = CaseOutcome::kindFromKey(m_kind->currentData().toString()).value_or(CaseOutcome::Kind::Delivery);
    if (o.kind == CaseOutcome::Kind::Delivery)
        o.newborns.resize(m_newborns.size());
    // Each shown field goes through the same parsing as an amendment; what does not parse
    // stays empty and the validator names it.
    for (const OutcomeField &field : OutcomeFields::of(o)) {
        const QWidget *widget = m_fields.value(field.key);
        if (!widget)
            widget = findChild<QWidget *>(field.key);
        if (!widget)
            continue;
        if (auto changed = OutcomeFields::withValue(o, field.key, textOf(widget)))
            o = *changed;
    }
    return o;
}

void CaseClosureDialog::accept()
{
    const CaseOutcome closure = outcome();
    const QList<FieldError> errors = CaseOutcomeValidator::validate(closure, m_case.openedOn, m_today);
    m_errorFields.clear();
    for (const FieldError &error : errors)
        m_errorFields.append(error.field);
    CaseForms::showErrors(this, m_errors, errors, widgetFor);
    if (!errors.isEmpty())
        return;
    if (auto closed = m_cases.close(m_case.meta.id, closure, m_today); !closed) {
        CaseForms::showErrors(this, m_errors, { { QString(), closed.error().message } });
        return;
    }
    QDialog::accept();
}
