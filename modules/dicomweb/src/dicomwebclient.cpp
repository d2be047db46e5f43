#include "dicomweb/dicomwebclient.h"

#include "dicom/dicomfile.h"
#include "dicomweb/studyjson.h"
#include "instancefilesink.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace {
// A study search answer is a few kilobytes per study.
constexpr qint64 MaxSearchReplyBytes = 32 * 1024 * 1024;
constexpr qint64 MaxStoreReplyBytes = 16 * 1024 * 1024;

QString dicomDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyyMMdd")) : QString();
}

// SOP Instance UIDs the PACS lists under a sequence of a STOW-RS reply (PS3.18 Table 10.5.3-1).
QSet<QString> referencedUids(const QJsonObject &reply, const char *sequenceTag)
{
    QSet<QString> uids;
    for (const QJsonValue &item : reply.value(QLatin1String(sequenceTag)).toObject().value(QStringLiteral("Value")).toArray())
        uids << item.toObject().value(QStringLiteral("00081155")).toObject().value(QStringLiteral("Value")).toArray().at(0).toString();
    return uids;
}
} // namespace

DicomWebClient::DicomWebClient(PacsEndpoint endpoint, MultipartLimits limits)
    : m_connection(std::move(endpoint))
    , m_limits(limits)
{
}

Result<QList<StudySummary>> DicomWebClient::findStudies(const StudyQuery &query)
{
    PacsRequest request;
    request.path = QStringLiteral("/studies");
    request.accept = QByteArrayLiteral("application/dicom+json");
    if (!query.patientId.isEmpty())
        request.query.addQueryItem(QStringLiteral("PatientID"), query.patientId);
    if (!query.accessionNumber.isEmpty())
        request.query.addQueryItem(QStringLiteral("AccessionNumber"), query.accessionNumber);
    if (!query.modality.isEmpty())
        request.query.addQueryItem(QStringLiteral("ModalitiesInStudy"), query.modality);
    if (query.from.isValid() || query.to.isValid())
        request.query.addQueryItem(QStringLiteral("StudyDate"), dicomDate(query.from) + QLatin1Char('-') + dicomDate(query.to));
    for (const char *field : {"00080050", "00081030", "00080061", "00201208", "00380010"})
        request.query.addQueryItem(QStringLiteral("includefield"), QLatin1String(field));
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(query.limit, 1, 5000)));
    const auto body = m_connection.fetch(request, MaxSearchReplyBytes);
    if (!body)
        return tl::unexpected(body.error());
    return StudyJson::parseStudies(*body);
}

Result<CachedStudy> DicomWebClient::retrieveStudy(const QString &studyUid, StudyCache &cache, const ProgressCallback &progress,
                                                  const std::atomic<bool> *cancelled)
{
    if (!StudyJson::isValidUid(studyUid))
        return failure(QStringLiteral("dicomweb.uid"), tr("%1 is not a valid Study Instance UID.").arg(studyUid.left(80)));
    if (auto cached = cache.find(studyUid))
        return *cached;
    const auto staging = cache.createStaging(studyUid);
    if (!staging)
        return tl::unexpected(staging.error());
    InstanceFileSink sink(*staging, [&](qint64 bytes, int instances) {
        if (progress)
            progress({bytes, instances});
    });
    std::optional<MultipartParser> parser;
    PacsRequest request;
    request.path = QStringLiteral("/studies/") + studyUid;
    // "transfer-syntax=*": the instances as the PACS holds them, byte for byte, no transcoding.
    request.accept = QByteArrayLiteral("multipart/related; type=\"application/dicom\"; transfer-syntax=*");
    PacsReplyHandler handler;
    handler.begin = [&](const QByteArray &contentType) -> Result<void> {
        const auto boundary = MultipartParser::boundaryOf(contentType);
        if (!boundary)
            return tl::unexpected(boundary.error());
        parser.emplace(*boundary, sink, m_limits);
        return {};
    };
    handler.data = [&](QByteArrayView chunk) { return parser->feed(chunk); };
    auto sent = m_connection.send(request, handler, cancelled);
    Result<void> complete = sent ? (parser ? parser->finish() : failure(QStringLiteral("dicomweb.multipart"), tr("The PACS sent no study.")))
                                 : tl::unexpected(sent.error());
    if (complete && sink.instances() == 0)
        complete = failure(QStringLiteral("dicomweb.multipart"), tr("The PACS sent the study without any instance."));
    if (!complete) {
        cache.discardStaging(*staging);
        return tl::unexpected(complete.error());
    }
    return cache.commit(studyUid, *staging);
}

