#include "ctg/ctgimporter.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace {
constexpr qsizetype MaxSamples = qsizetype(4) * 60 * 60 * 72; // 72 hours at 4 Hz

Error formatError(const QString &message)
{
    return Error{QStringLiteral("ctg.format"), message};
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
    if (kind == QLatin1String("wfdb") || kind == QLatin1String("hea") || kind == QLatin1String("dat") || kind.isEmpty())
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
    while (!in.atEnd() && headerLine.trimmed().isEmpty())
        headerLine = in.readLine();
    const QStringList header = headerLine.trimmed().toLower().split(QLatin1Char(','));
    const qsizetype timeColumn = header.indexOf(QStringLiteral("time_s"));
    const qsizetype fhrColumn = header.indexOf(QStringLiteral("fhr_bpm"));
    const qsizetype tocoColumn = header.indexOf(QStringLiteral("toco"));
    const qsizetype fhr2Column = header.indexOf(QStringLiteral("fhr2_bpm"));
    const qsizetype mhrColumn = header.indexOf(QStringLiteral("mhr_bpm"));
    if (timeColumn < 0 || fhrColumn < 0 || tocoColumn < 0)
        return tl::unexpected(formatError(tr("Line 1 must name the columns time_s, fhr_bpm and toco (found: %1).").arg(headerLine.left(80))));

    CtgTrace trace;
    QVector<double> times;
    int lineNumber = 1;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() < header.size())
            return tl::unexpected(formatError(tr("Line %1 has %2 values; the header names %3.").arg(lineNumber).arg(cells.size()).arg(header.size())));
        auto number = [&](qsizetype column, bool allowEmpty, double &out) -> bool {
            const QString cell = cells[column].trimmed();
            if (cell.isEmpty()) {
                out = 0;
                return allowEmpty;
            }
            bool ok = false;
            out = cell.toDouble(&ok);
            return ok && std::isfinite(out);
        };
        double time = 0, fhr = 0, toco = 0;
        if (!number(timeColumn, false, time))
            return tl::unexpected(formatError(tr("Line %1: the time \"%2\" is not a number.").arg(lineNumber).arg(cells[timeColumn])));
        if (!number(fhrColumn, true, fhr))
            return tl::unexpected(formatError(tr("Line %1: the heart rate \"%2\" is not a number.").arg(lineNumber).arg(cells[fhrColumn])));
        if (!number(tocoColumn, true, toco))
            return tl::unexpected(formatError(tr("Line %1: the uterine activity \"%2\" is not a number.").arg(lineNumber).arg(cells[tocoColumn])));
        if (!times.isEmpty() && time <= times.last())
            return tl::unexpected(formatError(tr("Line %1: time %2 s does not increase.").arg(lineNumber).arg(time)));
        times.append(time);
        trace.fhrBpm.append(heartRate(fhr));
        trace.tocoUnits.append(cells[tocoColumn].trimmed().isEmpty() || toco < 0 ? CtgTrace::Lost : static_cast<float>(toco));
        double extra = 0;
        if (fhr2Column >= 0)
            trace.fhr2Bpm.append(number(fhr2Column, true, extra) ? heartRate(extra) : CtgTrace::Lost);
        if (mhrColumn >= 0)
            trace.mhrBpm.append(number(mhrColumn, true, extra) ? heartRate(extra) : CtgTrace::Lost);
        if (trace.fhrBpm.size() > MaxSamples)
            return tl::unexpected(formatError(tr("The trace is longer than 72 hours.")));
    }
    if (times.size() < 2)
        return tl::unexpected(formatError(tr("The file has no samples.")));
    const double step = (times.last() - times.first()) / static_cast<double>(times.size() - 1);
    for (qsizetype i = 1; i < times.size(); ++i)
        if (std::abs(times[i] - times[i - 1] - step) > step * 0.25)
            return tl::unexpected(formatError(tr("The samples are not evenly spaced (around %1 s): a trace needs a constant sampling rate.")
                                                  .arg(times[i])));
    trace.sampleRateHz = 1.0 / step;
    return trace;
}

