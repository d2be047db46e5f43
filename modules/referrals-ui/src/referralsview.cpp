#include "referrals-ui/referralsview.h"

#include "referrals-ui/referralstepdialog.h"
#include "referrals-ui/referralverbs.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
// The steps a clinician takes from this tab; sending is the form's, receiving the workstation's.
const QList<ReferralAction> TabActions { ReferralAction::Accept, ReferralAction::Decline, ReferralAction::Arrive,
    ReferralAction::ReturnOutcome, ReferralAction::Close, ReferralAction::Cancel };

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString paragraph(const QString &label, const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    return QStringLiteral("<p><b>%1</b> %2</p>").arg(label.toHtmlEscaped(), text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}
} // namespace

ReferralsView::ReferralsView(ReferralRepository &repository, ClinicDirectory directory, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_directory(std::move(directory))
    , m_new(new QPushButton(tr("New &referral…"), this))
    , m_newConsultation(new QPushButton(tr("New cons&ultation…"), this))
    , m_editDraft(new QPushButton(tr("&Edit draft…"), this))
    , m_formPdf(new QPushButton(tr("Referral &form (PDF)…"), this))
    , m_slipPdf(new QPushButton(tr("Return &slip (PDF)…"), this))
    , m_table(new QTableWidget(0, 5, this))
    , m_details(new QTextBrowser(this))
    , m_attachmentList(new QListWidget(this))
    , m_openAttachment(new QPushButton(tr("&Open"), this))
    , m_openReading(new QPushButton(tr("Open the signed &reading"), this))
{
    m_new->setObjectName(QStringLiteral("newReferral"));
    m_new->setToolTip(tr("Refer her to another clinic of the region (Ctrl+Shift+F)"));
    m_newConsultation->setObjectName(QStringLiteral("newConsultation"));
    m_newConsultation->setToolTip(tr("Ask another clinic's opinion on her record, a CTG trace or a scan (Ctrl+Shift+C)"));
    connect(m_newConsultation, &QPushButton::clicked, this, &ReferralsView::newConsultationRequested);
    m_editDraft->setObjectName(QStringLiteral("editDraft"));
    m_formPdf->setObjectName(QStringLiteral("formPdf"));
    m_slipPdf->setObjectName(QStringLiteral("slipPdf"));
    connect(m_formPdf, &QPushButton::clicked, this, [this] {
        if (const auto r = selected())
            emit pdfRequested(*r, false);
    });
    connect(m_slipPdf, &QPushButton::clicked, this, [this] {
        if (const auto r = selected())
            emit pdfRequested(*r, true);
    });
    m_table->setObjectName(QStringLiteral("referralTable"));
    m_table->setHorizontalHeaderLabels({ tr("Written"), tr("Kind"), tr("With"), tr("Urgency"), tr("Status") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_details->setObjectName(QStringLiteral("referralDetails"));
    connect(m_new, &QPushButton::clicked, this, &ReferralsView::newReferralRequested);
    connect(m_editDraft, &QPushButton::clicked, this, [this] {
        if (const auto r = selected())
            emit draftEditRequested(*r);
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showSelected(); });
    m_attachmentList->setObjectName(QStringLiteral("referralAttachments"));
    m_attachmentList->setToolTip(tr("Double-click an item to open it"));
    m_openAttachment->setObjectName(QStringLiteral("openAttachment"));
    m_openReading->setObjectName(QStringLiteral("openReading"));
    connect(m_attachmentList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { openAttachment(m_attachmentList->row(item)); });
    connect(m_openAttachment, &QPushButton::clicked, this, [this] { openAttachment(m_attachmentList->currentRow()); });
    connect(m_openReading, &QPushButton::clicked, this, [this] {
        const SignedReading reading = m_reading; // a copy: a slot may reload this view
        if (!reading.isNone())
            emit readingOpenRequested(reading);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_new);
    top->addWidget(m_newConsultation);
    top->addWidget(m_editDraft);
    top->addWidget(m_formPdf);
    top->addWidget(m_slipPdf);
    top->addStretch();
    auto *steps = new QHBoxLayout;
    for (ReferralAction action : TabActions) {
        auto *button = new QPushButton(ReferralVerbs::of(action), this);
        button->setObjectName(QStringLiteral("step-") + ReferralSteps::key(action));
        connect(button, &QPushButton::clicked, this, [this, action] { take(action); });
        m_actions.insert(action, button);
        steps->addWidget(button);
    }
    steps->addStretch();
    steps->addWidget(m_openReading);
    auto *sentWith = new QHBoxLayout;
    auto *sentWithLabel = new QLabel(tr("Sent with it:"), this);
    sentWithLabel->setAlignment(Qt::AlignTop);
    sentWith->addWidget(sentWithLabel);
    sentWith->addWidget(m_attachmentList, 1);
    sentWith->addWidget(m_openAttachment, 0, Qt::AlignTop);
    m_attachmentList->setMaximumHeight(m_attachmentList->fontMetrics().height() * 5);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details, 2);
    layout->addLayout(sentWith);
    layout->addLayout(steps);
    clear();
}

void ReferralsView::showPregnancy(const QUuid &pregnancyId, const QString &woman)
{
    m_pregnancyId = pregnancyId;
    m_woman = woman;
    m_new->setEnabled(!pregnancyId.isNull());
    m_newConsultation->setEnabled(!pregnancyId.isNull());
    reload();
}

void ReferralsView::clear()
{
    m_pregnancyId = QUuid();
    m_referrals.clear();
    m_table->setRowCount(0);
    m_new->setEnabled(false);
    m_newConsultation->setEnabled(false);
    showSelected();
}

void ReferralsView::reload()
{
    const std::optional<Referral> before = selected();
    auto loaded = m_repository.forPregnancy(m_pregnancyId);
    if (!loaded) {
        emit problem(loaded.error().message);
        return;
    }
    m_referrals = *loaded;
    const ClinicNames names = m_directory.names();
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(int(m_referrals.size()));
    for (int row = 0; row < m_referrals.size(); ++row) {
        const Referral &r = m_referrals.at(row);
        const bool outgoing = r.meta.clinicId == m_repository.clinicId();
        const auto timeline = m_repository.timelineOf(r);
        const QString what = r.purpose == ReferralPurpose::Consultation
            ? tr("%1: %2").arg(Referrals::label(r.purpose), Referrals::label(r.consultationKind))
            : Referrals::label(r.direction);
        const QStringList cells { when(r.meta.createdAt), what,
            outgoing ? tr("to %1").arg(names.nameOf(r.targetClinic)) : tr("from %1").arg(names.nameOf(r.meta.clinicId)),
            Referrals::label(r.urgency), timeline ? ReferralSteps::label(timeline->status()) : QString() };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 3 && r.urgency == ReferralUrgency::Emergency)
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    int current = m_referrals.isEmpty() ? -1 : 0;
    for (int row = 0; before && row < m_referrals.size(); ++row)
        if (m_referrals.at(row).meta.id == before->meta.id)
            current = row;
    m_table->setCurrentCell(current, 0);
    showSelected();
}

void ReferralsView::select(const QUuid &referralId)
{
    for (int row = 0; row < m_referrals.size(); ++row)
        if (m_referrals.at(row).meta.id == referralId)
            m_table->setCurrentCell(row, 0);
}

std::optional<Referral> ReferralsView::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_referrals.size())
        return std::nullopt;
    return m_referrals.at(row);
}

void ReferralsView::showSelected()
{
    const std::optional<Referral> r = selected();
    m_editDraft->setVisible(false);
    m_formPdf->setVisible(r.has_value());
    m_slipPdf->setVisible(false);
    for (QPushButton *button : std::as_const(m_actions))
        button->setVisible(false);
    m_attachmentList->clear();
    m_attachments.clear();
    m_openAttachment->setEnabled(false);
    m_openReading->setVisible(false);
    m_reading = {};
    if (!r) {
        m_details->setHtml(m_pregnancyId.isNull() ? QString()
                                                  : QStringLiteral("<p>%1</p>").arg(tr("No referral for this pregnancy.").toHtmlEscaped()));
        return;
    }
    const auto timeline = m_repository.timelineOf(*r);
    const auto attachments = m_repository.attachments(r->meta.id);
    if (!timeline || !attachments) {
        emit problem(!timeline ? timeline.error().message : attachments.error().message);
        return;
    }
    m_attachments = *attachments;
    const ClinicNames names = m_directory.names();
    const QString here = m_repository.clinicId();
    const bool sender = r->meta.clinicId == here;
    const bool receiver = r->targetClinic == here;
    m_editDraft->setVisible(sender && timeline->status() == ReferralStatus::Draft);
    for (ReferralAction action : TabActions) {
        const ReferralSide side = ReferralSteps::sideOf(action);
        const bool mine = side == ReferralSide::Sender ? sender : receiver;
        m_actions.value(action)->setVisible(mine && ReferralSteps::next(timeline->status(), action, r->purpose).has_value());
    }
    const bool consultation = r->purpose == ReferralPurpose::Consultation;
    const bool reading = readingAttachment(*r) >= 0;
    m_actions.value(ReferralAction::ReturnOutcome)
        ->setText(!consultation ? ReferralVerbs::of(ReferralAction::ReturnOutcome)
                : !reading      ? tr("Write the &opinion…")
                : r->consultationKind == ConsultationKind::CtgReading ? tr("Read the &trace and sign…")
                                                                      : tr("Read the &study and sign the report…"));
    m_actions.value(ReferralAction::Close)->setText(consultation ? tr("&Mark as read") : ReferralVerbs::of(ReferralAction::Close));
    m_slipPdf->setVisible(!consultation && timeline->reachedAt(ReferralStatus::OutcomeReturned).has_value());

    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(tr("%1, %2 — %3")
                                .arg(r->purpose == ReferralPurpose::Consultation ? Referrals::label(r->consultationKind)
                                                                                 : Referrals::label(r->direction),
                                    Referrals::label(r->urgency),
                                    ReferralSteps::label(timeline->status()))
                                .toHtmlEscaped());
    html += paragraph(tr("From:"), names.nameOf(r->meta.clinicId) + QStringLiteral(" · ") + r->meta.author);
    QStringList to { names.nameOf(r->targetClinic) };
    if (!r->targetDepartment.isEmpty())
        to << r->targetDepartment;
    if (!r->targetDoctor.isEmpty())
        to << r->targetDoctor;
    html += paragraph(tr("To:"), to.join(QStringLiteral(" · ")));
    html += paragraph(r->purpose == ReferralPurpose::Consultation ? tr("Question:") : tr("Reason:"), r->reason);
    html += paragraph(tr("Diagnosis:"), r->diagnosis);
    html += paragraph(tr("Risk items:"), r->riskItems.join(tr("; ")));
    html += paragraph(tr("Clinical summary:"), r->summary);
    for (const ReferralAttachment &a : *attachments)
        m_attachmentList->addItem(tr("%1 — %2").arg(Referrals::label(a.kind), a.label));
    if (m_attachments.isEmpty())
        m_attachmentList->addItem(tr("Nothing attached."));
    else
        m_attachmentList->setCurrentRow(0);
    m_openAttachment->setEnabled(!m_attachments.isEmpty());
    html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Timeline").toHtmlEscaped());
    for (const ReferralTimeline::Entry &entry : timeline->entries()) {
        const ReferralStep &step = entry.step;
        QString line = tr("%1 · %2 · %3: %4")
                           .arg(when(step.at), names.nameOf(step.clinicId), step.author, ReferralSteps::label(step.action));
        if (!step.reason.isEmpty())
            line += tr(" (%1)").arg(step.reason);
        QString item = line.toHtmlEscaped();
        if (!entry.applied)
            item = QStringLiteral("<i>%1</i> <span style='color:#c62828'>%2</span>")
                       .arg(item, tr("— taken after the referral had become “%1” at the other clinic; kept as taken.")
                                      .arg(ReferralSteps::label(entry.metStatus))
                                      .toHtmlEscaped());
        if (step.action == ReferralAction::ReturnOutcome && r->purpose == ReferralPurpose::Consultation) {
            item += paragraph(tr("Opinion:"), step.outcome.diagnosis) + paragraph(tr("Recommendation:"), step.outcome.plan)
                + paragraph(tr("Signed by:"), step.author);
            if (!step.outcome.reading.isNone() && entry.applied) {
                item += paragraph(tr("Answered with:"), ReferralSteps::label(step.outcome.reading.kind));
                m_reading = step.outcome.reading;
            }
        } else if (step.action == ReferralAction::ReturnOutcome) {
            item += paragraph(tr("Diagnosis:"), step.outcome.diagnosis) + paragraph(tr("What was done:"), step.outcome.treatment)
                + paragraph(tr("Plan:"), step.outcome.plan) + paragraph(tr("Advice for her clinic:"), step.outcome.advice);
        }
        html += QStringLiteral("<li>%1</li>").arg(item);
    }
    if (timeline->entries().isEmpty())
        html += QStringLiteral("<li>%1</li>").arg(tr("Draft, not sent yet.").toHtmlEscaped());
    html += QStringLiteral("</ul>");
    m_details->setHtml(html);
    m_openReading->setVisible(!m_reading.isNone());
}

QString ReferralsView::detailsText() const
{
    QString text = m_details->toPlainText();
    for (int row = 0; row < m_attachmentList->count(); ++row)
        text += QLatin1Char('\n') + m_attachmentList->item(row)->text();
    return text;
}

void ReferralsView::openAttachment(int row)
{
    const std::optional<Referral> r = selected();
    if (!r || row < 0 || row >= m_attachments.size())
        return;
    const ReferralAttachment attachment = m_attachments.at(row); // a copy: a slot may reload this view
    emit attachmentOpenRequested(*r, attachment);
}

int ReferralsView::readingAttachment(const Referral &referral) const
{
    if (referral.purpose != ReferralPurpose::Consultation || referral.targetClinic != m_repository.clinicId())
        return -1;
    const ReferralAttachmentKind read = referral.consultationKind == ConsultationKind::CtgReading ? ReferralAttachmentKind::Ctg
        : referral.consultationKind == ConsultationKind::UltrasoundReading                       ? ReferralAttachmentKind::Study
                                                                                                  : ReferralAttachmentKind::CaseSummary;
    if (read == ReferralAttachmentKind::CaseSummary)
        return -1;
    for (int row = 0; row < m_attachments.size(); ++row)
        if (m_attachments.at(row).kind == read)
            return row;
    return -1;
}

void ReferralsView::take(ReferralAction action)
{
    const std::optional<Referral> r = selected();
    if (!r)
        return;
    // A reading is answered by what the consultant signs in the viewer (ConsultationReadings).
    if (action == ReferralAction::ReturnOutcome) {
        if (const int row = readingAttachment(*r); row >= 0) {
            openAttachment(row);
            return;
        }
    }
    const bool asks = ReferralSteps::needsReason(action) || action == ReferralAction::ReturnOutcome;
    if (!asks) {
        if (const auto taken = m_repository.take(r->meta.id, action); !taken) {
            emit problem(taken.error().message);
            return;
        }
    } else {
        ReferralStepDialog dialog(action, m_woman, r->purpose, this);
        for (;;) {
            if (dialog.exec() != QDialog::Accepted)
                return;
            const auto taken = m_repository.take(r->meta.id, action, dialog.reason(), dialog.outcome());
            if (taken)
                break;
            dialog.showProblem(taken.error().message);
        }
    }
    reload();
    emit stepTaken();
}
