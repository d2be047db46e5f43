#pragma once

#include "dicomweb/multipartparser.h"
#include "dicomweb/pacsconnection.h"
#include "dicomweb/studycache.h"
#include "dicomweb/studysummary.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

struct RetrieveProgress
{
    qint64 bytes = 0;
    int instances = 0;
};

struct StoreOutcome
{
    QStringList storedFiles;
    QStringList rejectedFiles; // refused by the PACS or not DICOM: sending again will not help
    QStringList messages;      // one translated line per rejected file, without patient data
};

// The three DICOMweb services against the regional PACS (PS3.18): QIDO-RS to find studies,
// WADO-RS to retrieve a whole study into the local cache, STOW-RS to upload local files.
// Blocking; run it off the UI thread (StudyRetrieval does).
class DicomWebClient
{
    Q_DECLARE_TR_FUNCTIONS(DicomWebClient)
public:
    using ProgressCallback = std::function<void(const RetrieveProgress &)>;

    explicit DicomWebClient(PacsEndpoint endpoint, MultipartLimits limits = {});

    Result<QList<StudySummary>> findStudies(const StudyQuery &query);
    // The study from the cache, or retrieved from the PACS into it. Progress is reported as
    // bytes arrive; *cancelled stops the transfer and leaves nothing in the cache.
    Result<CachedStudy> retrieveStudy(const QString &studyUid, StudyCache &cache, const ProgressCallback &progress = {},
                                      const std::atomic<bool> *cancelled = nullptr);
    // Uploads the files in requests of at most batchBytes each (a larger file goes alone).
    // An error means the PACS could not be reached or refused everything in a way that may
    // change (offline, credentials): nothing is counted as stored then.
    Result<StoreOutcome> store(const QStringList &files, qint64 batchBytes = 64LL * 1024 * 1024,
                               const std::function<void(int sent, int total)> &progress = {});

private:
    Result<StoreOutcome> storeBatch(const QList<QPair<QString, QString>> &filesAndUids);

    PacsConnection m_connection;
    MultipartLimits m_limits;
};
