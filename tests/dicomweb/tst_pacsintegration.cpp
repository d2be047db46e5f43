#include "srsynth.h"
#include "testpacs.h"

#include "dicom/demostudywriter.h"
#include "dicomweb/dicomwebclient.h"
#include "dicomweb/inboxforwarder.h"
#include "dicomweb/receiveandforward.h"
#include "dicomweb/studyretrieval.h"
#include "ultrasound-exams/machinebiometry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QList<QByteArray> digests(const QStringList &files)
{
    QList<QByteArray> result;
    for (const QString &file : files)
        result << digest(file);
    std::sort(result.begin(), result.end());
    return result;
}

qint64 totalSize(const QStringList &files)
{
    qint64 total = 0;
    for (const QString &file : files)
        total += QFileInfo(file).size();
    return total;
}
} // namespace

// The dicomweb module against a real Orthanc with its DICOMweb plugin behind nginx TLS, both
// started by scripts/pacs.sh on free loopback ports with a CA made for this test.
class tst_PacsIntegration : public QObject
{
    Q_OBJECT
private:
    struct Study
    {
        DemoStudy demo;
        QStringList files;
        QString uid;
    };
    Study &study(int i) { return m_studies[i]; }
    // The retrieval tests use the studies the STOW-RS test stored (QtTest runs them in order).
    bool stored() const
    {
        return std::all_of(
            m_studies.begin(), m_studies.end(), [](const Study &s) { return !s.uid.isEmpty(); });
    }
    Result<QString> uidOf(const QString &accession)
    {
        DicomWebClient client(m_pacs.endpoint());
        StudyQuery query;
        query.accessionNumber = accession;
        const auto found = client.findStudies(query);
        if (!found)
            return tl::unexpected(found.error());
        if (found->size() != 1)
            return failure(QStringLiteral("test"), QStringLiteral("%1 studies").arg(found->size()));
        return found->first().studyInstanceUid;
    }

    // storescu's exit code: the receiver binds on its own thread, so this tries until it answers.
    static int storeInto(int port, const QStringList &files)
    {
        int exitCode = -1;
        for (int attempt = 0; attempt < 50 && exitCode != 0; ++attempt) {
            // -R: propose just the files' SOP class and transfer syntax, as a modality does.
            QProcess storescu;
            storescu.start(QStringLiteral("storescu"),
                QStringList { QStringLiteral("-R"), QStringLiteral("-aec"), QStringLiteral("OBSLINK_TEST"),
                    QStringLiteral("127.0.0.1"), QString::number(port) }
                    + files);
            if (!storescu.waitForFinished(60000))
                return -1;
            exitCode = storescu.exitCode();
            if (exitCode != 0)
                QTest::qWait(100);
        }
        return exitCode;
    }

    TestPacs m_pacs;
    QTemporaryDir m_files;
    QList<Study> m_studies;

private slots:
    void initTestCase()
    {
        OBSLINK_START_TEST_PACS(m_pacs);
        for (int i = 0; i < 3; ++i) {
            Study s;
            s.demo.patientId = QStringLiteral("99010119900101%1").arg(1000 + i);
            // Chinese names must survive the PACS (Orthanc answers in Latin-1 unless told UTF-8).
            s.demo.patientName = i == 1 ? QStringLiteral("王^芳") : QStringLiteral("Test^Woman %1").arg(i);
            s.demo.accessionNumber = QStringLiteral("T%1").arg(i);
            s.demo.pregnancyId = QStringLiteral("pregnancy-%1").arg(i);
            s.demo.studyDate = QDate(2026, 3, 10 + i);
            s.demo.instances = 2;
            s.demo.framesPerInstance = 8;
            const auto files = DemoStudyWriter::write(s.demo, m_files.filePath(s.demo.accessionNumber));
            QVERIFY2(files.has_value(), files ? "" : qPrintable(files.error().message));
            s.files = *files;
            m_studies << s;
        }
    }

    void cleanupTestCase() { m_pacs.stop(); }

