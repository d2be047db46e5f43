#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// One reason the analysis gives for a classification ("Baseline above 160 bpm (168 bpm):
// tachycardia."). It keeps the analyser's English wording and its numbers instead of a translated
// sentence, so that a reason stored with a trace — and synced to the regional center or another
// clinic — reads in the language of whoever opens the trace, not of whoever imported it.
class CtgReason
{
public:
    CtgReason() = default;
    // `wording`: a CtgAnalyzer text marked with QT_TRANSLATE_NOOP, %1… for the arguments.
    explicit CtgReason(const char *wording, QStringList arguments = {});

    QString text() const; // in the language installed now
    QString wording() const { return m_wording; }

    // {"wording": …, "arguments": […]}. fromJson also reads a plain string, as traces stored
    // before reasons kept their wording have it, and shows it unchanged.
    QJsonValue toJson() const;
    static CtgReason fromJson(const QJsonValue &value);

    bool operator==(const CtgReason &other) const = default;

private:
    QString m_wording;
    QStringList m_arguments;
};

// Appends the reasons of `more` that `reasons` does not have yet (FIGO's, then NICHD's own).
void appendNewReasons(QList<CtgReason> &reasons, const QList<CtgReason> &more);
QStringList reasonTexts(const QList<CtgReason> &reasons);
