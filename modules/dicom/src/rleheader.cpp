#include "rleheader.h"

#include <QtEndian>

Result<void> RleHeader::check(QByteArrayView header, quint64 frameBytes, int expectedSegments)
{
    const auto refused = [](const QString &why) {
        return failure(QStringLiteral("dicom.render"), tr("The RLE-compressed frame is damaged: %1.").arg(why));
    };
    if (header.size() < Size || frameBytes < quint64(Size))
        return refused(tr("its header is incomplete"));
    const auto word = [&](int index) { return qFromLittleEndian<quint32>(header.data() + 4 * index); };
    const quint32 segments = word(0);
    if (segments < 1 || segments > 15 || int(segments) != expectedSegments)
        return refused(tr("it has %1 segments where the image needs %2").arg(segments).arg(expectedSegments));
    quint64 previous = 0;
    for (quint32 s = 1; s <= segments; ++s) {
        const quint64 offset = word(int(s));
        const bool first = s == 1;
        if ((first && offset != quint64(Size)) || (!first && offset <= previous) || offset >= frameBytes)
            return refused(tr("segment %1 starts outside the frame").arg(s));
        previous = offset;
    }
    return {};
}
