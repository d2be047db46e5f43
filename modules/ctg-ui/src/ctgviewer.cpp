#include "ctg-ui/ctgviewer.h"

#include "ctg-ui/ctgpaperview.h"
#include "ctg-ui/ctgpdfexport.h"
#include "ctg-ui/ctgreview.h"
#include "ctg-ui/ctgterms.h"
#include "ui-common/screenfit.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
// Word and color together: the class is read, not guessed from a hue.
void setChip(QLabel *label, const QString &text, const QColor &color)
{
    label->setText(text);
    label->setStyleSheet(QStringLiteral("color: white; background: %1; padding: 3px 8px; border-radius: 3px; "
                                        "font-weight: bold;")
                             .arg(color.name()));
}

QString duration(double seconds)
{
    const int s = int(std::round(seconds));
    return s >= 60 ? CtgViewer::tr("%1 min %2 s").arg(s / 60).arg(s % 60) : CtgViewer::tr("%1 s").arg(s);
}
} // namespace

CtgViewer::CtgViewer(CtgReview &review, QWidget *parent)
    : QWidget(parent)
    , m_review(review)
    , m_figo(new QLabel(this))
    , m_nichd(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_reasons(new QLabel(this))
    , m_signalWarning(new QLabel(this))
    , m_speed(new QComboBox(this))
    , m_scaleLabel(new QLabel(this))
    , m_paper(new CtgPaperView(this))
    , m_scroll(new QScrollBar(Qt::Horizontal, this))
    , m_events(new QTreeWidget(this))
    , m_annotations(new QTreeWidget(this))
    , m_signed(new QLabel(this))
    , m_consultationNote(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_saveDraft(new QPushButton(tr("Save &draft"), this))
    , m_sign(new QPushButton(tr("&Sign…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("ctgViewer"));
    setWindowTitle(tr("Fetal heart trace (CTG)"));
    m_figo->setObjectName(QStringLiteral("figoClass"));
    m_nichd->setObjectName(QStringLiteral("nichdCategory"));
    m_summary->setObjectName(QStringLiteral("ctgSummary"));
    m_summary->setWordWrap(true);
    m_reasons->setObjectName(QStringLiteral("ctgReasons"));
    m_reasons->setWordWrap(true);
    m_signalWarning->setObjectName(QStringLiteral("signalWarning"));
    m_signalWarning->setWordWrap(true);
    m_signalWarning->setStyleSheet(QStringLiteral(
        "QLabel { background: #fbe9e7; color: #8c1d00; border: 1px solid #d84315; padding: 4px; font-weight: bold; }"));
    m_signalWarning->hide();
    m_speed->setObjectName(QStringLiteral("chartSpeed"));
    for (int cm : { 1, 2, 3 })
        m_speed->addItem(tr("%1 cm/min").arg(cm), cm);
    m_speed->setToolTip(
        tr("Chart speed (走纸速度): centimetres of paper per minute, at true size on this screen"));
    m_scaleLabel->setObjectName(QStringLiteral("paperScale"));
    m_events->setObjectName(QStringLiteral("ctgEvents"));
    m_events->setHeaderLabels({ tr("Time"), tr("Event"), tr("Duration"), tr("Depth / height") });
    m_events->setRootIsDecorated(false);
    m_events->setAlternatingRowColors(true);
    m_annotations->setObjectName(QStringLiteral("ctgAnnotations"));
    m_annotations->setHeaderLabels({ tr("Time"), tr("Annotation"), tr("By") });
    m_annotations->setRootIsDecorated(false);
    m_signed->setObjectName(QStringLiteral("signedInterpretations"));
    m_signed->setWordWrap(true);
    m_signed->setTextFormat(Qt::RichText);
    m_consultationNote->setObjectName(QStringLiteral("consultationNote"));
    m_consultationNote->setWordWrap(true);
    m_consultationNote->setTextFormat(Qt::PlainText); // the other clinic's words, never markup
    m_consultationNote->setStyleSheet(QStringLiteral(
        "QLabel { background: #e3f2fd; color: #0d47a1; border: 1px solid #1565c0; padding: 4px; }"));
    m_consultationNote->hide();
    m_editor->setObjectName(QStringLiteral("ctgInterpretation"));
    m_editor->setPlaceholderText(
        tr("Interpretation (判读): baseline, variability, accelerations, decelerations, "
           "classification and what is to be done"));
    m_sign->setObjectName(QStringLiteral("signInterpretation"));
    m_status->setObjectName(QStringLiteral("ctgStatus"));

    auto *zoomOut = new QToolButton(this);
    zoomOut->setText(QStringLiteral("−"));
    zoomOut->setToolTip(tr("Zoom out (−, Ctrl+wheel)"));
    auto *zoomIn = new QToolButton(this);
    zoomIn->setText(QStringLiteral("+"));
    zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    auto *trueScale = new QToolButton(this);
    trueScale->setObjectName(QStringLiteral("trueScale"));
    trueScale->setText(tr("Paper scale"));
    trueScale->setToolTip(tr("Back to the true paper scale (0)"));
    auto *pdf = new QPushButton(tr("&Print / PDF…"), this);
    pdf->setObjectName(QStringLiteral("ctgPdf"));
    pdf->setToolTip(tr("The whole trace on A4 at the chosen chart speed, 1 cm of paper per cm"));
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_paper->setZoom(m_paper->zoom() / 1.5); });
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_paper->setZoom(m_paper->zoom() * 1.5); });
    connect(trueScale, &QToolButton::clicked, this, [this] { m_paper->setZoom(1); });
    connect(pdf, &QPushButton::clicked, this, &CtgViewer::exportPdf);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int) {
        m_paper->setCmPerMinute(m_speed->currentData().toInt());
        updateScaleLabel();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("FIGO:"), this));
    header->addWidget(m_figo);
    header->addSpacing(8);
    header->addWidget(new QLabel(tr("NICHD:"), this));
    header->addWidget(m_nichd);
    header->addSpacing(12);
    header->addWidget(m_summary, 1);
    auto *tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Chart speed:"), this));
    tools->addWidget(m_speed);
    tools->addSpacing(8);
    tools->addWidget(zoomOut);
    tools->addWidget(zoomIn);
    tools->addWidget(trueScale);
    tools->addWidget(m_scaleLabel);
    tools->addStretch();
    tools->addWidget(m_status);
    tools->addWidget(pdf);

    auto *paperColumn = new QWidget(this);
    auto *paperLayout = new QVBoxLayout(paperColumn);
    paperLayout->setContentsMargins(0, 0, 0, 0);
    paperLayout->addLayout(header);
    paperLayout->addWidget(m_signalWarning);
    paperLayout->addWidget(m_reasons);
    paperLayout->addLayout(tools);
    paperLayout->addWidget(m_paper);
    paperLayout->addWidget(m_scroll);
    paperLayout->addWidget(
        new QLabel(tr("Drag or scroll to move along the trace; click an event to select it; "
                      "double-click the paper to annotate that moment."),
            this));
    paperLayout->addStretch();

    auto *side = new QSplitter(Qt::Vertical, this);
    auto *eventsBox = new QGroupBox(tr("Detected events"), side);
    (new QVBoxLayout(eventsBox))->addWidget(m_events);
    auto *annotationsBox = new QGroupBox(tr("Annotations"), side);
    auto *annotationsLayout = new QVBoxLayout(annotationsBox);
    annotationsLayout->addWidget(m_annotations);
    auto *annotationButtons = new QHBoxLayout;
    auto *addAnnotation = new QPushButton(tr("&Annotate…"), annotationsBox);
    addAnnotation->setToolTip(tr("A note at the middle of the paper shown (or double-click the paper)"));
    auto *removeAnnotation = new QPushButton(tr("&Remove"), annotationsBox);
    annotationButtons->addWidget(addAnnotation);
    annotationButtons->addWidget(removeAnnotation);
    annotationButtons->addStretch();
    annotationsLayout->addLayout(annotationButtons);
    connect(addAnnotation, &QPushButton::clicked, this,
        [this] { annotateAt(m_paper->startSeconds() + m_paper->visibleSeconds() / 2); });
    connect(removeAnnotation, &QPushButton::clicked, this, &CtgViewer::removeSelectedAnnotation);
    auto *interpretationBox = new QGroupBox(tr("Interpretation (判读)"), side);
    auto *interpretationLayout = new QVBoxLayout(interpretationBox);
    interpretationLayout->addWidget(m_signed);
    interpretationLayout->addWidget(m_consultationNote);
    interpretationLayout->addWidget(m_editor, 1);
    auto *signRow = new QHBoxLayout;
    signRow->addStretch();
    signRow->addWidget(m_saveDraft);
    signRow->addWidget(m_sign);
    interpretationLayout->addLayout(signRow);
    connect(m_saveDraft, &QPushButton::clicked, this, &CtgViewer::saveDraft);
    connect(m_sign, &QPushButton::clicked, this, &CtgViewer::signInterpretation);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setStretchFactor(2, 3);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(paperColumn);
    split->addWidget(side);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({ 1100, 420 }); // the events and the interpretation are read, not peeked at
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_paper, &CtgPaperView::viewChanged, this, &CtgViewer::syncScrollBar);
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncing)
            m_paper->setStartSeconds(value / 10.0);
    });
    connect(m_paper, &CtgPaperView::eventClicked, this, [this](int index) {
        const QSignalBlocker blocker(m_events);
        m_events->setCurrentItem(m_events->topLevelItem(index));
    });
    connect(m_events, &QTreeWidget::itemClicked, this,
        [this](QTreeWidgetItem *item) { goToEvent(m_events->indexOfTopLevelItem(item)); });
    connect(m_events, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { goToEvent(m_events->indexOfTopLevelItem(item)); });
    connect(m_annotations, &QTreeWidget::itemClicked, this,
        [this](QTreeWidgetItem *item) { m_paper->centerOn(item->data(0, Qt::UserRole + 1).toDouble()); });
    connect(m_paper, &CtgPaperView::annotationRequested, this, &CtgViewer::annotateAt);

    connect(&m_review, &CtgReview::ready, this, &CtgViewer::showTrace);
    connect(&m_review, &CtgReview::failed, this, [this](const QString &message) {
        m_status->setText(message);
        emit problem(message);
    });
    connect(&m_review, &CtgReview::fetching, m_status, &QLabel::setText);
    connect(&m_review, &CtgReview::annotationsChanged, this, &CtgViewer::showAnnotations);
    connect(&m_review, &CtgReview::interpretationsChanged, this, &CtgViewer::showInterpretations);
    if (m_review.isOpening())
        m_status->setText(tr("Analysing the trace…"));
    if (m_review.isReady())
        showTrace();
    updateScaleLabel();
    ScreenFit::resize(this, QSize(1500, 900));
}

