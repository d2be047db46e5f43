// WADO-RS retrieval of a 100-frame 800×600 ultrasound cine (46 MB) from the regional PACS
// (Orthanc + DICOMweb behind nginx TLS, started on loopback by scripts/pacs.sh) into the study
// cache, as a ratio to reading the same bytes from disk in the same run: the price of HTTPS,
// the proxy, the multipart parse and the cache write. Also the throughput and the STOW-RS upload.
#include "testpacs.h"

#include "dicom/demostudywriter.h"
#include "dicomweb/dicomwebclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

namespace {
constexpr int Rounds = 3;

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Reads the files as the viewer would after a retrieval, in 1 MB chunks.
qint64 readFromDisk(const QStringList &files)
{
    qint64 bytes = 0;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        for (qint64 got; (got = file.read(buffer.data(), buffer.size())) > 0;)
            bytes += got;
    }
    return bytes;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestPacs pacs;
    QString why;
    const TestPacs::Started started = pacs.start(&why);
    if (started != TestPacs::Started::Yes) {
        std::fprintf(stderr, "bench_dicomweb skipped: %s\n", qPrintable(why.trimmed()));
        return started == TestPacs::Started::Absent ? 0 : 1;
    }
    QTemporaryDir dir;
    DemoStudy study;
    study.patientId = QStringLiteral("990101199001010000");
    study.patientName = QStringLiteral("Bench^Cine");
    study.accessionNumber = QStringLiteral("BENCH1");
    study.studyDate = QDate(2026, 1, 1);
    study.framesPerInstance = 100;
    study.columns = 800;
    study.rows = 600;
    const auto files = DemoStudyWriter::write(study, dir.filePath(QStringLiteral("source")));
    if (!files) {
        std::fprintf(stderr, "%s\n", qPrintable(files.error().message));
        return 1;
    }
    DicomWebClient client(pacs.endpoint());
    QElapsedTimer timer;
    timer.start();
    const auto stored = client.store(*files);
    if (!stored || stored->storedFiles.size() != files->size()) {
        std::fprintf(stderr, "STOW-RS failed\n");
        return 1;
    }
    const double stowMs = msSince(timer);
    StudyQuery query;
    query.accessionNumber = study.accessionNumber;
    const auto found = client.findStudies(query);
    if (!found || found->size() != 1)
        return 1;
    const QString uid = found->first().studyInstanceUid;

    double bestWadoMs = 1e300;
    double bestDiskMs = 1e300;
    qint64 bytes = 0;
    for (int round = 0; round < Rounds; ++round) {
        QTemporaryDir cacheDir; // empty each round: a real retrieval every time
        StudyCache cache(cacheDir.path(), 1LL << 34);
        timer.restart();
        const auto retrieved = client.retrieveStudy(uid, cache);
        const double wadoMs = msSince(timer);
        if (!retrieved)
            return 1;
        bytes = retrieved->bytes;
        timer.restart();
        if (readFromDisk(*files) != bytes)
            return 1;
        bestDiskMs = std::min(bestDiskMs, msSince(timer));
        bestWadoMs = std::min(bestWadoMs, wadoMs);
    }
    std::printf("bench: dicomweb_study_mb %.1f MB\n", double(bytes) / 1048576.0);
    std::printf("bench: dicomweb_stow_100_frames_ms %.1f ms\n", stowMs);
    std::printf("bench: dicomweb_wado_100_frames_ms %.1f ms\n", bestWadoMs);
    std::printf("bench: dicomweb_disk_read_same_bytes_ms %.1f ms\n", bestDiskMs);
    std::printf("bench: dicomweb_wado_vs_disk %.1f ratio\n", bestWadoMs / bestDiskMs);
    std::printf("bench: dicomweb_wado_throughput %.0f MB/s\n", double(bytes) / 1048576.0 / (bestWadoMs / 1000.0));
    return 0;
}
