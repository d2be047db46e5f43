#include "dicom-viewer/ultrasoundreportform.h"

#include "ultrasound-exams/ultrasoundreportrepository.h"
#include "ultrasound-exams/ultrasoundreportvalidator.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
const char *const FieldProperty = "reportField";
const QString ProblemStyle = QStringLiteral("border: 2px solid #b00020;");

// Optional numbers: the spin box's minimum stands for "not recorded".
template <typename Box> void makeOptional(Box *box, double none)
{
    box->setMinimum(none);
    box->setSpecialValueText(QStringLiteral("—"));
    box->setValue(none);
}
} // namespace

UltrasoundReportForm::UltrasoundReportForm(UltrasoundReportRepository *repository,
    const UltrasoundReport &report, UltrasoundReportPdf::Heading heading, QString signer, QWidget *parent)
    : QDialog(parent)
    , m_repository(repository)
    , m_report(report)
    , m_heading(std::move(heading))
    , m_signer(std::move(signer))
    , m_title(new QLabel(this))
    , m_consultationNote(new QLabel(this))
    , m_examDate(new QDateEdit(this))
    , m_fetusCount(new QSpinBox(this))
    , m_heart(new QComboBox(this))
    , m_heartRate(new QSpinBox(this))
    , m_presentation(new QComboBox(this))
    , m_placenta(new QLineEdit(this))
    , m_grade(new QComboBox(this))
    , m_afi(new QDoubleSpinBox(this))
    , m_pocket(new QDoubleSpinBox(this))
    , m_biometry(new QTableWidget(this))
    , m_findings(new QPlainTextEdit(this))
    , m_impression(new QPlainTextEdit(this))
    , m_reader(new QLineEdit(this))
    , m_reason(new QLineEdit(this))
    , m_reasonLabel(new QLabel(tr("Reason for the amendment"), this))
    , m_signature(new QLabel(this))
    , m_message(new QLabel(this))
    , m_save(new QPushButton(tr("&Save draft"), this))
    , m_sign(new QPushButton(tr("S&ign report"), this))
    , m_amend(new QPushButton(tr("&Amend…"), this))
    , m_pdf(new QPushButton(tr("Export &PDF…"), this))
{
    setWindowTitle(tr("Ultrasound report"));
    m_examDate->setCalendarPopup(true);
    m_examDate->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_fetusCount->setMaximum(5);
    makeOptional(m_fetusCount, 0);
    m_heart->addItems({ tr("not stated"), tr("present"), tr("absent") });
    m_heartRate->setMaximum(300);
    m_heartRate->setSuffix(tr(" bpm"));
    makeOptional(m_heartRate, 0);
    m_presentation->addItems(
        { tr("not stated"), tr("cephalic"), tr("breech"), tr("transverse"), tr("oblique") });
    m_placenta->setPlaceholderText(tr("anterior, posterior, fundal, low-lying…"));
    m_grade->addItems({ QStringLiteral("—"), QStringLiteral("0"), QStringLiteral("I"), QStringLiteral("II"),
        QStringLiteral("III") });
    for (QDoubleSpinBox *box : { m_afi, m_pocket }) {
        box->setDecimals(1);
        box->setMaximum(60);
        box->setSuffix(tr(" cm"));
        makeOptional(box, -0.1);
    }
    m_biometry->setColumnCount(2);
    m_biometry->setHorizontalHeaderLabels({ tr("Measurement"), tr("Value") });
    m_biometry->verticalHeader()->hide();
    m_biometry->horizontalHeader()->setStretchLastSection(true);
    m_biometry->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_biometry->setMinimumHeight(170);
    m_findings->setPlaceholderText(tr("Description of what the examination showed"));
    m_impression->setPlaceholderText(tr("Impression (diagnosis)"));
    m_findings->setMaximumHeight(90);
    m_impression->setMaximumHeight(70);
    m_message->setWordWrap(true);
    m_title->setWordWrap(true);
    m_consultationNote->setObjectName(QStringLiteral("consultationNote"));
    m_consultationNote->setWordWrap(true);
    m_consultationNote->setTextFormat(Qt::PlainText); // the other clinic's words, never markup
    m_consultationNote->setStyleSheet(QStringLiteral(
        "QLabel { background: #e3f2fd; color: #0d47a1; border: 1px solid #1565c0; padding: 4px; }"));
    m_consultationNote->hide();

    const QList<std::pair<QWidget *, const char *>> fields { { m_examDate, "exam_date" },
        { m_fetusCount, "fetus_count" }, { m_heart, "heart_activity" }, { m_heartRate, "heart_rate_bpm" },
        { m_presentation, "presentation" }, { m_placenta, "placenta_location" },
        { m_grade, "placenta_grade" }, { m_afi, "afi_cm" }, { m_pocket, "deepest_pocket_cm" },
        { m_findings, "findings" }, { m_impression, "impression" }, { m_reader, "reader" },
        { m_reason, "amendment_reason" } };
    for (const auto &[widget, field] : fields)
        widget->setProperty(FieldProperty, QLatin1String(field));

    auto *structured = new QFormLayout;
    structured->addRow(tr("Examination date"), m_examDate);
    structured->addRow(tr("Number of fetuses"), m_fetusCount);
    structured->addRow(tr("Fetal heart activity"), m_heart);
    structured->addRow(tr("Fetal heart rate"), m_heartRate);
    structured->addRow(tr("Presentation"), m_presentation);
    structured->addRow(tr("Placenta location"), m_placenta);
    structured->addRow(tr("Placenta grade"), m_grade);
    structured->addRow(tr("Amniotic fluid index"), m_afi);
    structured->addRow(tr("Deepest pocket"), m_pocket);
    auto *top = new QHBoxLayout;
    top->addLayout(structured, 1);
    auto *biometryBox = new QVBoxLayout;
    biometryBox->addWidget(new QLabel(tr("Biometry"), this));
    biometryBox->addWidget(m_biometry);
    top->addLayout(biometryBox, 1);

    auto *text = new QFormLayout;
    text->addRow(tr("Description"), m_findings);
    text->addRow(tr("Impression"), m_impression);
    text->addRow(tr("Reading doctor"), m_reader);
    text->addRow(m_reasonLabel, m_reason);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signature, 1);
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_amend);
    buttons->addWidget(m_save);
    buttons->addWidget(m_sign);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_consultationNote);
    layout->addLayout(top);
    layout->addLayout(text);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &UltrasoundReportForm::saveDraft);
    connect(m_sign, &QPushButton::clicked, this, &UltrasoundReportForm::signReport);
    connect(m_amend, &QPushButton::clicked, this, &UltrasoundReportForm::amend);
    connect(m_pdf, &QPushButton::clicked, this, &UltrasoundReportForm::choosePdf);
    if (m_report.reader.isEmpty())
        m_report.reader = m_signer;
    showReport();
    resize(860, 680);
}