void CtgViewer::setWoman(const QString &woman)
{
    m_woman = woman;
    setWindowTitle(tr("Fetal heart trace (CTG) — %1").arg(woman));
}

void CtgViewer::setCmPerMinute(int cmPerMinute)
{
    m_speed->setCurrentIndex(m_speed->findData(cmPerMinute));
}

void CtgViewer::showTrace()
{
    const auto paperData = m_review.data();
    if (!paperData)
        return;
    m_status->clear();
    const CtgAnalysis &a = paperData->analysis;
    setChip(m_figo, CtgTerms::figo(a.figo.value), CtgTerms::figoColor(a.figo.value));
    setChip(m_nichd, CtgTerms::nichd(a.nichd.value), CtgTerms::nichdColor(a.nichd.value));
    const QLocale locale;
    QStringList parts;
    const CtgTraceRecord &r = m_review.record();
    if (r.recordedAt.isValid())
        parts << locale.toString(r.recordedAt.toLocalTime().date(), QLocale::ShortFormat) + QLatin1Char(' ')
                + r.recordedAt.toLocalTime().toString(QStringLiteral("HH:mm"));
    parts << tr("%1 min").arg(qRound(a.durationSeconds / 60));
    if (a.meanBaselineBpm)
        parts << tr("baseline %1 bpm").arg(qRound(*a.meanBaselineBpm));
    int decelerations = 0;
    int contractions = 0;
    for (const CtgEvent &e : a.events) {
        decelerations += e.type == CtgEvent::Type::Deceleration;
        contractions += e.type == CtgEvent::Type::Contraction;
    }
    parts << tr("%n acceleration(s)", nullptr, a.accelerations)
          << tr("%n deceleration(s)", nullptr, decelerations)
          << tr("%n contraction(s)", nullptr, contractions);
    if (a.nstReactive)
        parts << (*a.nstReactive ? tr("NST reactive") : tr("NST non-reactive"));
    parts << tr("signal lost %1%").arg(locale.toString(a.lostPercent, 'f', 1))
          << tr("trustworthy signal %1%").arg(locale.toString(a.signalQuality.trustworthyPercent, 'f', 0));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    showSignalWarning(a.signalQuality);
    m_reasons->setText(reasonTexts(a.reasons()).join(QLatin1Char(' ')));

    m_events->clear();
    for (const CtgEvent &e : a.events) {
        auto *item = new QTreeWidgetItem(m_events);
        item->setText(0, CtgPaperPainter::timeLabel(e.startSeconds, r.recordedAt, true));
        item->setText(1, CtgTerms::event(e));
        item->setText(2, duration(e.durationSeconds()));
        item->setText(3,
            e.type == CtgEvent::Type::Contraction ? tr("%1 units").arg(qRound(e.amplitude))
                                                  : tr("%1 bpm").arg(qRound(std::abs(e.amplitude))));
        if (e.type == CtgEvent::Type::Deceleration)
            item->setForeground(1,
                CtgTerms::figoColor(
                    e.subtype == QLatin1String("late") || e.subtype == QLatin1String("prolonged")
                        ? QStringLiteral("pathological")
                        : QStringLiteral("suspicious")));
    }
    for (int c = 0; c < m_events->columnCount(); ++c)
        m_events->resizeColumnToContents(c);
    m_paper->setData(paperData);
    showAnnotations();
    showInterpretations();
    syncScrollBar();
}

