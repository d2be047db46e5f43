#include "ctg/ctgsignalquality.h"

#include <algorithm>
#include <cmath>

QString CtgSuspectStretch::kindName() const
{
    switch (kind) {
    case Kind::Maternal:
        return QStringLiteral("maternal");
    case Kind::MaternalSuspected:
        return QStringLiteral("maternal-suspected");
    case Kind::Doubling:
        return QStringLiteral("doubling");
    case Kind::Halving:
        return QStringLiteral("halving");
    case Kind::Artefact:
        return QStringLiteral("artefact");
    }
    return {};
}

double CtgSignalQuality::maternalSeconds() const
{
    double seconds = 0;
    for (const CtgSuspectStretch &s : stretches)
        seconds += s.mayBeMaternal() ? s.durationSeconds() : 0;
    return seconds;
}

bool CtgSignalQuality::maternalConfirmedByChannel() const
{
    return std::any_of(stretches.cbegin(), stretches.cend(),
                       [](const CtgSuspectStretch &s) { return s.kind == CtgSuspectStretch::Kind::Maternal; });
}

void CtgSignalQuality::leaveOut(QVector<float> &fhrBpm, double sampleRateHz, bool everySuspect) const
{
    for (const CtgSuspectStretch &s : stretches) {
        if (!everySuspect && !s.leftOutOfAnalysis())
            continue;
        const qsizetype from = std::max<qsizetype>(0, static_cast<qsizetype>(std::floor(s.startSeconds * sampleRateHz)));
        const qsizetype to = std::min(fhrBpm.size(), static_cast<qsizetype>(std::ceil(s.endSeconds * sampleRateHz)));
        for (qsizetype i = from; i < to; ++i)
            fhrBpm[i] = std::numeric_limits<float>::quiet_NaN();
    }
}
