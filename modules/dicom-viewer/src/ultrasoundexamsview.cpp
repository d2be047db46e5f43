#include "dicom-viewer/ultrasoundexamsview.h"

#include "dicom-viewer/fetalgrowthpanel.h"
#include "ultrasound-exams/ultrasoundexamrecords.h"
#include "ultrasound-exams/ultrasoundreportrepository.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

UltrasoundExamsView::UltrasoundExamsView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_growth(new FetalGrowthPanel(this))
    , m_reportsSummary(new QLabel(this))
    , m_reportsTable(new QTableWidget(this))
    , m_openFiles(new QPushButton(tr("Open DICOM &files…"), this))
    , m_openFolder(new QPushButton(tr("Open a DICOM f&older…"), this))
{
    QStringList headers { tr("Exam date"), tr("GA by ultrasound"), tr("EFW (g)") };
    for (BiometryMeasure m : BiometryMeasures::all())
        headers << tr("%1 (mm)").arg(BiometryMeasures::abbreviation(m));
    headers << tr("Dates the pregnancy");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary->setWordWrap(true);
    m_openFiles->setToolTip(
        tr("Open ultrasound images in the viewer; biometry measured there is saved to this pregnancy"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openFiles);
    buttons->addWidget(m_openFolder);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    // Exams, growth chart and reports share the height; the clinician moves the dividers.
    auto *reports = new QWidget(this);
    auto *reportsLayout = new QVBoxLayout(reports);
    reportsLayout->setContentsMargins(0, 0, 0, 0);
    reportsLayout->addWidget(m_reportsSummary);
    reportsLayout->addWidget(m_reportsTable, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("ultrasoundSplitter"));
    split->addWidget(m_table);
    split->addWidget(m_growth);
    split->addWidget(reports);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    m_reportsTable->setColumnCount(4);
    m_reportsTable->setHorizontalHeaderLabels(
        { tr("Exam date"), tr("Report"), tr("Impression"), tr("Study") });
    m_reportsTable->verticalHeader()->hide();
    m_reportsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reportsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reportsTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_reportsTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        emit reportOpenRequested(m_reportsTable->item(row, 0)->data(Qt::UserRole).toUuid());
    });
    connect(m_openFiles, &QPushButton::clicked, this, &UltrasoundExamsView::openFilesRequested);
    connect(m_openFolder, &QPushButton::clicked, this, &UltrasoundExamsView::openFolderRequested);
    connect(m_growth, &FetalGrowthPanel::problem, this, &UltrasoundExamsView::problem);
    showPregnancy(nullptr, {});
}

void UltrasoundExamsView::showPregnancy(UltrasoundExamRecords *records, const QUuid &pregnancyId)
{
    m_records = records;
    m_pregnancyId = pregnancyId;
    refresh();
}

void UltrasoundExamsView::refresh()
{
    refreshReports();
    m_table->setRowCount(0);
    const bool linked = m_records && !m_pregnancyId.isNull();
    m_openFiles->setEnabled(linked);
    m_openFolder->setEnabled(linked);
    if (!linked) {
        m_summary->setText(tr("No current pregnancy: ultrasound exams are recorded for a pregnancy."));
        m_growth->showScans({});
        return;
    }
    auto exams = m_records->forPregnancy(m_pregnancyId);
    auto pregnancy = m_records->pregnancy(m_pregnancyId);
    if (!exams || !pregnancy) {
        const QString message = !exams ? exams.error().message : pregnancy.error().message;
        m_summary->setText(message);
        m_growth->showScans({});
        emit problem(message);
        return;
    }
    // The growth chart plots each exam at its gestational age by the pregnancy's dating (LMP,
    // or the scan that re-dated it), not by its own biometry, which would put it on the 50th.
    QList<FetalGrowth::Scan> scans;
    for (const UltrasoundExam &exam : std::as_const(*exams))
        scans.append({ exam.meta.id, exam.examDate,
            *pregnancy ? (*pregnancy)->gestationalAgeOn(exam.examDate) : std::nullopt, exam.biometry });
    m_growth->showScans(scans, *pregnancy ? (*pregnancy)->fetuses : 1);
    m_summary->setText(exams->isEmpty()
            ? tr("No ultrasound exam recorded yet. Open the images, measure the biometry and save it to the "
                 "pregnancy.")
            : tr("%n ultrasound exam(s), newest first.", nullptr, int(exams->size())));
    const QLocale locale;
    for (const UltrasoundExam &exam : std::as_const(*exams)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QStringList cells { locale.toString(exam.examDate, QLocale::ShortFormat),
            exam.gestationalAge ? exam.gestationalAge->toString() : QString(),
            exam.efwGrams ? locale.toString(qRound(*exam.efwGrams)) : QString() };
        for (BiometryMeasure m : BiometryMeasures::all()) {
            const auto mm = exam.biometry.millimetres(m);
            cells << (mm ? locale.toString(*mm, 'f', 1) : QString());
        }
        cells << (exam.datedPregnancy ? tr("yes") : QString());
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_table->item(row, 1)->setToolTip(exam.gaMethod);
        m_table->item(row, 2)->setToolTip(exam.efwFormula);
    }
    m_table->resizeColumnsToContents();
}

void UltrasoundExamsView::refreshReports()
{
    m_reportsTable->setRowCount(0);
    m_reportsSummary->clear();
    if (!m_reports || m_pregnancyId.isNull())
        return;
    auto reports = m_reports->forPregnancy(m_pregnancyId);
    if (!reports) {
        m_reportsSummary->setText(reports.error().message);
        emit problem(reports.error().message);
        return;
    }
    m_reportsSummary->setText(reports->isEmpty()
            ? tr("No ultrasound report yet.")
            : tr("%n ultrasound report(s):", nullptr, int(reports->size())));
    const QLocale locale;
    QSet<QUuid> amended;
    for (const UltrasoundReport &r : std::as_const(*reports))
        if (r.isSigned() && !r.amends.isNull())
            amended.insert(r.amends);
    for (const UltrasoundReport &r : std::as_const(*reports)) {
        const int row = m_reportsTable->rowCount();
        m_reportsTable->insertRow(row);
        QString status = r.isSigned()
            ? tr("Signed by %1, %2")
                  .arg(r.signedBy, locale.toString(r.signedAt.toLocalTime(), QLocale::ShortFormat))
            : tr("Draft");
        if (!r.amends.isNull())
            status = tr("Amendment: %1").arg(status);
        if (amended.contains(r.meta.id))
            status = tr("Superseded: %1").arg(status);
        const QStringList cells { locale.toString(r.examDate, QLocale::ShortFormat), status, r.impression,
            r.studyInstanceUid };
        for (int c = 0; c < cells.size(); ++c)
            m_reportsTable->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_reportsTable->item(row, 0)->setData(Qt::UserRole, r.meta.id);
    }
    m_reportsTable->resizeColumnsToContents();
}
