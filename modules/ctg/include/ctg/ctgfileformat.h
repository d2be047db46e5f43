#pragma once

#include "ctg/ctgtrace.h"
#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>

// The compact form a trace is kept in the clinic cache and travels in as a sync attachment:
// "OBLCTG" magic, version, sampling rate, each channel as 16-bit centi-units (loss marked), the
// marks, and a SHA-256 of everything before it so that a damaged copy is never analysed.
// About 2 bytes per sample and channel: a 24-hour 4 Hz trace with toco is under 1.5 MB.
class CtgFileFormat
{
    Q_DECLARE_TR_FUNCTIONS(CtgFileFormat)
public:
    static QByteArray encode(const CtgTrace &trace);
    static Result<CtgTrace> decode(const QByteArray &bytes);
};
