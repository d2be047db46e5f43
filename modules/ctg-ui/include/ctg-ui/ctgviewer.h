#pragma once

#include "ctg-records/ctginterpretation.h"

#include <QWidget>

class CtgPaperView;
class CtgReview;
struct CtgSignalQuality;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollBar;
class QTreeWidget;

// The CTG screen: the paper at its true scale with the chart speed (1, 2 or 3 cm/min), zoom and a
// scroll bar through the whole recording; the analysis above it (FIGO class and NICHD category
// with their reasons); beside it the detected events (click one to go to it), the clinicians'
// annotations (double-click the paper to add one) and the interpretation to write and sign.
// Shows a CtgReview and forwards edits to it; Print / PDF… writes the trace at paper scale.
class CtgViewer : public QWidget
{
    Q_OBJECT
public:
    explicit CtgViewer(CtgReview &review, QWidget *parent = nullptr);

    CtgReview &review() const { return m_review; }
    CtgPaperView *paper() const { return m_paper; }
    QScrollBar *scrollBar() const { return m_scroll; }
    QComboBox *speedBox() const { return m_speed; }
    QTreeWidget *eventList() const { return m_events; }
    QTreeWidget *annotationList() const { return m_annotations; }
    QPlainTextEdit *interpretationEditor() const { return m_editor; }
    QPushButton *signButton() const { return m_sign; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *signalWarning() const { return m_signalWarning; }
    // Name and ID of the woman, for the title and the printed header.
    void setWoman(const QString &woman);
    void setCmPerMinute(int cmPerMinute);
    // Shown above the interpretation when signing it answers a consultation (empty: hidden).
    void setConsultationNote(const QString &note);
    QLabel *consultationNote() const { return m_consultationNote; }

public slots:
    void goToEvent(int index);
    void annotateAt(double seconds);
    void removeSelectedAnnotation();
    void saveDraft();
    void signInterpretation();
    void exportPdf();
    // Without a dialog (tests, scripts): the pages written or the error shown.
    bool exportPdfTo(const QString &path);

signals:
    void problem(const QString &message);
    void signedInterpretation(const CtgInterpretation &interpretation);
    void pdfWritten(const QString &path); // for the audit: the trace left the workstation

private:
    void showTrace();
    void showSignalWarning(const CtgSignalQuality &quality);
    void showAnnotations();
    void showInterpretations();
    void syncScrollBar();
    void updateScaleLabel();

    CtgReview &m_review;
    QString m_woman;
    QLabel *m_figo;
    QLabel *m_nichd;
    QLabel *m_summary;
    QLabel *m_reasons;
    QLabel *m_signalWarning;
    QComboBox *m_speed;
    QLabel *m_scaleLabel;
    CtgPaperView *m_paper;
    QScrollBar *m_scroll;
    QTreeWidget *m_events;
    QTreeWidget *m_annotations;
    QLabel *m_signed;
    QLabel *m_consultationNote;
    QPlainTextEdit *m_editor;
    QPushButton *m_saveDraft;
    QPushButton *m_sign;
    QLabel *m_status;
    bool m_syncing = false;
};
