#include "dicom-viewer/biometrypanel.h"

#include "biometry/hadlockweight.h"
#include "biometry/ultrasoundgestationalage.h"
#include "ultrasound-exams/ultrasoundexamrecords.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
// FMF: NT is measured at CRL 45–84 mm; 3.5 mm or more is above the 99th centile.
constexpr double NtWindowCrlMinMm = 45;
constexpr double NtWindowCrlMaxMm = 84;
constexpr double NtAbove99thCentileMm = 3.5;

QString dateText(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}
} // namespace

BiometryPanel::BiometryPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(int(BiometryMeasures::all().size()), 3, this))
    , m_efw(new QLabel(this))
    , m_ga(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_woman(new QLabel(this))
    , m_identityWarning(new QLabel(this))
    , m_identityConfirmed(new QCheckBox(tr("These images are of this woman"), this))
    , m_examDate(new QDateEdit(this))
    , m_save(new QPushButton(tr("&Save to pregnancy"), this))
    , m_date(new QPushButton(tr("Use to &date the pregnancy…"), this))
    , m_confirm(new QPushButton(tr("Confirm the new dating"), this))
    , m_recordMessage(new QLabel(this))
{
    auto *choose = new QGridLayout;
    const auto measures = BiometryMeasures::all();
    for (int i = 0; i < measures.size(); ++i) {
        const BiometryMeasure m = measures[i];
        auto *button = new QPushButton(BiometryMeasures::abbreviation(m), this);
        button->setCheckable(true);
        button->setToolTip(
            tr("%1: draw it on the image (%2)")
                .arg(BiometryMeasures::name(m),
                    BiometryMeasures::drawing(m) == BiometryMeasures::Drawing::Ellipse
                        ? tr("ellipse: drag along one axis, then move to fit the outline and click")
                        : tr("distance: drag from one calliper to the other")));
        connect(button, &QPushButton::toggled, this, [this, m, button](bool on) {
            for (QPushButton *other : std::as_const(m_measureButtons))
                if (other != button && on)
                    other->setChecked(false);
            emit measureChosen(on ? std::optional<BiometryMeasure>(m) : std::nullopt);
        });
        m_measureButtons.append(button);
        choose->addWidget(button, i / 3, i % 3);
    }

    m_table->setHorizontalHeaderLabels({ tr("Measure"), tr("Value"), tr("GA implied") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (int row = 0; row < measures.size(); ++row) {
        auto *name = new QTableWidgetItem(QStringLiteral("%1  %2").arg(
            BiometryMeasures::abbreviation(measures[row]), BiometryMeasures::name(measures[row])));
        name->setToolTip(BiometryMeasures::name(measures[row]));
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem);
        m_table->setItem(row, 2, new QTableWidgetItem);
    }
    m_table->setToolTip(tr("Delete removes the selected value"));
    // Every row in view without scrolling: six short rows of known height.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height()
        + int(measures.size()) * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());
    auto *remove = new QAction(this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(remove);
    connect(remove, &QAction::triggered, this, [this, measures] {
        if (m_table->currentRow() >= 0)
            clearMeasure(measures[m_table->currentRow()]);
    });

    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_efw->setFont(big);
    m_ga->setFont(big);
    for (QLabel *label : { m_efw, m_ga, m_notes, m_woman, m_recordMessage }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto *results = new QFormLayout;
    results->addRow(tr("GA by ultrasound:"), m_ga);
    results->addRow(tr("Estimated fetal weight:"), m_efw);
    results->addRow(m_notes);

    auto *record = new QGroupBox(tr("Pregnancy record"), this);
    m_examDate->setCalendarPopup(true);
    m_examDate->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    auto *recordLayout = new QFormLayout(record);
    recordLayout->addRow(m_woman);
    recordLayout->addRow(m_identityWarning);
    recordLayout->addRow(m_identityConfirmed);
    m_identityWarning->setWordWrap(true);
    m_identityWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    connect(m_identityConfirmed, &QCheckBox::toggled, this, &BiometryPanel::refresh);
    recordLayout->addRow(tr("Exam date:"), m_examDate);
    recordLayout->addRow(m_save);
    recordLayout->addRow(m_date);
    recordLayout->addRow(m_recordMessage);
    recordLayout->addRow(m_confirm);
    m_confirm->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Choose a measure, then draw it on the image:"), this));
    layout->addLayout(choose);
    layout->addWidget(m_table);
    layout->addLayout(results);
    layout->addWidget(record);
    layout->addStretch();

    connect(m_save, &QPushButton::clicked, this, &BiometryPanel::saveToPregnancy);
    connect(m_date, &QPushButton::clicked, this, &BiometryPanel::proposeDating);
    connect(m_confirm, &QPushButton::clicked, this, &BiometryPanel::confirmDating);
    setRecordLink(nullptr, {}, {});
    refresh();
}

void BiometryPanel::setRecordLink(UltrasoundExamRecords *records, const QUuid &pregnancyId,
    const QString &womanLabel, const QString &womanId)
{
    const bool samePregnancy = records && records == m_records && pregnancyId == m_pregnancyId;
    m_womanLabel = womanLabel;
    m_womanId = womanId.trimmed();
    m_woman->setText(tr("Saves to the pregnancy of %1").arg(womanLabel));
    if (samePregnancy) {
        checkIdentity();
        return; // the chart was reloaded (after a save): this reading's exam and message stay
    }
    m_records = records;
    m_identityConfirmed->setChecked(false);
    m_pregnancyId = pregnancyId;
    m_saved.reset();
    m_proposal.reset();
    m_woman->setText(records
            ? tr("Saves to the pregnancy of %1").arg(womanLabel)
            : tr("Not linked to a pregnancy: open the images from a woman's chart (Ultrasound tab) "
                 "to save the biometry to her record."));
    showRecordMessage({});
    checkIdentity();
}

void BiometryPanel::startExam(
    const QDate &examDate, const QString &studyInstanceUid, const QString &patientId)
{
    if (studyInstanceUid == m_studyUid && !studyInstanceUid.isEmpty())
        return; // another image of the same study: same exam, values kept
    m_imagesPatientId = patientId.trimmed();
    m_identityConfirmed->setChecked(false);
    m_studyUid = studyInstanceUid;
    m_studyDate = examDate.isValid() ? examDate : QDate::currentDate();
    m_examDate->setDate(m_studyDate);
    m_biometry = {};
    m_machineNote.clear();
    m_machineAfiCm.reset();
    m_saved.reset();
    m_proposal.reset();
    showRecordMessage({});
    checkIdentity();
}

bool BiometryPanel::needsIdentityConfirmation() const
{
    const bool differs
        = m_imagesPatientId.isEmpty() || m_imagesPatientId.compare(m_womanId, Qt::CaseInsensitive) != 0;
    return m_records && !m_womanId.isEmpty() && differs && !m_identityConfirmed->isChecked();
}

void BiometryPanel::checkIdentity()
{
    const bool differs = m_records && !m_womanId.isEmpty()
        && (m_imagesPatientId.isEmpty() || m_imagesPatientId.compare(m_womanId, Qt::CaseInsensitive) != 0);
    m_identityWarning->setText(!differs ? QString()
            : m_imagesPatientId.isEmpty()
            ? tr("These images carry no patient ID: make sure they are of %1 before saving.")
                  .arg(m_womanLabel)
            : tr("These images are of patient ID %1, not %2 (ID %3).")
                  .arg(m_imagesPatientId, m_womanLabel, m_womanId));
    m_identityWarning->setVisible(differs);
    m_identityConfirmed->setVisible(differs);
    refresh();
}

bool BiometryPanel::takeMeasurement(const ViewerMeasurement &measurement)
{
    if (!measurement.biometry)
        return false;
    for (QPushButton *button : std::as_const(m_measureButtons))
        button->setChecked(false);
    if (auto stored = m_biometry.set(*measurement.biometry, measurement.lengthMm()); !stored) {
        emit problem(stored.error().message);
        return false;
    }
    m_proposal.reset();
    refresh();
    return true;
}

void BiometryPanel::acceptMachineBiometry(const MachineFetus &fetus, const QString &source)
{
    const QLocale locale;
    QStringList taken;
    for (BiometryMeasure measure : BiometryMeasures::all()) {
        const auto mm = fetus.biometry.millimetres(measure);
        if (mm && m_biometry.set(measure, *mm))
            taken << BiometryMeasures::abbreviation(measure);
    }
    m_machineAfiCm = fetus.afiCm;
    if (taken.isEmpty())
        return;
    const QString who = fetus.label.isEmpty() ? source : tr("%1, fetus %2").arg(source, fetus.label);
    m_machineNote = tr("%1 from the machine: %2.").arg(taken.join(QStringLiteral(", ")), who);
    if (fetus.efwGrams)
        m_machineNote += QLatin1Char(' ') + tr("The machine's own EFW: %1 g.").arg(locale.toString(qRound(*fetus.efwGrams)));
    m_proposal.reset();
    refresh();
}

void BiometryPanel::clearMeasure(BiometryMeasure measure)
{
    m_biometry.clear(measure);
    m_proposal.reset();
    refresh();
}

UltrasoundExam BiometryPanel::exam() const
{
    UltrasoundExam exam = UltrasoundExam::measured(m_pregnancyId, m_examDate->date(), m_studyUid, m_biometry);
    if (m_saved) {
        exam.meta = m_saved->meta; // the same record, updated
        exam.datedPregnancy = m_saved->datedPregnancy;
    }
    return exam;
}

QString BiometryPanel::efwText() const
{
    return m_efw->text();
}

QString BiometryPanel::gestationalAgeText() const
{
    return m_ga->text();
}

QString BiometryPanel::recordMessage() const
{
    return m_recordMessage->text();
}

void BiometryPanel::refresh()
{
    const QLocale locale;
    const auto measures = BiometryMeasures::all();
    for (int row = 0; row < measures.size(); ++row) {
        const auto mm = m_biometry.millimetres(measures[row]);
        m_table->item(row, 1)->setText(mm ? tr("%1 mm").arg(locale.toString(*mm, 'f', 1)) : QString());
        QString ga;
        if (mm && measures[row] != BiometryMeasure::Nt) {
            auto single = UltrasoundGestationalAge::fromSingle(measures[row], *mm);
            ga = single ? single->age.toString() : tr("not for dating");
        }
        m_table->item(row, 2)->setText(ga);
    }
    if (auto efw = HadlockWeight::estimate(m_biometry)) {
        m_efw->setText(
            tr("%1 g · %2")
                .arg(locale.toString(qRound(efw->grams)), HadlockWeight::formulaName(efw->formula)));
    } else {
        m_efw->setText(tr("— needs AC and FL"));
    }
    if (auto ga = UltrasoundGestationalAge::estimate(m_biometry))
        m_ga->setText(tr("%1 weeks · %2").arg(ga->age.toString(), UltrasoundGestationalAge::methodName(*ga)));
    else
        m_ga->setText(tr("— needs CRL, or BPD, HC, AC, FL"));

    QStringList notes;
    if (!m_machineNote.isEmpty())
        notes << m_machineNote;
    if (const auto nt = m_biometry.millimetres(BiometryMeasure::Nt)) {
        const auto crl = m_biometry.millimetres(BiometryMeasure::Crl);
        if (!crl || *crl < NtWindowCrlMinMm || *crl > NtWindowCrlMaxMm)
            notes << tr("NT is assessed at CRL 45–84 mm (11+0 to 13+6); measure the CRL.");
        if (*nt >= NtAbove99thCentileMm)
            notes << tr("NT of 3.5 mm or more is above the 99th centile: refer for counselling.");
    }
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    const bool linked = m_records != nullptr;
    const bool writable = linked && !m_biometry.isEmpty() && !needsIdentityConfirmation();
    m_save->setEnabled(writable);
    m_date->setEnabled(writable);
    m_examDate->setEnabled(linked);
    m_confirm->setVisible(m_proposal && !m_proposal->refused);
}

void BiometryPanel::showRecordMessage(const QString &message, bool isProblem)
{
    m_recordMessage->setText(message);
    m_recordMessage->setStyleSheet(isProblem ? QStringLiteral("color: #b00020;") : QString());
    m_recordMessage->setVisible(!message.isEmpty());
}

void BiometryPanel::saveToPregnancy()
{
    if (!m_records || needsIdentityConfirmation())
        return;
    UltrasoundExam toSave = exam();
    if (auto saved = m_records->save(toSave); !saved) {
        showRecordMessage(saved.error().message, true);
        return;
    }
    m_saved = toSave;
    showRecordMessage(tr("Saved to the pregnancy: exam of %1.").arg(dateText(toSave.examDate)));
    emit recordChanged(m_pregnancyId);
}

void BiometryPanel::proposeDating()
{
    if (!m_records || needsIdentityConfirmation())
        return;
    auto pregnancy = m_records->pregnancy(m_pregnancyId);
    if (!pregnancy || !*pregnancy) {
        showRecordMessage(
            pregnancy ? tr("The pregnancy is no longer in the record.") : pregnancy.error().message, true);
        return;
    }
    m_proposal = PregnancyRedating::propose(**pregnancy, exam());
    QString message = m_proposal->explanation;
    if (!m_proposal->refused)
        message = (m_proposal->changesEdd()
                          ? tr("EDD %1 → %2.")
                                .arg(dateText(m_proposal->eddBefore), dateText(m_proposal->eddAfter))
                          : tr("EDD stays %1.").arg(dateText(m_proposal->eddBefore)))
            + QLatin1Char(' ') + message;
    showRecordMessage(message, m_proposal->refused);
    refresh();
}

void BiometryPanel::confirmDating()
{
    if (!m_records || !m_proposal || m_proposal->refused)
        return;
    UltrasoundExam toDate = exam();
    auto applied = m_records->useToDate(toDate);
    m_proposal.reset();
    if (!applied) {
        showRecordMessage(applied.error().message, true);
        refresh();
        return;
    }
    if (applied->refused) {
        showRecordMessage(applied->explanation, true);
    } else {
        m_saved = toDate;
        showRecordMessage(
            (applied->changesEdd()
                    ? tr("Dated by this ultrasound: the EDD is now %1.").arg(dateText(applied->eddAfter))
                    : tr("The EDD by LMP stands (%1); the scan is kept as the dating ultrasound.")
                          .arg(dateText(applied->eddAfter)))
            + QLatin1Char(' ') + applied->explanation);
        emit recordChanged(m_pregnancyId);
    }
    refresh();
}
