#include "ctg/ctgfileformat.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>

namespace {
constexpr char Magic[] = "OBLCTG";
constexpr quint16 Version = 1;
constexpr qint16 LostSample = std::numeric_limits<qint16>::min();

void writeChannel(QDataStream &out, const QVector<float> &channel)
{
    out << static_cast<quint32>(channel.size());
    for (float v : channel)
        out << (std::isnan(v) ? LostSample : static_cast<qint16>(std::clamp(std::lround(v * 100.0f), -32767L, 32767L)));
}

bool readChannel(QDataStream &in, QVector<float> &channel, quint32 limit)
{
    quint32 size = 0;
    in >> size;
    if (size > limit)
        return false;
    channel.resize(size);
    for (quint32 i = 0; i < size; ++i) {
        qint16 v = 0;
        in >> v;
        channel[i] = v == LostSample ? CtgTrace::Lost : static_cast<float>(v) / 100.0f;
    }
    return in.status() == QDataStream::Ok;
}
} // namespace

QByteArray CtgFileFormat::encode(const CtgTrace &trace)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData(Magic, 6);
    out << Version << trace.sampleRateHz;
    for (const QVector<float> *channel : {&trace.fhrBpm, &trace.fhr2Bpm, &trace.mhrBpm, &trace.tocoUnits})
        writeChannel(out, *channel);
    out << static_cast<quint32>(trace.marks.size());
    for (const CtgTrace::Mark &m : trace.marks)
        out << m.seconds << m.kind;
    bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    return bytes;
}

Result<CtgTrace> CtgFileFormat::decode(const QByteArray &bytes)
{
    const auto damaged = [] {
        return failure(QStringLiteral("ctg.damaged"), tr("The stored trace is damaged (its checksum does not match)."));
    };
    if (bytes.size() < 6 + 32 || !bytes.startsWith(Magic))
        return failure(QStringLiteral("ctg.format"), tr("This is not an ObsLink trace."));
    const QByteArray payload = bytes.left(bytes.size() - 32);
    if (QCryptographicHash::hash(payload, QCryptographicHash::Sha256) != bytes.right(32))
        return damaged();
    QDataStream in(payload);
    in.setByteOrder(QDataStream::LittleEndian);
    in.skipRawData(6);
    quint16 version = 0;
    CtgTrace trace;
    in >> version >> trace.sampleRateHz;
    if (version != Version)
        return failure(QStringLiteral("ctg.version"), tr("This trace was stored by a newer ObsLink (format %1).").arg(version));
    const quint32 limit = static_cast<quint32>(payload.size() / 2);
    for (QVector<float> *channel : {&trace.fhrBpm, &trace.fhr2Bpm, &trace.mhrBpm, &trace.tocoUnits})
        if (!readChannel(in, *channel, limit))
            return damaged();
    quint32 marks = 0;
    in >> marks;
    for (quint32 i = 0; i < marks && in.status() == QDataStream::Ok; ++i) {
        CtgTrace::Mark m;
        in >> m.seconds >> m.kind;
        trace.marks.append(m);
    }
    if (in.status() != QDataStream::Ok || !(trace.sampleRateHz > 0))
        return damaged();
    return trace;
}
