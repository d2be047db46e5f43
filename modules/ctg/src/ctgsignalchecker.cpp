#include "ctg/ctgsignalchecker.h"

#include "signalfilters.h"

#include <algorithm>
#include <cmath>
#include <optional>

using namespace SignalFilters;

namespace {
constexpr double JumpBpm = 20;            // sample to sample; beat-to-beat FHR moves less at 4 Hz
constexpr double LongGapSeconds = 60;     // after this much loss, how the next piece began is unknown
constexpr double MaternalMatchBpm = 5;    // FHR this close to the recorded MHR is the mother's
constexpr double MaternalMatchSeconds = 15;
constexpr double MaternalBridgeSeconds = 5;
constexpr double SuspectedMaternalSeconds = 120;
constexpr double AdultCeilingBpm = 115;
constexpr double BelowFetalBpm = 20;
constexpr double NearFetalBpm = 15;
constexpr double DirectSeconds = 2;
constexpr double FlatBpm = 15;
constexpr double FlatShare = 0.8;
constexpr double ArtefactSeconds = 15;
constexpr double ArtefactDistanceBpm = 25;

bool plausibleRaw(float v)
{
    return !std::isnan(v) && v >= 30 && v <= 320; // doubling reaches beyond the 210 of the scale
}

double medianOf(QVector<double> values)
{
    if (values.isEmpty())
        return std::nan("");
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// A run of FHR samples [first, last] with no jump and no long loss inside, its median, and
// whether the long pieces before and after it (if any, within a minute) sit at a clearly
// different rate: how an adult's pulse or a miscount enters a trace, where a deceleration falls
// and rises through every rate between.
struct Piece
{
    qsizetype first = 0;
    qsizetype last = 0;
    double levelBpm = 0;
    double flatShare = 0; // of its samples within FlatBpm of its level
    enum class Edge { Unknown, Continuous, Jump };
    Edge entry = Edge::Unknown;
    Edge exit = Edge::Unknown;
    double entryFromBpm = 0; // the level of the long piece before
    double exitToBpm = 0;    // and after
    bool entryDirect = false; // no signal loss between them (2 s at most)
    bool exitDirect = false;

    double seconds(double rate) const { return static_cast<double>(last - first + 1) / rate; }
};

QList<Piece> piecesOf(const QVector<float> &fhr, double rate)
{
    QList<Piece> pieces;
    qsizetype previous = -1;
    for (qsizetype i = 0; i < fhr.size(); ++i) {
        if (!plausibleRaw(fhr[i]))
            continue;
        const bool split = previous < 0 || static_cast<double>(i - previous) / rate > LongGapSeconds
                           || std::abs(fhr[i] - fhr[previous]) > JumpBpm;
        if (split)
            pieces.append({i, i});
        else
            pieces.last().last = i;
        previous = i;
    }
    QVector<double> levels;
    for (Piece &piece : pieces) {
        levels.clear();
        for (qsizetype i = piece.first; i <= piece.last; ++i)
            if (plausibleRaw(fhr[i]))
                levels.append(fhr[i]);
        piece.levelBpm = medianOf(levels);
        const auto flat = std::count_if(levels.cbegin(), levels.cend(),
                                        [&](double v) { return std::abs(v - piece.levelBpm) <= FlatBpm; });
        piece.flatShare = levels.isEmpty() ? 0 : static_cast<double>(flat) / static_cast<double>(levels.size());
    }
    // Edges between long pieces; short islands between them do not count.
    qsizetype before = -1;
    for (qsizetype k = 0; k < pieces.size(); ++k) {
        if (pieces[k].seconds(rate) < ArtefactSeconds)
            continue;
        if (before >= 0 && static_cast<double>(pieces[k].first - pieces[before].last) / rate <= LongGapSeconds) {
            const auto edge = std::abs(pieces[k].levelBpm - pieces[before].levelBpm) > JumpBpm ? Piece::Edge::Jump
                                                                                             : Piece::Edge::Continuous;
            const bool direct = static_cast<double>(pieces[k].first - pieces[before].last) / rate <= DirectSeconds;
            pieces[k].entry = edge;
            pieces[k].entryFromBpm = pieces[before].levelBpm;
            pieces[k].entryDirect = direct;
            pieces[before].exit = edge;
            pieces[before].exitToBpm = pieces[k].levelBpm;
            pieces[before].exitDirect = direct;
        }
        before = k;
    }
    return pieces;
}

// The fetal rate around each second: the 10-minute running median of the samples in the range a
// fetal heart beats at (an adult's rate or a doubled count does not vote). NaN when none is near.
QVector<double> fetalRateAround(const QVector<float> &fhr, double rate)
{
    const int factor = std::max(1, static_cast<int>(std::lround(rate)));
    QVector<double> perSecond = downsample(fhr, factor);
    for (double &v : perSecond)
        if (isValid(v) && (v < 100 || v > 200))
            v = std::nan("");
    if (fractionValid(perSecond, 0, perSecond.size()) == 0)
        return perSecond;
    return runningMedian(perSecond, 600, 10, 100, 200);
}

CtgSuspectStretch stretch(CtgSuspectStretch::Kind kind, qsizetype first, qsizetype last, double rate, double level)
{
    return {kind, static_cast<double>(first) / rate, static_cast<double>(last + 1) / rate, level};
}

QList<CtgSuspectStretch> maternalByChannel(const CtgTrace &trace, double rate)
{
    QList<CtgSuspectStretch> found;
    if (trace.mhrBpm.size() != trace.fhrBpm.size())
        return found;
    const qsizetype bridge = static_cast<qsizetype>(MaternalBridgeSeconds * rate);
    qsizetype first = -1, last = -1, matched = 0;
    QVector<double> levels;
    auto close = [&] {
        if (first >= 0 && static_cast<double>(matched) / rate >= MaternalMatchSeconds)
            found.append(stretch(CtgSuspectStretch::Kind::Maternal, first, last, rate, medianOf(levels)));
        first = -1;
        matched = 0;
        levels.clear();
    };
    for (qsizetype i = 0; i < trace.fhrBpm.size(); ++i) {
        const float f = trace.fhrBpm[i], m = trace.mhrBpm[i];
        const bool coincide = plausibleRaw(f) && plausibleRaw(m) && std::abs(f - m) <= MaternalMatchBpm;
        if (!coincide) {
            if (first >= 0 && i - last > bridge)
                close();
            continue;
        }
        if (first < 0)
            first = i;
        last = i;
        ++matched;
        levels.append(f);
    }
    close();
    return found;
}

// Whether the maternal channel, where recorded, says this piece is not the mother's.
bool channelDisowns(const CtgTrace &trace, const Piece &piece, double level)
{
    if (trace.mhrBpm.size() != trace.fhrBpm.size())
        return false;
    QVector<double> maternal;
    for (qsizetype i = piece.first; i <= piece.last; ++i)
        if (plausibleRaw(trace.mhrBpm[i]))
            maternal.append(trace.mhrBpm[i]);
    const qsizetype span = piece.last - piece.first + 1;
    return maternal.size() * 2 >= span && std::abs(medianOf(maternal) - level) > 2 * MaternalMatchBpm;
}

bool overlapsAny(const CtgSuspectStretch &s, const QList<CtgSuspectStretch> &others)
{
    return std::any_of(others.cbegin(), others.cend(), [&](const CtgSuspectStretch &o) {
        return s.startSeconds < o.endSeconds && o.startSeconds < s.endSeconds;
    });
}

// Neighbouring artefacts a few seconds apart are one stretch on the paper.
QList<CtgSuspectStretch> mergedArtefacts(const QList<CtgSuspectStretch> &sorted)
{
    QList<CtgSuspectStretch> merged;
    for (const CtgSuspectStretch &s : sorted) {
        if (!merged.isEmpty() && merged.last().kind == CtgSuspectStretch::Kind::Artefact
            && s.kind == CtgSuspectStretch::Kind::Artefact && s.startSeconds - merged.last().endSeconds < 10) {
            merged.last().endSeconds = s.endSeconds;
            continue;
        }
        merged.append(s);
    }
    return merged;
}
} // namespace

CtgSignalQuality CtgSignalChecker::assess(const CtgTrace &trace)
{
    CtgSignalQuality quality;
    const double rate = trace.sampleRateHz > 0 ? trace.sampleRateHz : 4.0;
    const QVector<float> &fhr = trace.fhrBpm;
    QList<CtgSuspectStretch> channel = maternalByChannel(trace, rate);
    QList<CtgSuspectStretch> found = channel;

    const QVector<double> around = fetalRateAround(fhr, rate);
    const qsizetype perSecond = std::max<qsizetype>(1, std::lround(rate));
    for (const Piece &piece : piecesOf(fhr, rate)) {
        const double level = piece.levelBpm;
        const qsizetype middle = std::min<qsizetype>(around.size() - 1, (piece.first + piece.last) / 2 / perSecond);
        const double fetal = middle >= 0 ? around[middle] : std::nan("");
        const double seconds = piece.seconds(rate);
        if (!isValid(fetal))
            continue;
        // Set apart: it jumps straight from the fetal rate and is not reached gradually at the
        // other end, or, across signal loss, it jumps from the fetal rate and back to it. A
        // deceleration falls through the rates in between, even when noise cuts it into pieces,
        // and a fall hidden by signal loss is only suspect when the trace comes straight back.
        const auto fromFetal = [fetal](Piece::Edge edge, double otherBpm) {
            return edge == Piece::Edge::Jump && std::abs(otherBpm - fetal) <= NearFetalBpm;
        };
        const bool jumpsIn = fromFetal(piece.entry, piece.entryFromBpm);
        const bool jumpsOut = fromFetal(piece.exit, piece.exitToBpm);
        const bool notGradualIn = piece.entry == Piece::Edge::Unknown || jumpsIn;
        const bool notGradualOut = piece.exit == Piece::Edge::Unknown || jumpsOut;
        // …and it holds one rate (an adult's pulse or a miscount does; a slide from one rate to
        // another, such as a fall into bradycardia, does not).
        const bool setApart = piece.flatShare >= FlatShare
                              && ((jumpsIn && piece.entryDirect && notGradualOut) || (jumpsOut && piece.exitDirect && notGradualIn)
                                  || (jumpsIn && jumpsOut));
        std::optional<CtgSuspectStretch::Kind> kind;
        if (std::abs(level - 2 * fetal) < 0.1 * fetal)
            kind = CtgSuspectStretch::Kind::Doubling;
        else if (seconds < ArtefactSeconds)
            kind = std::abs(level - fetal) > ArtefactDistanceBpm && seconds >= 1
                       ? std::optional(CtgSuspectStretch::Kind::Artefact) : std::nullopt;
        else if (std::abs(level - fetal / 2) < 0.06 * fetal && setApart)
            kind = CtgSuspectStretch::Kind::Halving;
        else if (seconds >= SuspectedMaternalSeconds && setApart && level <= AdultCeilingBpm && fetal - level >= BelowFetalBpm
                 && !channelDisowns(trace, piece, level))
            kind = CtgSuspectStretch::Kind::MaternalSuspected;
        if (!kind)
            continue;
        const CtgSuspectStretch s = stretch(*kind, piece.first, piece.last, rate, level);
        if (!overlapsAny(s, channel)) // the recorded channel is the better witness
            found.append(s);
    }
    std::sort(found.begin(), found.end(), [](const CtgSuspectStretch &l, const CtgSuspectStretch &r) {
        return l.startSeconds < r.startSeconds;
    });
    quality.stretches = mergedArtefacts(found);

    // Trustworthy share: recorded, within the 50–210 bpm of the paper, and outside every stretch.
    QVector<float> trusted = fhr;
    quality.leaveOut(trusted, rate, true);
    const qsizetype perWindow = static_cast<qsizetype>(CtgSignalQuality::WindowSeconds * rate);
    qsizetype trustedTotal = 0;
    for (qsizetype start = 0; start < trusted.size(); start += perWindow) {
        const qsizetype end = std::min(trusted.size(), start + perWindow);
        qsizetype good = 0;
        for (qsizetype i = start; i < end; ++i)
            good += !std::isnan(trusted[i]) && trusted[i] >= 50 && trusted[i] <= 210 ? 1 : 0;
        trustedTotal += good;
        quality.trustworthyPercentByWindow.append(100.0 * static_cast<double>(good) / static_cast<double>(end - start));
    }
    quality.trustworthyPercent = trusted.isEmpty() ? 0 : 100.0 * static_cast<double>(trustedTotal) / static_cast<double>(trusted.size());
    return quality;
}
