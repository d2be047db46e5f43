// Background decoding into a bounded cache: frames arrive through signals, only what was asked
// for is decoded, and memory never exceeds the budget however long the loop.
#include "dicom/frameloader.h"
#include "dicomeditor.h"
#include "dicomsynth.h"
#include "imagecompare.h"
#include "synthfolder.h"

#include <QSignalSpy>
#include <QTest>

class TestFrameLoader : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_files;
    std::shared_ptr<DicomFile> m_cine; // 10 RGB frames, JPEG baseline
    qint64 m_frameBytes = 0;

    std::shared_ptr<DicomFile> cine(int frames)
    {
        auto file = DicomFile::open(m_files.write(DicomSynth::rgb(frames, 0), SynthSyntax::JpegBaseline));
        return file ? *file : nullptr;
    }

    static QList<int> framesOf(const QSignalSpy &spy)
    {
        QList<int> frames;
        for (const QList<QVariant> &arguments : spy)
            frames.append(arguments.at(0).toInt());
        return frames;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_cine = cine(10);
        QVERIFY(m_cine);
        m_frameBytes = m_cine->renderedFrameBytes();
        QCOMPARE(m_frameBytes, qint64(64 * 3) * 48);
    }

    void requestedFrameArrivesThroughTheSignal()
    {
        FrameLoader loader(m_cine);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        loader.request(3);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.at(0).at(0).toInt(), 3);
        const QImage image = ready.at(0).at(1).value<QImage>();
        QCOMPARE(ImageCompare::difference(image, *m_cine->renderFrame(3)), QString());
        QVERIFY(loader.cachedFrame(3));
        QCOMPARE(image.sizeInBytes(), m_frameBytes);
    }

    void firstFrameOfALongLoopIsDecodedAlone()
    {
        auto longLoop = cine(60);
        QVERIFY(longLoop);
        FrameLoader loader(longLoop);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        QSignalSpy idle(&loader, &FrameLoader::idle);
        loader.request(0);
        QTRY_COMPARE(idle.count(), 1);
        QCOMPARE(framesOf(ready), QList<int> { 0 });
        QCOMPARE(loader.cachedFrameCount(), 1);
        QVERIFY(!loader.cachedFrame(1));
    }

    void prefetchWrapsRoundTheEndOfTheLoop()
    {
        FrameLoader loader(m_cine);
        QSignalSpy idle(&loader, &FrameLoader::idle);
        loader.prefetch(8, 4);
        QTRY_COMPARE(idle.count(), 1);
        for (int frame : { 8, 9, 0, 1 })
            QVERIFY2(loader.cachedFrame(frame), qPrintable(QString::number(frame)));
        QCOMPARE(loader.cachedFrameCount(), 4);
    }

    void cacheNeverHoldsMoreThanItsBudget()
    {
        const qint64 budget = m_frameBytes * 7 / 2; // three and a half frames
        FrameLoader loader(m_cine, budget);
        QCOMPARE(loader.framesWithinBudget(), 3);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        for (int frame = 0; frame < 10; ++frame)
            loader.request(frame);
        QTRY_COMPARE(ready.count(), 10);
        QVERIFY(loader.cachedBytes() <= budget);
        QCOMPARE(loader.cachedFrameCount(), 3);
    }

    void leastRecentlyUsedFrameLeavesFirst()
    {
        FrameLoader loader(m_cine, m_frameBytes * 5 / 2); // room for two frames
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        loader.request(0);
        QTRY_COMPARE(ready.count(), 1);
        loader.request(1);
        QTRY_COMPARE(ready.count(), 2);
        QVERIFY(loader.cachedFrame(0)); // shown again: now the most recently used
        loader.request(2);
        QTRY_COMPARE(ready.count(), 3);
        QVERIFY(loader.cachedFrame(0));
        QVERIFY(!loader.cachedFrame(1));
        QVERIFY(loader.cachedFrame(2));
    }

    void prefetchStopsWhereItWouldEvictItsOwnFrames()
    {
        FrameLoader loader(m_cine, m_frameBytes * 7 / 2);
        QSignalSpy idle(&loader, &FrameLoader::idle);
        loader.prefetch(0, 10);
        QTRY_COMPARE(idle.count(), 1);
        // One place stays free for the frame on screen.
        QCOMPARE(loader.cachedFrameCount(), 2);
        QVERIFY(loader.cachedFrame(0) && loader.cachedFrame(1));
    }

    void cachedFrameIsAnsweredAgainWithoutDecoding()
    {
        FrameLoader loader(m_cine);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        QSignalSpy idle(&loader, &FrameLoader::idle);
        loader.request(5);
        QTRY_COMPARE(idle.count(), 1);
        loader.request(5);
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(framesOf(ready), (QList<int> { 5, 5 }));
        QVERIFY(loader.isIdle());
        QCOMPARE(idle.count(), 1); // nothing was queued the second time
    }

    void cancelledWorkLeavesTheLoaderIdle()
    {
        FrameLoader loader(m_cine);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        loader.prefetch(0, 10);
        loader.cancelPending();
        QTRY_VERIFY(loader.isIdle());
        QCoreApplication::processEvents();
        QVERIFY(ready.count() <= 9);
        QCOMPARE(loader.cachedFrameCount(), int(ready.count()));
    }

    void damagedFrameIsReportedAndTheOthersStillCome()
    {
        const QString path = m_files.write(DicomSynth::rgb(4, 0), SynthSyntax::JpegBaseline);
        QVERIFY(!path.isEmpty());
        QString error;
        QVERIFY2(DicomEditor::replaceFragment(path, 3, QByteArray(64, '\0'), &error),
            qPrintable(error)); // frame 2
        auto file = DicomFile::open(path);
        QVERIFY(file);
        FrameLoader loader(*file);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        QSignalSpy failed(&loader, &FrameLoader::frameFailed);
        loader.prefetch(0, 4);
        QTRY_COMPARE(ready.count() + failed.count(), 4);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 2);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        QVERIFY(!failed.at(0).at(2).toString().isEmpty());
    }

    void frameOutsideTheLoopIsReportedAsFailed()
    {
        FrameLoader loader(m_cine);
        QSignalSpy failed(&loader, &FrameLoader::frameFailed);
        loader.request(42);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("dicom.frame"));
    }

    void frameLargerThanTheBudgetIsShownButNotKept()
    {
        FrameLoader loader(m_cine, m_frameBytes / 2);
        QSignalSpy ready(&loader, &FrameLoader::frameReady);
        loader.request(1);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(loader.cachedFrameCount(), 0);
        QCOMPARE(loader.cachedBytes(), 0);
    }

    void destroyingTheLoaderWhileItDecodesIsSafe()
    {
        for (int round = 0; round < 5; ++round) {
            auto loader = std::make_unique<FrameLoader>(m_cine);
            loader->prefetch(round, 10);
            loader.reset();
        }
        QCoreApplication::processEvents();
    }
};

QTEST_GUILESS_MAIN(TestFrameLoader)
#include "tst_frameloader.moc"
