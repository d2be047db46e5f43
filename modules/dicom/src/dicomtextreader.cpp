#include "dicomtextreader.h"

#include <QStringDecoder>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <algorithm>

DicomTextReader::DicomTextReader(DcmItem &dataset)
{
    OFString declared;
    m_declared = dataset.findAndGetOFStringArray(DCM_SpecificCharacterSet, declared, OFFalse).good()
        && !declared.empty();
    if (!DcmSpecificCharacterSet::isConversionAvailable())
        return;
    if (m_declared)
        m_ready = m_converter.selectCharacterSet(dataset).good();
    else
        m_ready = m_converter.selectCharacterSet("GB18030").good();
}

QString DicomTextReader::operator()(DcmItem &item, const DcmTagKey &tag, bool personName)
{
    OFString raw;
    if (item.findAndGetOFStringArray(tag, raw, OFFalse).bad())
        return {};
    const QByteArray bytes(raw.c_str(), static_cast<qsizetype>(raw.length()));
    return decode(bytes, personName).trimmed();
}

QString DicomTextReader::decode(const QByteArray &bytes, bool personName)
{
    if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return QString::fromLatin1(bytes);
    if (!m_declared) {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8(bytes);
        if (!utf8.hasError())
            return text;
    }
    if (m_ready) {
        OFString converted;
        // Person names switch character sets at their component delimiters (PS3.5 6.1.2.5.3).
        if (m_converter
                .convertString(
                    bytes.constData(), static_cast<size_t>(bytes.size()), converted, personName ? "^=" : "")
                .good())
            return QString::fromUtf8(converted.c_str(), static_cast<qsizetype>(converted.length()));
    }
    return QString::fromLatin1(bytes);
}
