#include "dicomeditor.h"

#include <QFile>
#include <QList>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <functional>

namespace {
bool edit(const QString &path, QString *error, const std::function<OFCondition(DcmDataset &)> &change)
{
    DcmFileFormat file;
    OFCondition status = file.loadFile(QFile::encodeName(path).constData());
    if (status.good()) {
        // Everything in memory before the file is overwritten.
        file.loadAllDataIntoMemory();
        status = change(*file.getDataset());
    }
    if (status.good())
        status = file.saveFile(
            QFile::encodeName(path).constData(), file.getDataset()->getOriginalXfer(), EET_ExplicitLength);
    if (status.bad())
        *error = QString::fromLatin1(status.text());
    return status.good();
}
OFCondition pixelSequence(DcmDataset &ds, DcmPixelSequence *&sequence)
{
    DcmElement *element = nullptr;
    OFCondition status = ds.findAndGetElement(DCM_PixelData, element);
    if (status.good())
        status = static_cast<DcmPixelData *>(element)->getEncapsulatedRepresentation(
            ds.getOriginalXfer(), nullptr, sequence);
    return status.good() && !sequence ? EC_IllegalCall : status;
}
} // namespace

bool DicomEditor::setValue(
    const QString &path, quint16 group, quint16 element, const QString &value, QString *error)
{
    return edit(path, error, [&](DcmDataset &ds) {
        return ds.putAndInsertString(DcmTagKey(group, element), value.toLatin1().constData());
    });
}

bool DicomEditor::remove(const QString &path, quint16 group, quint16 element, QString *error)
{
    return edit(
        path, error, [&](DcmDataset &ds) { return ds.findAndDeleteElement(DcmTagKey(group, element)); });
}

bool DicomEditor::replaceFragment(const QString &path, int item, const QByteArray &bytes, QString *error)
{
    return edit(path, error, [&](DcmDataset &ds) -> OFCondition {
        DcmPixelSequence *sequence = nullptr;
        OFCondition status = pixelSequence(ds, sequence);
        if (status.bad())
            return status;
        DcmPixelItem *fragment = nullptr;
        status = sequence->getItem(fragment, static_cast<unsigned long>(item));
        if (status.bad())
            return status;
        return fragment->putUint8Array(
            reinterpret_cast<const Uint8 *>(bytes.constData()), static_cast<unsigned long>(bytes.size()));
    });
}

bool DicomEditor::splitFragments(const QString &path, int pieces, QString *error)
{
    return edit(path, error, [&](DcmDataset &ds) -> OFCondition {
        DcmPixelSequence *sequence = nullptr;
        OFCondition status = pixelSequence(ds, sequence);
        QList<QByteArray> fragments;
        for (unsigned long i = 1; status.good() && i < sequence->card(); ++i) {
            DcmPixelItem *item = nullptr;
            Uint8 *bytes = nullptr;
            status = sequence->getItem(item, i);
            if (status.good())
                status = item->getUint8Array(bytes);
            if (status.good())
                fragments.append(QByteArray(
                    reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(item->getLength())));
        }
        if (status.bad())
            return status;
        while (sequence->card() > 0) {
            DcmPixelItem *item = nullptr;
            if (sequence->remove(item, 0).bad())
                return EC_IllegalCall;
            delete item;
        }
        sequence->insert(new DcmPixelItem(DcmTag(DCM_Item, EVR_OB))); // an empty Basic Offset Table
        for (const QByteArray &fragment : fragments) {
            const qsizetype piece = (fragment.size() / pieces + 1) & ~qsizetype(1);
            for (qsizetype at = 0; at < fragment.size(); at += piece) {
                auto *item = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
                const QByteArray part = fragment.mid(at, piece);
                item->putUint8Array(reinterpret_cast<const Uint8 *>(part.constData()),
                    static_cast<unsigned long>(part.size()));
                sequence->insert(item);
            }
        }
        return EC_Normal;
    });
}