void CtgViewer::showSignalWarning(const CtgSignalQuality &quality)
{
    m_signalWarning->setVisible(quality.mayBeMaternal());
    if (!quality.mayBeMaternal())
        return;
    QStringList where;
    for (const CtgSuspectStretch &s : quality.stretches)
        if (s.mayBeMaternal())
            where << tr("%1–%2 (%3)")
                         .arg(CtgPaperPainter::timeLabel(s.startSeconds, m_review.record().recordedAt),
                             CtgPaperPainter::timeLabel(s.endSeconds, m_review.record().recordedAt), CtgTerms::suspect(s));
    m_signalWarning->setText(quality.maternalConfirmedByChannel()
            ? tr("⚠ Signal may be maternal: the FHR follows the recorded maternal heart rate at %1. "
                 "Those stretches are left out of the analysis; reposition the transducer and confirm the fetal heart.")
                  .arg(where.join(QStringLiteral(", ")))
            : tr("⚠ Signal may be maternal at %1: check the maternal pulse against the fetal heart "
                 "(auscultation or ultrasound) before acting on the trace there.")
                  .arg(where.join(QStringLiteral(", "))));
}

void CtgViewer::showAnnotations()
{
    CtgPaperPainter::Overlay overlay = m_paper->overlay();
    overlay.annotations = m_review.annotations();
    overlay.recordedAt = m_review.record().recordedAt;
    m_paper->setOverlay(overlay);
    m_annotations->clear();
    for (const CtgAnnotation &a : m_review.annotations()) {
        auto *item = new QTreeWidgetItem(m_annotations);
        item->setText(0, CtgPaperPainter::timeLabel(a.atSeconds, m_review.record().recordedAt, true));
        item->setText(1, a.text);
        item->setToolTip(1, a.text);
        item->setText(2, a.meta.author);
        item->setData(0, Qt::UserRole, a.meta.id);
        item->setData(0, Qt::UserRole + 1, a.atSeconds);
    }
    m_annotations->resizeColumnToContents(0);
}

