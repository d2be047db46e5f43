#include "instancefilesink.h"

#include <QDir>

InstanceFileSink::InstanceFileSink(QString directory, std::function<void(qint64, int)> progress)
    : m_directory(std::move(directory))
    , m_progress(std::move(progress))
{
}

Result<void> InstanceFileSink::beginPart(const MultipartHeaders &headers)
{
    if (headers.contentType != "application/dicom")
        return failure(QStringLiteral("dicomweb.multipart"), tr("The PACS sent a part that is not a DICOM instance."));
    m_file.setFileName(QDir(m_directory).filePath(QStringLiteral("%1.dcm").arg(m_instances + 1, 5, 10, QLatin1Char('0'))));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failure(QStringLiteral("dicomweb.cache"), tr("The study cannot be written to %1.").arg(m_directory));
    return {};
}

Result<void> InstanceFileSink::partData(QByteArrayView data)
{
    if (m_file.write(data.data(), data.size()) != data.size())
        return failure(QStringLiteral("dicomweb.cache"), tr("The study cannot be written to %1 (disk full?).").arg(m_directory));
    m_bytes += data.size();
    if (m_progress)
        m_progress(m_bytes, m_instances);
    return {};
}

Result<void> InstanceFileSink::endPart()
{
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("dicomweb.cache"), tr("The study cannot be written to %1 (disk full?).").arg(m_directory));
    ++m_instances;
    if (m_progress)
        m_progress(m_bytes, m_instances);
    return {};
}
