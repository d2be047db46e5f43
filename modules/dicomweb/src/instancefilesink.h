#pragma once

#include "dicomweb/multipartparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <functional>

// Writes each application/dicom part of a WADO-RS reply to its own file in a folder, so an
// instance goes from the socket to the disk in chunks.
class InstanceFileSink : public MultipartSink
{
    Q_DECLARE_TR_FUNCTIONS(InstanceFileSink)
public:
    InstanceFileSink(QString directory, std::function<void(qint64 bytes, int instances)> progress);

    Result<void> beginPart(const MultipartHeaders &headers) override;
    Result<void> partData(QByteArrayView data) override;
    Result<void> endPart() override;

    int instances() const { return m_instances; }

private:
    QString m_directory;
    std::function<void(qint64, int)> m_progress;
    QFile m_file;
    qint64 m_bytes = 0;
    int m_instances = 0;
};
