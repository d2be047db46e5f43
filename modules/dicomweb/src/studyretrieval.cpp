#include "dicomweb/studyretrieval.h"

#include "dicomweb/dicomwebclient.h"
#include "dicomweb/studycache.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

StudyRetrieval::StudyRetrieval(PacsEndpoint endpoint, std::shared_ptr<StudyCache> cache, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_cache(std::move(cache))
{
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("StudyRetrieval"));
    m_thread->start();
}

StudyRetrieval::~StudyRetrieval()
{
    {
        QMutexLocker lock(&m_mutex);
        m_quit = true;
        m_cancel = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void StudyRetrieval::retrieve(const QString &studyUid)
{
    QMutexLocker lock(&m_mutex);
    if (isUnderWay(studyUid))
        return;
    std::erase_if(m_jobs, [&](const Job &job) { return job.studyUid == studyUid; });
    if (m_busy && m_running.prefetched && isUnderWay(m_running.studyUid)) {
        m_jobs.push_front({ m_running.studyUid, true }); // gives way, and follows hers
        m_cancel = true;
    }
    m_jobs.push_front({ studyUid, false });
    m_wake.wakeAll();
}

void StudyRetrieval::prefetch(const QStringList &studyUids)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_jobs, [](const Job &job) { return job.prefetched; });
    for (const QString &uid : studyUids) {
        const bool queued
            = std::any_of(m_jobs.begin(), m_jobs.end(), [&](const Job &job) { return job.studyUid == uid; });
        if (!queued && !isUnderWay(uid))
            m_jobs.push_back({ uid, true });
    }
    m_wake.wakeAll();
}

bool StudyRetrieval::isUnderWay(const QString &studyUid) const
{
    // A job told to give way is no longer under way: it ends without a result.
    return m_busy && !m_cancel && m_running.studyUid == studyUid;
}

void StudyRetrieval::cancelAll()
{
    QMutexLocker lock(&m_mutex);
    m_jobs.clear();
    m_cancel = true;
}

bool StudyRetrieval::takeJob(Job &job)
{
    QMutexLocker lock(&m_mutex);
    m_busy = false;
    while (m_jobs.empty() && !m_quit)
        m_wake.wait(&m_mutex);
    if (m_quit)
        return false;
    job = m_jobs.front();
    m_jobs.pop_front();
    m_running = job;
    m_busy = true;
    m_cancel = false;
    return true;
}

void StudyRetrieval::run()
{
    // The client and its network access live on this thread.
    DicomWebClient client(m_endpoint);
    Job job;
    while (takeJob(job)) {
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        auto report = [&](const RetrieveProgress &step) {
            // At most ten progress signals a second: the UI thread should not drown in them.
            if (sinceSignal.elapsed() >= 100) {
                sinceSignal.restart();
                emit progress(job.studyUid, step.bytes, step.instances);
            }
        };
        const auto study = client.retrieveStudy(job.studyUid, *m_cache, report, &m_cancel);
        if (study) {
            emit progress(job.studyUid, study->bytes, int(study->files.size()));
            emit retrieved(job.studyUid, study->directory, study->files, job.prefetched);
        } else if (study.error().code != QLatin1String("dicomweb.cancelled")) {
            emit failed(job.studyUid, study.error().message);
        }
    }
}