    void stowedFilesAreFoundByQidoWithThePregnancyLink()
    {
        DicomWebClient client(m_pacs.endpoint());
        QStringList all;
        for (const Study &s : m_studies)
            all += s.files;
        int progressCalls = 0;
        // Small batches: several STOW-RS requests.
        const auto stored = client.store(all, 1, [&](int, int) { ++progressCalls; });
        QVERIFY2(stored.has_value(), stored ? "" : qPrintable(stored.error().message));
        QCOMPARE(stored->storedFiles.size(), all.size());
        QVERIFY(stored->rejectedFiles.isEmpty());
        QCOMPARE(progressCalls, int(all.size()));

        StudyQuery byWoman;
        byWoman.patientId = study(1).demo.patientId;
        const auto found = client.findStudies(byWoman);
        QVERIFY2(found.has_value(), found ? "" : qPrintable(found.error().message));
        QCOMPARE(found->size(), 1);
        const StudySummary summary = found->first();
        QCOMPARE(summary.accessionNumber, QStringLiteral("T1"));
        QCOMPARE(summary.pregnancyId, QStringLiteral("pregnancy-1"));
        QCOMPARE(summary.patientName, QStringLiteral("王^芳"));
        QCOMPARE(summary.studyDate, QDate(2026, 3, 11));
        QCOMPARE(summary.modalities, QStringList { QStringLiteral("US") });
        QCOMPARE(summary.instances.value_or(-1), 2);
        for (Study &s : m_studies) {
            const auto uid = uidOf(s.demo.accessionNumber);
            QVERIFY2(uid.has_value(), uid ? "" : qPrintable(uid.error().message));
            s.uid = *uid;
        }

        StudyQuery dateWindow;
        dateWindow.from = QDate(2026, 3, 11);
        dateWindow.to = QDate(2026, 3, 12);
        const auto inWindow = client.findStudies(dateWindow);
        QVERIFY(inWindow.has_value());
        QCOMPARE(inWindow->size(), 2); // 10 March is outside, on the boundary's other side
    }

    void wadoRetrievalIsByteIdenticalWithProgress()
    {
        QVERIFY2(stored(), "needs stowedFilesAreFoundByQidoWithThePregnancyLink first");
        QTemporaryDir cacheDir;
        StudyCache cache(cacheDir.path(), 1LL << 30);
        DicomWebClient client(m_pacs.endpoint());
        QList<RetrieveProgress> steps;
        const auto retrieved
            = client.retrieveStudy(study(0).uid, cache, [&](const RetrieveProgress &p) { steps << p; });
        QVERIFY2(retrieved.has_value(), retrieved ? "" : qPrintable(retrieved.error().message));
        QCOMPARE(retrieved->files.size(), 2);
        QCOMPARE(digests(retrieved->files), digests(study(0).files));
        QVERIFY(steps.size() > 2);
        for (qsizetype i = 1; i < steps.size(); ++i)
            QVERIFY(steps[i].bytes >= steps[i - 1].bytes && steps[i].instances >= steps[i - 1].instances);
        QCOMPARE(steps.last().instances, 2);
        QCOMPARE(steps.last().bytes, totalSize(study(0).files));
        // A second request is served by the cache: nothing moves over the network.
        int secondSteps = 0;
        QVERIFY(client.retrieveStudy(study(0).uid, cache, [&](const RetrieveProgress &) { ++secondSteps; })
                    .has_value());
        QCOMPARE(secondSteps, 0);
    }