Result<StoreOutcome> DicomWebClient::store(const QStringList &files, qint64 batchBytes, const std::function<void(int, int)> &progress)
{
    StoreOutcome outcome;
    QList<QPair<QString, QString>> batch;
    qint64 batchSize = 0;
    int sent = 0;
    auto flush = [&]() -> Result<void> {
        if (batch.isEmpty())
            return {};
        auto stored = storeBatch(batch);
        if (!stored)
            return tl::unexpected(stored.error());
        outcome.storedFiles += stored->storedFiles;
        outcome.rejectedFiles += stored->rejectedFiles;
        outcome.messages += stored->messages;
        sent += int(batch.size());
        if (progress)
            progress(sent, int(files.size()));
        batch.clear();
        batchSize = 0;
        return {};
    };
    for (const QString &path : files) {
        // Only a DICOM file with a UID goes to the PACS; the UID matches the PACS's answer.
        const auto file = DicomFile::open(path);
        if (!file || !StudyJson::isValidUid((*file)->info().sopInstanceUid)) {
            outcome.rejectedFiles << path;
            outcome.messages << tr("%1 is not a DICOM file that can be sent: %2")
                                    .arg(QFileInfo(path).fileName(), file ? tr("no valid SOP Instance UID") : file.error().message);
            ++sent;
            continue;
        }
        const qint64 size = QFileInfo(path).size();
        if (!batch.isEmpty() && batchSize + size > batchBytes)
            if (auto flushed = flush(); !flushed)
                return tl::unexpected(flushed.error());
        batch.append({path, (*file)->info().sopInstanceUid});
        batchSize += size;
    }
    if (auto flushed = flush(); !flushed)
        return tl::unexpected(flushed.error());
    return outcome;
}

Result<StoreOutcome> DicomWebClient::storeBatch(const QList<QPair<QString, QString>> &filesAndUids)
{
    const QByteArray boundary = "obslink-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    PacsRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/studies");
    request.accept = QByteArrayLiteral("application/dicom+json");
    request.contentType = "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    for (const auto &[path, uid] : filesAndUids) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("dicomweb.stow"), tr("%1 cannot be read.").arg(path));
        request.body += "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n";
        request.body += file.readAll();
        request.body += "\r\n";
    }
    request.body += "--" + boundary + "--\r\n";
    const auto reply = m_connection.fetch(request, MaxStoreReplyBytes);
    StoreOutcome outcome;
    if (!reply && reply.error().code != QLatin1String("dicomweb.http"))
        return tl::unexpected(reply.error()); // offline, TLS, credentials: try again later
    // 200: all stored; 202: some failed; 409 and other refusals: the PACS will not take them.
    const QJsonObject answer = reply ? QJsonDocument::fromJson(*reply).object() : QJsonObject();
    const QSet<QString> stored = referencedUids(answer, "00081199");
    for (const auto &[path, uid] : filesAndUids) {
        if (reply && stored.contains(uid)) {
            outcome.storedFiles << path;
        } else {
            outcome.rejectedFiles << path;
            outcome.messages << tr("The PACS did not accept %1.").arg(QFileInfo(path).fileName())
                                    + (reply ? QString() : QLatin1Char(' ') + reply.error().message);
        }
    }
    return outcome;
}
