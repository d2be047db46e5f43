#pragma once

#include "domain/result.h"
#include "handouts/handoutinput.h"
#include "handouts/handouttexts.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

// The slip she takes home after an antenatal visit (A5): her details, the visit's gestational
// age, blood pressure, weight, fundal height and fetal heart, her current five-color grade and
// what it means for her in plain words, the advice given, her next appointment and what it is
// for, and the warning signs to come in at once. In the workstation's language.
class VisitSlip
{
    Q_DECLARE_TR_FUNCTIONS(VisitSlip)
public:
    VisitSlip(HandoutInput input, AntenatalVisit visit, HandoutTexts texts);

    QString title() const;
    QString html() const;
    QString suggestedFileName() const;
    void print(QPagedPaintDevice &device) const;
    Result<void> writePdf(const QString &path) const;

private:
    HandoutInput m_input;
    AntenatalVisit m_visit;
    HandoutTexts m_texts;
};
