#include "imagecompare.h"

#include "dicom/dicomfile.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace {
QImage comparable(const QImage &image)
{
    return image.convertToFormat(QImage::Format_RGB888);
}

// Calls `use` with the difference of every pair of samples the two images have in common (as
// RGB, 8 bits each) and returns how many there were.
qint64 eachSampleDifference(const QImage &first, const QImage &second, const std::function<void(int)> &use)
{
    const QImage a = comparable(first);
    const QImage b = comparable(second);
    qint64 count = 0;
    for (int y = 0; y < std::min(a.height(), b.height()); ++y)
        for (int x = 0; x < 3 * std::min(a.width(), b.width()); ++x, ++count)
            use(a.constScanLine(y)[x] - b.constScanLine(y)[x]);
    return count;
}
} // namespace

QString ImageCompare::difference(const QImage &ours, const QImage &reference)
{
    if (ours.size() != reference.size())
        return QStringLiteral("size %1×%2 against %3×%4")
            .arg(ours.width())
            .arg(ours.height())
            .arg(reference.width())
            .arg(reference.height());
    if (ours.isGrayscale() != reference.isGrayscale())
        return QStringLiteral("grey against colour (formats %1 and %2)")
            .arg(ours.format())
            .arg(reference.format());
    const QImage a = comparable(ours);
    const QImage b = comparable(reference);
    int differing = 0;
    QString first;
    for (int y = 0; y < a.height(); ++y) {
        const uchar *p = a.constScanLine(y);
        const uchar *q = b.constScanLine(y);
        for (int x = 0; x < a.width(); ++x) {
            if (std::memcmp(p + 3 * x, q + 3 * x, 3) == 0)
                continue;
            if (differing++ == 0)
                first = QStringLiteral("(%1,%2) ours %3/%4/%5 reference %6/%7/%8")
                            .arg(x)
                            .arg(y)
                            .arg(p[3 * x])
                            .arg(p[3 * x + 1])
                            .arg(p[3 * x + 2])
                            .arg(q[3 * x])
                            .arg(q[3 * x + 1])
                            .arg(q[3 * x + 2]);
        }
    }
    if (differing == 0)
        return {};
    return QStringLiteral("%1 pixels differ, first at %2").arg(differing).arg(first);
}

int ImageCompare::maxDifference(const QImage &first, const QImage &second)
{
    int worst = 0;
    const qint64 count
        = eachSampleDifference(first, second, [&](int d) { worst = std::max(worst, std::abs(d)); });
    return count ? worst : 0;
}

double ImageCompare::meanDifference(const QImage &first, const QImage &second)
{
    double sum = 0;
    const qint64 count = eachSampleDifference(first, second, [&](int d) { sum += std::abs(d); });
    return count ? sum / double(count) : 0;
}

double ImageCompare::psnr(const QImage &first, const QImage &second)
{
    double squares = 0;
    const qint64 count = eachSampleDifference(first, second, [&](int d) { squares += double(d) * d; });
    if (count == 0 || squares == 0)
        return std::numeric_limits<double>::infinity();
    return 10 * std::log10(255.0 * 255.0 / (squares / double(count)));
}

QString ImageCompare::everyFrame(const QString &dicomPath, int frames,
    const std::function<QString(int frame, const QImage &rendered)> &check)
{
    auto file = DicomFile::open(dicomPath);
    if (!file)
        return QStringLiteral("not opened: %1").arg(file.error().message);
    if ((*file)->info().frames != frames)
        return QStringLiteral("%1 frames instead of %2").arg((*file)->info().frames).arg(frames);
    for (int frame = frames - 1; frame >= 0; --frame) {
        auto rendered = (*file)->renderFrame(frame);
        if (!rendered)
            return QStringLiteral("frame %1 refused: %2").arg(frame).arg(rendered.error().message);
        const QString problem = check(frame, *rendered);
        if (!problem.isEmpty())
            return QStringLiteral("frame %1: %2").arg(frame).arg(problem);
    }
    return {};
}