Result<CtgTrace> CtgImporter::readWfdb(const QString &path)
{
    QString base = path;
    if (base.endsWith(QLatin1String(".hea")) || base.endsWith(QLatin1String(".dat")))
        base.chop(4);
    QFile header(base + QStringLiteral(".hea"));
    if (!header.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(QStringLiteral("ctg.unreadable"), tr("The WFDB header %1.hea cannot be read.").arg(base));
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
        return tl::unexpected(formatError(tr("The WFDB record line \"%1\" is not valid.").arg(lines.first())));
    const double rate = record.size() > 2 ? record[2].section(QLatin1Char('/'), 0, 0).section(QLatin1Char('('), 0, 0).toDouble(&ok) : 250;
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
        if (f.size() < 2 || f[1].section(QLatin1Char('x'), 0, 0).section(QLatin1Char(':'), 0, 0).section(QLatin1Char('+'), 0, 0) != QLatin1String("16"))
            return tl::unexpected(formatError(tr("Signal %1 is not stored in WFDB format 16, the only one supported.").arg(s + 1)));
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
                sig.baseline = gainField.section(QLatin1Char('('), 1).section(QLatin1Char(')'), 0, 0).toDouble();
        }
        sig.description = f.size() > 8 ? f.mid(8).join(QLatin1Char(' ')) : QString();
        signalInfo.append(sig);
    }
    QFile dat(QFileInfo(base).absolutePath() + QLatin1Char('/') + datFile);
    if (!dat.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("ctg.unreadable"), tr("The WFDB signal file %1 cannot be read.").arg(datFile));
    const QByteArray bytes = dat.readAll();
    const qsizetype frameBytes = qsizetype(2) * signalCount;
    if (bytes.size() < frameBytes || bytes.size() % frameBytes != 0)
        return tl::unexpected(formatError(tr("The signal file %1 is truncated or does not match its header (%2 bytes for %3 signals).")
                                              .arg(datFile)
                                              .arg(bytes.size())
                                              .arg(signalCount)));
    const qsizetype samples = bytes.size() / frameBytes;
    if (record.size() > 3) {
        const qsizetype declared = record[3].toLongLong(&ok);
        if (ok && declared != samples)
            return tl::unexpected(formatError(tr("The header declares %1 samples but the signal file holds %2.").arg(declared).arg(samples)));
    }
    if (samples > MaxSamples)
        return tl::unexpected(formatError(tr("The trace is longer than 72 hours.")));
    int fhrSignal = -1, tocoSignal = -1;
    for (int s = 0; s < signalCount; ++s) {
        const QString d = signalInfo[s].description.toUpper();
        if (fhrSignal < 0 && (d.contains(QLatin1String("FHR")) || d.contains(QLatin1String("HR"))))
            fhrSignal = s;
        else if (tocoSignal < 0 && (d.contains(QLatin1String("UC")) || d.contains(QLatin1String("TOCO"))))
            tocoSignal = s;
    }
    if (fhrSignal < 0)
        fhrSignal = 0;
    if (tocoSignal < 0 && signalCount > 1)
        tocoSignal = fhrSignal == 0 ? 1 : 0;
    CtgTrace trace;
    trace.sampleRateHz = rate;
    trace.fhrBpm.resize(samples);
    if (tocoSignal >= 0)
        trace.tocoUnits.resize(samples);
    const auto *raw = reinterpret_cast<const uchar *>(bytes.constData());
    auto valueAt = [&](qsizetype sample, int signal) {
        const qsizetype at = sample * frameBytes + qsizetype(2) * signal;
        return static_cast<qint16>(raw[at] | (raw[at + 1] << 8));
    };
    for (qsizetype i = 0; i < samples; ++i) {
        const qint16 fhr = valueAt(i, fhrSignal);
        trace.fhrBpm[i] = fhr == 0 || fhr == -32768 ? CtgTrace::Lost
                                                    : heartRate((fhr - signalInfo[fhrSignal].baseline) / signalInfo[fhrSignal].gain);
        if (tocoSignal >= 0) {
            const qint16 uc = valueAt(i, tocoSignal);
            trace.tocoUnits[i] = uc == -32768 ? CtgTrace::Lost
                                              : static_cast<float>((uc - signalInfo[tocoSignal].baseline) / signalInfo[tocoSignal].gain);
        }
    }
    return trace;
}
