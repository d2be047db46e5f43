#pragma once

#include "ctg/ctgtrace.h"
#include "domain/result.h"

#include <QCoreApplication>

// Reads traces exported by fetal monitors and public CTG databases, refusing malformed files
// with a message that says where the problem is.
class CtgImporter
{
    Q_DECLARE_TR_FUNCTIONS(CtgImporter)
public:
    // CSV with a header naming at least time_s, fhr_bpm and toco (optionally fhr2_bpm, mhr_bpm),
    // separated by commas, semicolons or tabs; 0 or empty is signal loss. Time increases at a
    // constant step (the sampling rate); rows left out for whole steps are signal loss.
    static Result<CtgTrace> readCsv(const QString &path);
    // PhysioNet WFDB record: the .hea header (path with or without extension) and its format-16
    // .dat signal file, as in the CTU-UHB intrapartum database (signals "FHR" and "UC").
    static Result<CtgTrace> readWfdb(const QString &path);
    // By extension: .csv, else WFDB.
    static Result<CtgTrace> read(const QString &path, const QString &format = {});

private:
    struct CsvRow
    {
        double time = 0;
        float fhr = CtgTrace::Lost;
        float toco = CtgTrace::Lost;
        float fhr2 = CtgTrace::Lost;
        float mhr = CtgTrace::Lost;
    };
    struct CsvColumns
    {
        qsizetype time, fhr, toco, fhr2, mhr; // -1: not in the file
    };
    static Result<CsvRow> csvRow(const QStringList &cells, const CsvColumns &columns, int lineNumber);
    static Result<CtgTrace> sampledTrace(const QVector<CsvRow> &rows, bool hasFhr2, bool hasMhr);
};
