#pragma once

#include "ctg-records/ctgtracerecord.h"
#include "ctg/ctganalysis.h"
#include "ctg/ctgtrace.h"
#include "domain/result.h"

#include <QCoreApplication>

#include <optional>

// Importing a monitor's file into a pregnancy: read (CSV or WFDB), analyse (FIGO/NICHD, with
// the 32-week acceleration rule when the gestational age is known), and fill the record's
// summary. read() touches no database, so the workstation runs it off the UI thread; the caller
// then stores the result with CtgRecords::addTrace.
class CtgTraceImport
{
    Q_DECLARE_TR_FUNCTIONS(CtgTraceImport)
public:
    struct Imported
    {
        CtgTrace trace;
        CtgAnalysis analysis;
        CtgTraceRecord record; // summary filled, not yet linked to a pregnancy
    };

    // The recording started its duration before `recordingEnded`, which the clinician confirms
    // on import; invalid: the file's last change.
    static Result<Imported> read(const QString &path, const QString &format = {},
        std::optional<int> gestationalAgeDays = std::nullopt, const QDateTime &recordingEnded = {});

    // When the monitor last wrote the recording (for a WFDB record, its samples): monitors write
    // the file when the recording stops, so this is its end unless the file was copied later.
    static QDateTime lastWritten(const QString &path);
};
