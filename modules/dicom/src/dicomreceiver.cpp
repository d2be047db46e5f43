#include "dicom/dicomreceiver.h"

#include "dicomlog.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <algorithm>

#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dstorscp.h>

namespace {
// A SOP Instance UID comes from the sender: only digits and dots may become part of a file name.
QString safeFileName(const OFString &sopInstanceUid)
{
    const QString uid = QString::fromLatin1(sopInstanceUid.c_str());
    const bool plain = !uid.isEmpty() && uid.size() <= 64
        && std::all_of(uid.begin(), uid.end(), [](QChar c) { return c.isDigit() || c == QLatin1Char('.'); });
    return (plain ? uid : QUuid::createUuid().toString(QUuid::WithoutBraces)) + QStringLiteral(".dcm");
}

class InboxStorageScp : public DcmStorageSCP
{
public:
    InboxStorageScp(const QString &pending, const std::atomic<bool> &stop, const DicomReceiver::InstanceReceived &received)
        : m_pending(pending)
        , m_stop(stop)
        , m_received(received)
    {
    }

protected:
    OFBool stopAfterConnectionTimeout() override { return m_stop.load(); }
    OFBool stopAfterCurrentAssociation() override { return m_stop.load(); }

    void notifyInstanceStored(const OFString &filename, const OFString &, const OFString &sopInstanceUid, DcmDataset *) const override
    {
        // The rename is what makes the instance part of the queue: pending only ever holds
        // complete files, whatever happens to this process while it writes.
        const QString target = QDir(m_pending).filePath(safeFileName(sopInstanceUid));
        QFile::remove(target); // the same instance sent again replaces the earlier copy
        if (!QFile::rename(QFile::decodeName(filename.c_str()), target)) {
            qCWarning(lcDicom) << "received instance could not be moved into the inbox";
            return;
        }
        if (m_received)
            m_received(target);
    }

private:
    QString m_pending;
    const std::atomic<bool> &m_stop;
    const DicomReceiver::InstanceReceived &m_received;
};

OFList<OFString> acceptedTransferSyntaxes()
{
    // Explicit little endian first (what most machines propose), then the compressed syntaxes
    // ultrasound machines use, so that files arrive exactly as the machine encoded them.
    OFList<OFString> syntaxes;
    for (const char *uid : {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
                            UID_BigEndianExplicitTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax,
                            UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax, UID_JPEGProcess14SV1TransferSyntax,
                            UID_JPEGProcess14TransferSyntax, UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
                            UID_RLELosslessTransferSyntax, UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
                            UID_MPEG2MainProfileAtMainLevelTransferSyntax, UID_MPEG4HighProfileLevel4_1TransferSyntax})
        syntaxes.push_back(uid);
    return syntaxes;
}
} // namespace

DicomReceiver::DicomReceiver(DicomReceiverSettings settings)
    : m_settings(std::move(settings))
{
}

DicomReceiver::~DicomReceiver() = default;

QString DicomReceiver::pendingDirectory(const QString &inbox)
{
    return QDir(inbox).filePath(QStringLiteral("pending"));
}

Result<void> DicomReceiver::listen()
{
    const QString aeTitle = m_settings.aeTitle.trimmed();
    if (aeTitle.isEmpty() || aeTitle.size() > 16 || aeTitle.contains(QLatin1Char('\\')))
        return failure(QStringLiteral("dicom.receiver.config"), tr("The AE title must have 1 to 16 characters."));
    if (m_settings.port < 1 || m_settings.port > 65535)
        return failure(QStringLiteral("dicom.receiver.config"), tr("The DICOM port must be between 1 and 65535."));
    const QString receiving = QDir(m_settings.inboxDirectory).filePath(QStringLiteral("receiving"));
    const QString pending = pendingDirectory(m_settings.inboxDirectory);
    if (!QDir().mkpath(receiving) || !QDir().mkpath(pending))
        return failure(QStringLiteral("dicom.receiver.inbox"), tr("The inbox folder %1 cannot be created.").arg(m_settings.inboxDirectory));

    InboxStorageScp scp(pending, m_stop, m_received);
    scp.setAETitle(aeTitle.toLatin1().constData());
    scp.setPort(static_cast<Uint16>(m_settings.port));
    scp.setOutputDirectory(QFile::encodeName(receiving).constData());
    scp.setFilenameGenerationMode(DcmStorageSCP::FGM_UniqueFromNewUID);
    scp.setHostLookupEnabled(OFFalse);
    // Wake up every second to notice stop(); a stalled sender is dropped after a minute.
    scp.setConnectionBlockingMode(DUL_NOBLOCK);
    scp.setConnectionTimeout(1);
    scp.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    scp.setDIMSETimeout(60);
    scp.setACSETimeout(30);
    const OFList<OFString> syntaxes = acceptedTransferSyntaxes();
    // Verification (C-ECHO) is already configured by DcmSCP; a second context for it would
    // make the profile invalid.
    // DcmSCP takes at most 128 presentation contexts: DCMTK's list of the 120 most used
    // storage SOP classes, every ultrasound one among them.
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs; ++i)
        if (const OFCondition added = scp.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], syntaxes); added.bad())
            return failure(QStringLiteral("dicom.receiver.config"), tr("The DICOM receiver cannot be configured (%1).").arg(QString::fromLatin1(added.text())));
    // Ultrasound machines send their measurements as structured reports (TID 5000); DCMTK's
    // list has Basic Text, Enhanced, Comprehensive and Comprehensive 3D SR, not Extensible SR.
    if (const OFCondition added = scp.addPresentationContext(UID_ExtensibleSRStorage, syntaxes); added.bad())
        return failure(QStringLiteral("dicom.receiver.config"), tr("The DICOM receiver cannot be configured (%1).").arg(QString::fromLatin1(added.text())));
    qCInfo(lcDicom) << "C-STORE receiver listening on port" << m_settings.port;
    const OFCondition result = scp.listen();
    if (result.bad() && result != NET_EC_StopAfterConnectionTimeout && result != NET_EC_StopAfterAssociation)
        return failure(QStringLiteral("dicom.receiver.listen"),
                       tr("The DICOM receiver cannot listen on port %1 (%2).").arg(m_settings.port).arg(QString::fromLatin1(result.text())));
    return {};
}