QString UltrasoundReportForm::message() const
{
    return m_message->text();
}

void UltrasoundReportForm::showReport()
{
    const UltrasoundReport &r = m_report;
    m_title->setText(QStringLiteral("<b>%1</b> — %2 — %3")
                         .arg(m_heading.womanName.toHtmlEscaped(), m_heading.studyDescription.toHtmlEscaped(),
                             r.studyInstanceUid.toHtmlEscaped()));
    m_examDate->setDate(r.examDate.isValid() ? r.examDate : QDate::currentDate());
    m_fetusCount->setValue(r.fetusCount.value_or(0));
    m_heart->setCurrentIndex(int(r.heartActivity));
    m_heartRate->setValue(r.heartRateBpm.value_or(0));
    m_presentation->setCurrentIndex(int(r.presentation));
    m_placenta->setText(r.placentaLocation);
    m_grade->setCurrentIndex(r.placentaGrade ? *r.placentaGrade + 1 : 0);
    m_afi->setValue(r.afiCm.value_or(m_afi->minimum()));
    m_pocket->setValue(r.deepestPocketCm.value_or(m_pocket->minimum()));
    const QLocale locale;
    m_biometry->setRowCount(0);
    auto addRow = [this](const QString &name, const QString &value) {
        const int row = m_biometry->rowCount();
        m_biometry->insertRow(row);
        m_biometry->setItem(row, 0, new QTableWidgetItem(name));
        m_biometry->setItem(row, 1, new QTableWidgetItem(value));
    };
    for (BiometryMeasure m : BiometryMeasures::all())
        if (const auto mm = r.biometry.millimetres(m))
            addRow(
                QStringLiteral("%1 (%2)").arg(BiometryMeasures::name(m), BiometryMeasures::abbreviation(m)),
                tr("%1 mm").arg(locale.toString(*mm, 'f', 1)));
    addRow(tr("Estimated fetal weight (Hadlock)"),
        r.efwGrams ? tr("%1 g").arg(locale.toString(qRound(*r.efwGrams))) : QStringLiteral("—"));
    addRow(tr("Gestational age by ultrasound"),
        r.gestationalAge ? r.gestationalAge->toString() : QStringLiteral("—"));
    m_biometry->resizeColumnToContents(0);
    m_findings->setPlainText(r.findings);
    m_impression->setPlainText(r.impression);
    m_reader->setText(r.reader);
    m_reason->setText(r.amendmentReason);
    m_reason->setVisible(!r.amends.isNull());
    m_reasonLabel->setVisible(!r.amends.isNull());
    m_signature->setText(r.isSigned()
            ? tr("Signed by %1 on %2")
                  .arg(r.signedBy, locale.toString(r.signedAt.toLocalTime(), QLocale::ShortFormat))
            : (r.amends.isNull() ? tr("Draft, not signed") : tr("Amendment, not signed")));
    setReadOnly(r.isSigned());
    outline({});
}