void CtgViewer::showInterpretations()
{
    const QLocale locale;
    QStringList signedOnes;
    for (const CtgInterpretation &i : m_review.interpretations()) {
        if (!i.isSigned())
            continue;
        signedOnes << tr("<p><b>Signed by %1, %2</b> (read-only)<br>%3</p>")
                          .arg(i.signedBy.toHtmlEscaped(),
                              locale.toString(i.signedAt.toLocalTime(), QLocale::ShortFormat),
                              i.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    m_signed->setText(signedOnes.join(QString()));
    m_signed->setVisible(!signedOnes.isEmpty());
    const auto draft = m_review.draft();
    m_editor->setPlainText(draft ? draft->text : QString());
    m_editor->setPlaceholderText(signedOnes.isEmpty()
            ? tr("Interpretation (判读): baseline, variability, accelerations, decelerations, classification "
                 "and what is to be done")
            : tr("Signed interpretations stay as they are; write here to add another."));
}

void CtgViewer::syncScrollBar()
{
    m_syncing = true;
    m_scroll->setRange(0, int(std::ceil(m_paper->maximumStartSeconds() * 10)));
    m_scroll->setPageStep(std::max(1, int(m_paper->visibleSeconds() * 10)));
    m_scroll->setSingleStep(std::max(1, int(m_paper->visibleSeconds())));
    m_scroll->setValue(int(std::round(m_paper->startSeconds() * 10)));
    m_syncing = false;
    updateScaleLabel();
}

void CtgViewer::updateScaleLabel()
{
    const CtgPaperScale s = m_paper->scale();
    m_scaleLabel->setText(s.isTrueScale() ? tr("True paper scale: %1 cm/min, %2 bpm/cm (screen %3 dpi)")
                                                .arg(s.cmPerMinute())
                                                .arg(s.bpmPerCm())
                                                .arg(qRound(s.dotsPerInch()))
                                          : tr("Zoomed %1% — not paper scale").arg(qRound(s.zoom() * 100)));
}

void CtgViewer::goToEvent(int index)
{
    const auto paperData = m_review.data();
    if (!paperData || index < 0 || index >= paperData->analysis.events.size())
        return;
    const CtgEvent &e = paperData->analysis.events[index];
    m_paper->centerOn((e.startSeconds + e.endSeconds) / 2);
    m_paper->selectEvent(index);
    const QSignalBlocker blocker(m_events);
    m_events->setCurrentItem(m_events->topLevelItem(index));
}

void CtgViewer::annotateAt(double seconds)
{
    if (!m_review.isReady())
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Annotate the trace"),
        tr("Note at %1:").arg(CtgPaperPainter::timeLabel(seconds, m_review.record().recordedAt, true)),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    if (auto saved = m_review.addAnnotation(seconds, text); !saved)
        emit problem(saved.error().message);
}

void CtgViewer::removeSelectedAnnotation()
{
    QTreeWidgetItem *item = m_annotations->currentItem();
    if (!item)
        return;
    if (auto removed = m_review.removeAnnotation(item->data(0, Qt::UserRole).toUuid()); !removed)
        emit problem(removed.error().message);
}

void CtgViewer::saveDraft()
{
    if (auto saved = m_review.saveDraft(m_editor->toPlainText()); !saved)
        emit problem(saved.error().message);
    else
        m_status->setText(tr("Draft saved."));
}

void CtgViewer::signInterpretation()
{
    const QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty()) {
        emit problem(tr("Write the interpretation before signing it."));
        return;
    }
    if (QMessageBox::question(this, tr("Sign the interpretation"),
            tr("Sign this interpretation as %1? Once signed it cannot be changed.").arg(m_review.clinician()))
        != QMessageBox::Yes)
        return;
    const auto signedOne = m_review.sign(text);
    if (!signedOne) {
        emit problem(signedOne.error().message);
        return;
    }
    m_status->setText(tr("Interpretation signed."));
    const CtgInterpretation signedCopy = *signedOne; // slots may reload the review meanwhile
    emit signedInterpretation(signedCopy);
}

void CtgViewer::setConsultationNote(const QString &note)
{
    m_consultationNote->setText(note);
    m_consultationNote->setVisible(!note.isEmpty());
}

void CtgViewer::exportPdf()
{
    const QString suggested
        = tr("ctg-%1.pdf")
              .arg(m_review.record().recordedAt.isValid()
                      ? m_review.record().recordedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"))
                      : QStringLiteral("trace"));
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Print the trace to PDF"), suggested, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdfTo(path);
}

bool CtgViewer::exportPdfTo(const QString &path)
{
    const auto paperData = m_review.data();
    if (!paperData)
        return false;
    CtgPdfExport::Document doc;
    doc.woman = m_woman;
    doc.record = m_review.record();
    doc.data = paperData.get();
    doc.overlay = m_paper->overlay();
    doc.overlay.selectedEvent = -1;
    doc.interpretations = m_review.interpretations();
    doc.cmPerMinute = m_paper->cmPerMinute();
    const auto written = CtgPdfExport::write(path, doc);
    if (!written) {
        emit problem(written.error().message);
        return false;
    }
    m_status->setText(tr("%n page(s) written at paper scale.", nullptr, *written));
    emit pdfWritten(path);
    return true;
}
