#pragma once

// A fetal monitor's CSV export of a trace, as the CTG importer reads it: what the CTG GUI tests
// import through the workstation's screens.
#include "ctg/ctgtrace.h"

#include <QDateTime>
#include <QFile>

// Writes `trace` to `path` (time_s, fhr_bpm with lost beats left empty, toco), last written at
// `end` as a monitor does when the recording stops.
inline bool writeCtgCsv(const QString &path, const CtgTrace &trace, const QDateTime &end)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("time_s,fhr_bpm,toco\n");
    for (qsizetype i = 0; i < trace.sampleCount(); ++i) {
        const float fhr = trace.fhrBpm[i];
        file.write(QByteArray::number(i / trace.sampleRateHz, 'f', 2) + ','
            + (CtgTrace::isLost(fhr) ? QByteArray() : QByteArray::number(fhr, 'f', 1)) + ','
            + QByteArray::number(trace.tocoUnits.value(i), 'f', 1) + '\n');
    }
    file.close();
    return file.open(QIODevice::ReadWrite) && file.setFileTime(end, QFileDevice::FileModificationTime);
}