void UltrasoundReportForm::readForm()
{
    UltrasoundReport &r = m_report;
    r.examDate = m_examDate->date();
    r.fetusCount = m_fetusCount->value() > 0 ? std::optional<int>(m_fetusCount->value()) : std::nullopt;
    r.heartActivity = UltrasoundReport::HeartActivity(m_heart->currentIndex());
    r.heartRateBpm = m_heartRate->value() > 0 ? std::optional<int>(m_heartRate->value()) : std::nullopt;
    r.presentation = UltrasoundReport::Presentation(m_presentation->currentIndex());
    r.placentaLocation = m_placenta->text().trimmed();
    r.placentaGrade
        = m_grade->currentIndex() > 0 ? std::optional<int>(m_grade->currentIndex() - 1) : std::nullopt;
    r.afiCm = m_afi->value() >= 0 ? std::optional<double>(m_afi->value()) : std::nullopt;
    r.deepestPocketCm = m_pocket->value() >= 0 ? std::optional<double>(m_pocket->value()) : std::nullopt;
    r.findings = m_findings->toPlainText().trimmed();
    r.impression = m_impression->toPlainText().trimmed();
    r.reader = m_reader->text().trimmed();
    r.amendmentReason = m_reason->text().trimmed();
}

void UltrasoundReportForm::setReadOnly(bool readOnly)
{
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_examDate, m_fetusCount, m_heart, m_heartRate, m_presentation, m_grade, m_afi, m_pocket })
        w->setEnabled(!readOnly);
    for (QLineEdit *edit : { m_placenta, m_reader, m_reason })
        edit->setReadOnly(readOnly);
    for (QPlainTextEdit *edit : { m_findings, m_impression })
        edit->setReadOnly(readOnly);
    m_save->setEnabled(!readOnly);
    m_sign->setEnabled(!readOnly);
    m_amend->setEnabled(readOnly);
}

void UltrasoundReportForm::showMessage(const QString &text, bool isProblem)
{
    m_message->setText(text);
    m_message->setStyleSheet(isProblem ? QStringLiteral("color: #b00020;") : QString());
}

void UltrasoundReportForm::outline(const QStringList &fields)
{
    for (QWidget *w : findChildren<QWidget *>()) {
        const QString field = w->property(FieldProperty).toString();
        if (!field.isEmpty())
            w->setStyleSheet(fields.contains(field) ? ProblemStyle : QString());
    }
}

bool UltrasoundReportForm::saveDraft()
{
    readForm();
    if (auto saved = m_repository->save(m_report); !saved) {
        showMessage(saved.error().message, true);
        return false;
    }
    showMessage(tr("Draft saved."), false);
    emit reportChanged(m_report.pregnancyId);
    return true;
}

bool UltrasoundReportForm::signReport()
{
    readForm();
    const auto problems = UltrasoundReportValidator::problems(m_report);
    if (!problems.isEmpty()) {
        QStringList fields;
        QStringList messages;
        for (const auto &p : problems) {
            fields << p.field;
            messages << p.error.message;
        }
        outline(fields);
        showMessage(messages.join(QLatin1Char('\n')), true);
        return false;
    }
    // Saved first, so that a refused signature leaves the draft as written.
    if (auto saved = m_repository->save(m_report); !saved) {
        showMessage(saved.error().message, true);
        return false;
    }
    if (auto done = m_repository->sign(m_report, m_signer, QDateTime::currentDateTimeUtc()); !done) {
        showMessage(done.error().message, true);
        return false;
    }
    showReport();
    showMessage(tr("Report signed; it syncs to the requesting clinic."), false);
    emit reportChanged(m_report.pregnancyId);
    const UltrasoundReport signedCopy = m_report; // slots may show another report meanwhile
    emit reportSigned(signedCopy);
    return true;
}

void UltrasoundReportForm::setConsultationNote(const QString &note)
{
    m_consultationNote->setText(note);
    m_consultationNote->setVisible(!note.isEmpty());
}

void UltrasoundReportForm::amend()
{
    auto amendment = UltrasoundReportRepository::amend(m_report);
    if (!amendment) {
        showMessage(amendment.error().message, true);
        return;
    }
    m_report = *amendment;
    m_report.reader = m_signer.isEmpty() ? m_report.reader : m_signer;
    showReport();
    showMessage(tr("The signed report is kept; this amendment replaces it once signed."), false);
    m_reason->setFocus();
}

bool UltrasoundReportForm::exportPdf(const QString &path)
{
    if (!m_report.isSigned())
        readForm();
    if (auto written = UltrasoundReportPdf::write(m_report, m_heading, path); !written) {
        showMessage(written.error().message, true);
        return false;
    }
    showMessage(tr("PDF saved: %1").arg(path), false);
    emit pdfWritten(path);
    return true;
}

void UltrasoundReportForm::choosePdf()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the report as PDF"), tr("ultrasound-report.pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}