    void theCacheBoundIsHonoured()
    {
        QVERIFY2(stored(), "needs stowedFilesAreFoundByQidoWithThePregnancyLink first");
        QTemporaryDir cacheDir;
        const qint64 oneStudy = totalSize(study(0).files);
        StudyCache cache(cacheDir.path(), oneStudy * 2 + oneStudy / 2);
        DicomWebClient client(m_pacs.endpoint());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(client.retrieveStudy(study(i).uid, cache).has_value());
            QVERIFY(cache.totalBytes() <= cache.maxBytes());
        }
        QCOMPARE(cache.cachedStudies(), (QStringList { study(2).uid, study(1).uid }));
    }

    void aPacsCertificateFromAnotherCaIsRefused()
    {
        QTemporaryDir dir;
        const QString otherCa = dir.filePath(QStringLiteral("other-ca.pem"));
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                     { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"),
                         dir.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"), otherCa,
                         QStringLiteral("-subj"), QStringLiteral("/CN=Another CA") }),
            0);
        for (const QString &ca : { otherCa, QString() }) {
            PacsEndpoint endpoint = m_pacs.endpoint();
            endpoint.regionalCaFile = ca;
            DicomWebClient client(endpoint);
            const auto found = client.findStudies({});
            QVERIFY(!found);
            QCOMPARE(found.error().code, QStringLiteral("dicomweb.tls"));
        }
    }

    void wrongCredentialsAndPlainHttpAreRefused()
    {
        PacsEndpoint wrongPassword = m_pacs.endpoint();
        wrongPassword.password = QStringLiteral("not-the-password");
        const auto refused = DicomWebClient(wrongPassword).findStudies({});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("dicomweb.auth"));
        QVERIFY(!refused.error().message.contains(QStringLiteral("not-the-password")));

        PacsEndpoint plain = m_pacs.endpoint();
        plain.baseUrl.setScheme(QStringLiteral("http"));
        const auto plainRefused = DicomWebClient(plain).findStudies({});
        QVERIFY(!plainRefused);
        QCOMPARE(plainRefused.error().code, QStringLiteral("dicomweb.config"));
    }

    void anUnknownStudyIsAnErrorAndNothingIsCached()
    {
        QTemporaryDir cacheDir;
        StudyCache cache(cacheDir.path(), 1LL << 30);
        const auto missing
            = DicomWebClient(m_pacs.endpoint()).retrieveStudy(QStringLiteral("1.2.3.4.5.6.7.8.9"), cache);
        QVERIFY(!missing);
        QCOMPARE(cache.totalBytes(), 0);
        const auto hostileUid
            = DicomWebClient(m_pacs.endpoint()).retrieveStudy(QStringLiteral("../../etc"), cache);
        QVERIFY(!hostileUid);
        QCOMPARE(hostileUid.error().code, QStringLiteral("dicomweb.uid"));
    }

    void theReaderWaitsForHerStudyFirstAndTheNextArePrefetched()
    {
        QVERIFY2(stored(), "needs stowedFilesAreFoundByQidoWithThePregnancyLink first");
        QTemporaryDir cacheDir;
        StudyRetrieval retrieval(m_pacs.endpoint(), std::make_shared<StudyCache>(cacheDir.path(), 1LL << 30));
        QSignalSpy retrieved(&retrieval, &StudyRetrieval::retrieved);
        QSignalSpy failed(&retrieval, &StudyRetrieval::failed);
        retrieval.prefetch({ study(1).uid, study(2).uid });
        retrieval.retrieve(study(0).uid);
        QTRY_COMPARE_WITH_TIMEOUT(retrieved.size(), 3, 60000);
        QCOMPARE(failed.size(), 0);
        QStringList order;
        for (const QList<QVariant> &signal : retrieved) {
            const QString uid = signal.at(0).toString();
            order << uid;
            QCOMPARE(signal.at(3).toBool(), uid != study(0).uid); // prefetched?
            const auto original = std::find_if(
                m_studies.begin(), m_studies.end(), [&](const Study &s) { return s.uid == uid; });
            QVERIFY(original != m_studies.end());
            QCOMPARE(digests(signal.at(2).toStringList()), digests(original->files));
        }
        // Hers first (a prefetch already under way gives way and follows), then the prefetches in order.
        QCOMPARE(order, (QStringList { study(0).uid, study(1).uid, study(2).uid }));
    }

    void aPrefetchThatGaveWayIsFetchedEvenWhenThePrefetchListIsRenewedMeanwhile()
    {
        // The worklist renews its prefetch list right after the reader opens a study, while the
        // prefetch under way is still giving way to hers: that study must not be dropped.
        QVERIFY2(stored(), "needs stowedFilesAreFoundByQidoWithThePregnancyLink first");
        for (int attempt = 0; attempt < 5; ++attempt) {
            QTemporaryDir cacheDir;
            StudyRetrieval retrieval(
                m_pacs.endpoint(), std::make_shared<StudyCache>(cacheDir.path(), 1LL << 30));
            QSignalSpy retrieved(&retrieval, &StudyRetrieval::retrieved);
            QSignalSpy failed(&retrieval, &StudyRetrieval::failed);
            retrieval.prefetch({ study(1).uid });
            QTest::qWait(5); // study 1 is under way
            retrieval.retrieve(study(0).uid);
            retrieval.prefetch({ study(1).uid, study(2).uid });
            QTRY_COMPARE_WITH_TIMEOUT(retrieved.size() + failed.size(), 3, 30000);
            QCOMPARE(failed.size(), 0);
        }
    }

    void cStoreIntoTheReceiverIsForwardedToThePacs()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("storescu")).isEmpty())
            QSKIP("DCMTK's storescu is not installed (package dcmtk)");
        QTemporaryDir inbox;
        DemoStudy demo = study(0).demo;
        demo.accessionNumber = QStringLiteral("CSTORE1");
        const auto files = DemoStudyWriter::write(demo, m_files.filePath(QStringLiteral("cstore")));
        QVERIFY(files.has_value());
        const int port = TestPacs::freeLoopbackPort();
        ReceiveAndForward service(
            { QStringLiteral("OBSLINK_TEST"), port, inbox.path() }, m_pacs.endpoint(), 1);
        QSignalSpy forwarded(&service, &ReceiveAndForward::forwarded);
        QSignalSpy received(&service, &ReceiveAndForward::instanceReceived);
        service.start();
        QCOMPARE(storeInto(port, *files), 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(InboxForwarder(inbox.path()).pendingCount() == 0, 30000);
        QVERIFY(!forwarded.isEmpty());
        QCOMPARE(QDir(inbox.filePath(QStringLiteral("forwarded"))).entryList(QDir::Files).size(), 2);
        service.stop();
        const auto uid = uidOf(QStringLiteral("CSTORE1"));
        QVERIFY2(uid.has_value(), uid ? "" : qPrintable(uid.error().message));
        QTemporaryDir cacheDir;
        StudyCache cache(cacheDir.path(), 1LL << 30);
        const auto back = DicomWebClient(m_pacs.endpoint()).retrieveStudy(*uid, cache);
        QVERIFY(back.has_value());
        QCOMPARE(digests(back->files), digests(*files));
    }

    // The machine's measurements report travels like its images: C-STORE into the clinic's
    // receiver, forwarded to the PACS, and back with the study, still mapping fetus by fetus.
    void aMachinesStructuredReportArrivesByCStoreAndComesBackWithTheStudy()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("storescu")).isEmpty())
            QSKIP("DCMTK's storescu is not installed (package dcmtk)");
        QVERIFY2(stored(), "needs stowedFilesAreFoundByQidoWithThePregnancyLink first");
        const QString report = m_files.filePath(QStringLiteral("machine-sr.dcm"));
        const auto written = ObGynReportWriter::write(
            SrSynth::twins(study(2).uid, study(2).demo.patientId, study(2).demo.studyDate), report);
        QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().message));
        QTemporaryDir inbox;
        const int port = TestPacs::freeLoopbackPort();
        ReceiveAndForward service({ QStringLiteral("OBSLINK_TEST"), port, inbox.path() }, m_pacs.endpoint(), 1);
        QSignalSpy received(&service, &ReceiveAndForward::instanceReceived);
        service.start();
        QCOMPARE(storeInto(port, { report }), 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(InboxForwarder(inbox.path()).pendingCount() == 0, 30000);
        service.stop();

        QTemporaryDir cacheDir;
        StudyCache cache(cacheDir.path(), 1LL << 30);
        const auto back = DicomWebClient(m_pacs.endpoint()).retrieveStudy(study(2).uid, cache);
        QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->files.size(), 3);
        QStringList reports;
        for (const QString &file : back->files)
            if (StructuredReportReader::read(file).has_value())
                reports << file;
        QCOMPARE(reports.size(), 1);
        QCOMPARE(digest(reports.first()), digest(report));
        const MachineBiometry biometry
            = MachineBiometryMapping::builtIn().map(*StructuredReportReader::read(reports.first()));
        QCOMPARE(biometry.fetuses.size(), 2);
    }

    void nothingIsLostWhileThePacsIsDown()
    {
        QTemporaryDir inbox;
        const QString pending = inbox.filePath(QStringLiteral("pending"));
        QVERIFY(QDir().mkpath(pending));
        DemoStudy demo = study(1).demo;
        demo.accessionNumber = QStringLiteral("QUEUED1");
        demo.instances = 1;
        const auto files = DemoStudyWriter::write(demo, pending);
        QVERIFY(files.has_value());
        QFile junk(QDir(pending).filePath(QStringLiteral("junk.dcm")));
        QVERIFY(junk.open(QIODevice::WriteOnly) && junk.write("not DICOM at all") > 0);
        junk.close();

        m_pacs.stop();
        {
            DicomWebClient client(m_pacs.endpoint());
            const auto down = InboxForwarder(inbox.path()).forwardPending(client);
            QVERIFY(!down);
            QCOMPARE(down.error().code, QStringLiteral("dicomweb.offline"));
            QVERIFY(QFile::exists(files->first())); // still queued
        }
        QString why;
        QVERIFY2(m_pacs.start(&why) == TestPacs::Started::Yes, qPrintable(why));
        DicomWebClient client(m_pacs.endpoint());
        // A later round (as after a restart of the workstation) sends what waited.
        const auto up = InboxForwarder(inbox.path()).forwardPending(client);
        QVERIFY2(up.has_value(), up ? "" : qPrintable(up.error().message));
        QCOMPARE(up->forwarded, 1);
        QCOMPARE(up->stillPending, 0);
        QVERIFY(QFile::exists(inbox.filePath(QStringLiteral("rejected/junk.dcm"))));
        QVERIFY(uidOf(QStringLiteral("QUEUED1")).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_PacsIntegration)
#include "tst_pacsintegration.moc"
