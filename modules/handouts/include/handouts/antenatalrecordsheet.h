#pragma once

#include "domain/result.h"
#include "handouts/handoutinput.h"
#include "handouts/handouttexts.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

// The antenatal record (产前检查记录, A4 landscape) of all visits of her pregnancy, one row per
// visit, as the maternal and child health handbook lays it out, for her to keep in it.
class AntenatalRecordSheet
{
    Q_DECLARE_TR_FUNCTIONS(AntenatalRecordSheet)
public:
    AntenatalRecordSheet(HandoutInput input, HandoutTexts texts);

    QString title() const;
    QString html() const;
    QString suggestedFileName() const;
    void print(QPagedPaintDevice &device) const;
    Result<void> writePdf(const QString &path) const;

private:
    HandoutInput m_input;
    HandoutTexts m_texts;
};
