// What a new record carries for sync: a fresh global id, the owning clinic and author, revision 1,
// equal UTC creation and update times, and no tombstone.
#include "domain/recordmeta.h"

#include <QTest>

class TestRecordMeta : public QObject
{
    Q_OBJECT

private slots:
    void newRecordStartsAtRevisionOneWithAFreshId()
    {
        const RecordMeta meta
            = RecordMeta::createdNow(QStringLiteral("clinic-7"), QStringLiteral("nurse.li"));
        QVERIFY(!meta.id.isNull());
        QCOMPARE(meta.clinicId, QStringLiteral("clinic-7"));
        QCOMPARE(meta.author, QStringLiteral("nurse.li"));
        QCOMPARE(meta.revision, qint64(1));
        QVERIFY(!meta.deleted);
    }

    void creationAndUpdateTimesAreTheSameUtcInstant()
    {
        const RecordMeta meta
            = RecordMeta::createdNow(QStringLiteral("clinic-7"), QStringLiteral("nurse.li"));
        QVERIFY(meta.createdAt.isValid());
        QCOMPARE(meta.createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(meta.updatedAt, meta.createdAt);
    }

    void twoNewRecordsNeverShareAnId()
    {
        const RecordMeta a = RecordMeta::createdNow(QStringLiteral("c"), QStringLiteral("a"));
        const RecordMeta b = RecordMeta::createdNow(QStringLiteral("c"), QStringLiteral("a"));
        QVERIFY(a.id != b.id);
    }

    void defaultMetaIsAnUnsavedRecord()
    {
        const RecordMeta meta;
        QVERIFY(meta.id.isNull());
        QCOMPARE(meta.revision, qint64(0));
        QVERIFY(!meta.deleted);
    }
};

QTEST_GUILESS_MAIN(TestRecordMeta)
#include "tst_recordmeta.moc"
