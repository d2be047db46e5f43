#include "dicomeditor.h"

#include <QFile>

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
        DcmElement *element = nullptr;
        OFCondition status = ds.findAndGetElement(DCM_PixelData, element);
        if (status.bad())
            return status;
        DcmPixelSequence *sequence = nullptr;
        status = static_cast<DcmPixelData *>(element)->getEncapsulatedRepresentation(
            ds.getOriginalXfer(), nullptr, sequence);
        if (status.bad() || !sequence)
            return status.bad() ? status : EC_IllegalCall;
        DcmPixelItem *fragment = nullptr;
        status = sequence->getItem(fragment, static_cast<unsigned long>(item));
        if (status.bad())
            return status;
        return fragment->putUint8Array(
            reinterpret_cast<const Uint8 *>(bytes.constData()), static_cast<unsigned long>(bytes.size()));
    });
}
