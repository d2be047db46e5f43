// The CTG importers on what a fetal monitor (or anybody) may write: the CSV export, a WFDB
// record (header and signal file) and the compact form traces travel in between machines; each
// trace read is analysed, as the import does, so the analysis meets the odd traces too.
#include "ctg/ctganalyzer.h"
#include "ctg/ctgfileformat.h"
#include "ctg/ctgimporter.h"
#include "fuzzinput.h"

namespace {
void analyse(const Result<CtgTrace> &trace)
{
    // Bounded so that one input stays quick: a day at 4 Hz is what monitors record at most.
    if (trace && trace->sampleCount() <= 24 * 3600 * 4)
        (void)CtgAnalyzer::analyse(*trace, {});
}
} // namespace

// Input: a selector byte ('c' CSV, 'w' WFDB, anything else the compact form), then the file;
// for WFDB the header, a NUL, and the signal file "record.dat".
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char kind = char(data[0]);
    if (kind == 'c') {
        const auto fields = FuzzInput::fields(data + 1, size - 1, 1);
        analyse(CtgImporter::readCsv(FuzzInput::writeScratch(QStringLiteral("trace.csv"), fields[0])));
    } else if (kind == 'w') {
        const auto fields = FuzzInput::fields(data + 1, size - 1, 2);
        FuzzInput::writeScratch(QStringLiteral("record.dat"), fields[1]);
        analyse(CtgImporter::readWfdb(FuzzInput::writeScratch(QStringLiteral("record.hea"), fields[0])));
    } else {
        const auto trace = CtgFileFormat::decode(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
        analyse(trace);
        // What decodes must encode back to the same bytes: the format has one spelling.
        if (trace && CtgFileFormat::encode(*trace) != QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)))
            __builtin_trap();
    }
    return 0;
}
