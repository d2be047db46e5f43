#include "ctg/ctgimporter.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <optional>

namespace {
constexpr qsizetype MaxSamples = qsizetype(4) * 60 * 60 * 72; // 72 hours at 4 Hz

Error formatError(const QString &message)
{
    return Error { QStringLiteral("ctg.format"), message };
}

// Files saved by spreadsheets in many locales separate cells with ";" or a tab instead of ",".
QChar csvSeparator(const QString &header)
{
    for (const QChar candidate : { QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t') })
        if (header.contains(candidate))
            return candidate;
    return QLatin1Char(',');
}

// A cell without the spaces and double quotes spreadsheets put around it.
QString csvCell(const QString &cell)
{
    QString text = cell.trimmed();
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"')))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

// A cell's number; Lost for an empty cell where emptiness means signal loss; nothing when the
// cell is not a number at all.
std::optional<double> cellNumber(const QString &text, bool emptyIsLoss)
{
    const QString cell = csvCell(text);
    if (cell.isEmpty())
        return emptyIsLoss ? std::optional<double>(CtgTrace::Lost) : std::nullopt;
    bool ok = false;
    const double value = cell.toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

float heartRate(double value)
{
    // Monitors write 0 for "no signal"; anything outside 30–250 bpm is not a heart rate.
    return value < 30 || value > 250 ? CtgTrace::Lost : static_cast<float>(value);
}
} // namespace

Result<CtgTrace> CtgImporter::read(const QString &path, const QString &format)
{
    const QString kind = format.isEmpty() ? QFileInfo(path).suffix().toLower() : format.toLower();
    if (kind == QLatin1String("csv"))
        return readCsv(path);
    if (kind == QLatin1String("wfdb") || kind == QLatin1String("hea") || kind == QLatin1String("dat")
        || kind.isEmpty())
        return readWfdb(path);
    return tl::unexpected(formatError(tr("Unknown trace format \"%1\": use csv or wfdb.").arg(kind)));
}

Result<CtgTrace> CtgImporter::readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(QStringLiteral("ctg.unreadable"), tr("The file %1 cannot be read.").arg(path));
    QTextStream in(&file);
    QString headerLine;
    int lineNumber = 0;
    while (!in.atEnd() && headerLine.trimmed().isEmpty()) {
        headerLine = in.readLine();
        ++lineNumber;
    }
    const QChar separator = csvSeparator(headerLine);
    QStringList header;
    for (const QString &name : headerLine.split(separator))
        header.append(csvCell(name).toLower());
    const CsvColumns columns { header.indexOf(QStringLiteral("time_s")),
        header.indexOf(QStringLiteral("fhr_bpm")), header.indexOf(QStringLiteral("toco")),
        header.indexOf(QStringLiteral("fhr2_bpm")), header.indexOf(QStringLiteral("mhr_bpm")) };
    if (columns.time < 0 || columns.fhr < 0 || columns.toco < 0)
        return tl::unexpected(
            formatError(tr("Line %1 must name the columns time_s, fhr_bpm and toco (found: %2).")
                            .arg(lineNumber)
                            .arg(headerLine.left(80))));

    QVector<CsvRow> rows;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = line.split(separator);
        if (cells.size() < header.size())
            return tl::unexpected(formatError(tr("Line %1 has %2 values; the header names %3.")
                                                  .arg(lineNumber)
                                                  .arg(cells.size())
                                                  .arg(header.size())));
        auto row = csvRow(cells, columns, lineNumber);
        if (!row)
            return tl::unexpected(row.error());
        if (!rows.isEmpty() && row->time <= rows.last().time)
            return tl::unexpected(
                formatError(tr("Line %1: time %2 s does not increase.").arg(lineNumber).arg(row->time)));
        rows.append(*row);
        if (rows.size() > MaxSamples)
            return tl::unexpected(formatError(tr("The trace is longer than 72 hours.")));
    }
    if (rows.size() < 2)
        return tl::unexpected(formatError(tr("The file has no samples.")));
    return sampledTrace(rows, columns.fhr2 >= 0, columns.mhr >= 0);
}

Result<CtgImporter::CsvRow> CtgImporter::csvRow(
    const QStringList &cells, const CsvColumns &columns, int lineNumber)
{
    CsvRow row;
    const auto time = cellNumber(cells[columns.time], false);
    if (!time)
        return tl::unexpected(formatError(
            tr("Line %1: the time \"%2\" is not a number.").arg(lineNumber).arg(cells[columns.time])));
    const auto fhr = cellNumber(cells[columns.fhr], true);
    if (!fhr)
        return tl::unexpected(formatError(
            tr("Line %1: the heart rate \"%2\" is not a number.").arg(lineNumber).arg(cells[columns.fhr])));
    const auto toco = cellNumber(cells[columns.toco], true);
    if (!toco)
        return tl::unexpected(formatError(tr("Line %1: the uterine activity \"%2\" is not a number.")
                                              .arg(lineNumber)
                                              .arg(cells[columns.toco])));
    row.time = *time;
    row.fhr = heartRate(*fhr);
    row.toco = *toco < 0 || std::isnan(*toco) ? CtgTrace::Lost : static_cast<float>(*toco);
    // The optional channels: what is not a heart rate there is signal loss, not a broken file.
    if (columns.fhr2 >= 0)
        row.fhr2 = heartRate(cellNumber(cells[columns.fhr2], true).value_or(CtgTrace::Lost));
    if (columns.mhr >= 0)
        row.mhr = heartRate(cellNumber(cells[columns.mhr], true).value_or(CtgTrace::Lost));
    return row;
}

// Rows on one time grid: the step is the most common spacing, and rows a monitor left out while
// it had no signal (a jump of whole steps) become lost samples, so the trace keeps its clock.
Result<CtgTrace> CtgImporter::sampledTrace(const QVector<CsvRow> &rows, bool hasFhr2, bool hasMhr)
{
    QVector<double> spacings;
    spacings.reserve(rows.size() - 1);
    for (qsizetype i = 1; i < rows.size(); ++i)
        spacings.append(rows[i].time - rows[i - 1].time);
    std::nth_element(spacings.begin(), spacings.begin() + spacings.size() / 2, spacings.end());
    const double step = spacings[spacings.size() / 2];
    const double totalSteps = (rows.last().time - rows.first().time) / step;
    if (totalSteps + 1 > static_cast<double>(MaxSamples))
        return tl::unexpected(formatError(tr("The trace is longer than 72 hours.")));

    CtgTrace trace;
    trace.sampleRateHz = 1.0 / step;
    trace.firstSampleSeconds = rows.first().time;
    auto append = [&](const CsvRow &row) {
        trace.fhrBpm.append(row.fhr);
        trace.tocoUnits.append(row.toco);
        if (hasFhr2)
            trace.fhr2Bpm.append(row.fhr2);
        if (hasMhr)
            trace.mhrBpm.append(row.mhr);
    };
    append(rows.first());
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const double steps = (rows[i].time - rows[i - 1].time) / step;
        const double whole = std::round(steps);
        if (whole < 1 || std::abs(steps - whole) > 0.25)
            return tl::unexpected(formatError(
                tr("The samples are not evenly spaced (around %1 s): a trace needs a constant sampling rate.")
                    .arg(rows[i].time)));
        for (int missing = 1; missing < static_cast<int>(whole); ++missing)
            append(CsvRow {});
        append(rows[i]);
    }
    return trace;
}

Result<CtgTrace> CtgImporter::readWfdb(const QString &path)
{
    QString base = path;
    if (base.endsWith(QLatin1String(".hea")) || base.endsWith(QLatin1String(".dat")))
        base.chop(4);
    QFile header(base + QStringLiteral(".hea"));
    if (!header.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(
            QStringLiteral("ctg.unreadable"), tr("The WFDB header %1.hea cannot be read.").arg(base));
    QStringList lines;
    for (const QString &line : QString::fromLatin1(header.readAll()).split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')))
            lines.append(line.trimmed());
    if (lines.isEmpty())
        return tl::unexpected(formatError(tr("The WFDB header is empty.")));
    // Record line: name[/segments] nsig [fs[/counter][(base)] [nsamp …]]
    const QStringList record = lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool ok = false;
    const int signalCount = record.value(1).toInt(&ok);
    if (!ok || signalCount < 1 || signalCount > 16 || lines.size() < 1 + signalCount)
        return tl::unexpected(
            formatError(tr("The WFDB record line \"%1\" is not valid.").arg(lines.first())));
    const double rate = record.size() > 2
        ? record[2].section(QLatin1Char('/'), 0, 0).section(QLatin1Char('('), 0, 0).toDouble(&ok)
        : 250;
    if (!ok || rate <= 0 || rate > 1000)
        return tl::unexpected(formatError(tr("The WFDB sampling frequency is not valid.")));

    struct Signal
    {
        double gain = 200;
        double baseline = 0;
        QString description;
    };
    QList<Signal> signalInfo;
    QString datFile;
    for (int s = 0; s < signalCount; ++s) {
        const QStringList f = lines[1 + s].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() < 2
            || f[1].section(QLatin1Char('x'), 0, 0)
                    .section(QLatin1Char(':'), 0, 0)
                    .section(QLatin1Char('+'), 0, 0)
                != QLatin1String("16"))
            return tl::unexpected(formatError(
                tr("Signal %1 is not stored in WFDB format 16, the only one supported.").arg(s + 1)));
        // The signal file sits beside its header: a name with a folder in it would make the
        // header a way to read any file the user can.
        if (f[0].contains(QLatin1Char('/')) || f[0].contains(QLatin1Char('\\')) || f[0] == QLatin1String(".."))
            return tl::unexpected(formatError(tr("The signal file \"%1\" must be beside its header.").arg(f[0])));
        if (datFile.isEmpty())
            datFile = f[0];
        else if (datFile != f[0])
            return tl::unexpected(formatError(tr("All signals must be in one .dat file.")));
        Signal sig;
        if (f.size() > 2) {
            // gain[(baseline)][/units]
            const QString gainField = f[2].section(QLatin1Char('/'), 0, 0);
            const double gain = gainField.section(QLatin1Char('('), 0, 0).toDouble(&ok);
            if (ok && gain != 0)
                sig.gain = gain;
            if (gainField.contains(QLatin1Char('(')))
                sig.baseline
                    = gainField.section(QLatin1Char('('), 1).section(QLatin1Char(')'), 0, 0).toDouble();
        }
        sig.description = f.size() > 8 ? f.mid(8).join(QLatin1Char(' ')) : QString();
        signalInfo.append(sig);
    }
    QFile dat(QFileInfo(base).absolutePath() + QLatin1Char('/') + datFile);
    if (!dat.open(QIODevice::ReadOnly))
        return failure(
            QStringLiteral("ctg.unreadable"), tr("The WFDB signal file %1 cannot be read.").arg(datFile));
    const QByteArray bytes = dat.readAll();
    const qsizetype frameBytes = qsizetype(2) * signalCount;
    if (bytes.size() < frameBytes || bytes.size() % frameBytes != 0)
        return tl::unexpected(formatError(
            tr("The signal file %1 is truncated or does not match its header (%2 bytes for %3 signals).")
                .arg(datFile)
                .arg(bytes.size())
                .arg(signalCount)));
    const qsizetype samples = bytes.size() / frameBytes;
    if (record.size() > 3) {
        const qsizetype declared = record[3].toLongLong(&ok);
        if (ok && declared != samples)
            return tl::unexpected(
                formatError(tr("The header declares %1 samples but the signal file holds %2.")
                                .arg(declared)
                                .arg(samples)));
    }
    if (samples > MaxSamples)
        return tl::unexpected(formatError(tr("The trace is longer than 72 hours.")));
    int fhrSignal = -1, tocoSignal = -1, mhrSignal = -1;
    for (int s = 0; s < signalCount; ++s) {
        const QString d = signalInfo[s].description.toUpper();
        // The maternal channel first: "MHR" would otherwise be taken for the fetal heart rate.
        if (mhrSignal < 0 && (d.contains(QLatin1String("MHR")) || d.contains(QLatin1String("MATERNAL"))))
            mhrSignal = s;
        else if (fhrSignal < 0 && (d.contains(QLatin1String("FHR")) || d.contains(QLatin1String("HR"))))
            fhrSignal = s;
        else if (tocoSignal < 0 && (d.contains(QLatin1String("UC")) || d.contains(QLatin1String("TOCO"))))
            tocoSignal = s;
    }
    if (fhrSignal < 0)
        fhrSignal = mhrSignal == 0 ? 1 : 0;
    if (fhrSignal >= signalCount)
        return tl::unexpected(formatError(tr("The WFDB record has a maternal heart rate but no fetal heart rate signal.")));
    if (tocoSignal < 0 && signalCount > 1)
        for (int s = 0; s < signalCount && tocoSignal < 0; ++s)
            if (s != fhrSignal && s != mhrSignal)
                tocoSignal = s;
    CtgTrace trace;
    trace.sampleRateHz = rate;
    trace.fhrBpm.resize(samples);
    if (tocoSignal >= 0)
        trace.tocoUnits.resize(samples);
    if (mhrSignal >= 0)
        trace.mhrBpm.resize(samples);
    const auto *raw = reinterpret_cast<const uchar *>(bytes.constData());
    auto valueAt = [&](qsizetype sample, int signal) {
        const qsizetype at = sample * frameBytes + qsizetype(2) * signal;
        return static_cast<qint16>(raw[at] | (raw[at + 1] << 8));
    };
    const auto heartRateAt = [&](qsizetype sample, int signal) {
        const qint16 value = valueAt(sample, signal);
        return value == 0 || value == -32768
            ? CtgTrace::Lost
            : heartRate((value - signalInfo[signal].baseline) / signalInfo[signal].gain);
    };
    for (qsizetype i = 0; i < samples; ++i) {
        trace.fhrBpm[i] = heartRateAt(i, fhrSignal);
        if (mhrSignal >= 0)
            trace.mhrBpm[i] = heartRateAt(i, mhrSignal);
        if (tocoSignal >= 0) {
            const qint16 uc = valueAt(i, tocoSignal);
            trace.tocoUnits[i] = uc == -32768
                ? CtgTrace::Lost
                : static_cast<float>((uc - signalInfo[tocoSignal].baseline) / signalInfo[tocoSignal].gain);
        }
    }
    return trace;
}
