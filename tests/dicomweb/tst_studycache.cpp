#include "dicomweb/studycache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Stages a study of `files` files of `bytes` bytes each, as a retrieval would.
QString stage(StudyCache &cache, const QString &uid, int files, qint64 bytes)
{
    const auto staging = cache.createStaging(uid);
    if (!staging)
        return {};
    for (int i = 0; i < files; ++i) {
        QFile file(QDir(*staging).filePath(QStringLiteral("%1.dcm").arg(i)));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(bytes, char('a' + i))) != bytes)
            return {};
    }
    return *staging;
}
} // namespace

class tst_StudyCache : public QObject
{
    Q_OBJECT
private slots:
    void aCommittedStudyIsFoundWithItsFiles()
    {
        QTemporaryDir dir;
        StudyCache cache(dir.path(), 1 << 20);
        QVERIFY(!cache.find(QStringLiteral("1.2.3")));
        const auto study = cache.commit(QStringLiteral("1.2.3"), stage(cache, QStringLiteral("1.2.3"), 2, 100));
        QVERIFY(study.has_value());
        QCOMPARE(study->bytes, 200);
        const auto found = cache.find(QStringLiteral("1.2.3"));
        QVERIFY(found.has_value());
        QCOMPARE(found->files.size(), 2);
        QVERIFY(QFile::exists(found->files.first()));
        QCOMPARE(cache.totalBytes(), 200);
    }

    void theLeastRecentlyUsedStudyIsEvictedAtTheBound()
    {
        QTemporaryDir dir;
        StudyCache cache(dir.path(), 2500); // room for two studies of 1000 bytes, not three
        for (const char *uid : {"1.1", "1.2"})
            QVERIFY(cache.commit(QLatin1String(uid), stage(cache, QLatin1String(uid), 1, 1000)).has_value());
        QVERIFY(cache.find(QStringLiteral("1.1"))); // 1.1 is now used more recently than 1.2
        QVERIFY(cache.commit(QStringLiteral("1.3"), stage(cache, QStringLiteral("1.3"), 1, 1000)).has_value());
        QVERIFY(cache.find(QStringLiteral("1.1")));
        QVERIFY(!cache.find(QStringLiteral("1.2")));
        QVERIFY(cache.find(QStringLiteral("1.3")));
        QCOMPARE(cache.totalBytes(), 2000);
        QVERIFY(cache.totalBytes() <= cache.maxBytes());
    }

    void exactlyAtTheBoundNothingIsEvicted()
    {
        QTemporaryDir dir;
        StudyCache cache(dir.path(), 2000);
        for (const char *uid : {"2.1", "2.2"})
            QVERIFY(cache.commit(QLatin1String(uid), stage(cache, QLatin1String(uid), 1, 1000)).has_value());
        QCOMPARE(cache.cachedStudies().size(), 2);
    }

    void aStudyLargerThanTheBoundStaysAloneUntilTheNext()
    {
        QTemporaryDir dir;
        StudyCache cache(dir.path(), 500);
        QVERIFY(cache.commit(QStringLiteral("3.1"), stage(cache, QStringLiteral("3.1"), 1, 400)).has_value());
        QVERIFY(cache.commit(QStringLiteral("3.2"), stage(cache, QStringLiteral("3.2"), 1, 800)).has_value());
        QCOMPARE(cache.cachedStudies(), QStringList{QStringLiteral("3.2")});
    }

    void anAbandonedRetrievalLeavesNothingCached()
    {
        QTemporaryDir dir;
        StudyCache cache(dir.path(), 1 << 20);
        const QString staging = stage(cache, QStringLiteral("4.1"), 1, 100);
        QVERIFY(QDir(staging).exists());
        cache.discardStaging(staging);
        QVERIFY(!QDir(staging).exists());
        QVERIFY(!cache.find(QStringLiteral("4.1")));
        QCOMPARE(cache.totalBytes(), 0);
    }

    void aStudyWithAMissingFileIsNotTakenAsCached()
    {
        QTemporaryDir dir;
        StudyCache cache(dir.path(), 1 << 20);
        const auto study = cache.commit(QStringLiteral("5.1"), stage(cache, QStringLiteral("5.1"), 2, 10));
        QVERIFY(study.has_value());
        QFile::remove(study->files.last());
        QVERIFY(!cache.find(QStringLiteral("5.1")));
    }

    void theCacheSurvivesARestart()
    {
        QTemporaryDir dir;
        {
            StudyCache cache(dir.path(), 1 << 20);
            QVERIFY(cache.commit(QStringLiteral("6.1"), stage(cache, QStringLiteral("6.1"), 1, 10)).has_value());
        }
        StudyCache reopened(dir.path(), 1 << 20);
        QVERIFY(reopened.find(QStringLiteral("6.1")));
    }
};

QTEST_GUILESS_MAIN(tst_StudyCache)
#include "tst_studycache.moc"
