#pragma once

#include "grading/diseaseprofile.h"

#include <QCoreApplication>

// How the evidence behind a risk item reads for a clinician: "Hb 95 g/L (18/11/2026)",
// "HBsAg positive", "ticked by a clinician" — translated names, local numbers and dates, never
// the engine's input keys.
class EvidenceText
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceText)
public:
    static QString of(const Evidence &evidence);
    static QString of(const QList<Evidence> &evidence);
    // "Lab 18/11/2026: Hb 95 g/L", "Finding ticked 20/11/2026 by dr-wang", "Screening …".
    static QString of(const ProfileSource &source);
    static QString inputName(const QString &input);

private:
    static QString valueOf(const Evidence &evidence); // without its date
};
