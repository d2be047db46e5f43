// The region's clinics kept in the clinic cache (ClinicDirectory): the center's reply checked
// before it is kept, names looked up for screens, and a hostile or broken reply refused with a
// stable code and a message.
#include "storage/clinicdirectory.h"

#include "testclinic.h"

#include <QTest>

class TestClinicDirectory : public QObject
{
    Q_OBJECT

private slots:
    void theCentersListIsKeptAndNamesTheClinics()
    {
        TestClinic clinic(QStringLiteral("dr-wang"));
        QVERIFY(clinic.isOpen());
        ClinicDirectory directory(clinic.database().connection());
        QVERIFY(directory.clinics()->isEmpty());
        QCOMPARE(directory.nameOf(QStringLiteral("clinic-b")), QStringLiteral("clinic-b"));
        const auto parsed = ClinicDirectory::fromCenterReply(
            "{\"clinics\":[{\"id\":\"center\",\"name\":\"市妇幼保健院\",\"isCenter\":true},{\"id\":\"clinic-b\",\"name\":\"东城社区卫生服务中心\"}]}");
        QVERIFY(parsed);
        QVERIFY(directory.replace(*parsed));
        const auto kept = directory.clinics();
        QVERIFY(kept);
        QCOMPARE(kept->size(), 2);
        QVERIFY(kept->first().isCenter);
        QVERIFY(!kept->last().isCenter);
        QCOMPARE(directory.nameOf(QStringLiteral("clinic-b")), QStringLiteral("东城社区卫生服务中心"));
    }

    void aBrokenOrHostileReplyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("no list") << QByteArray("{\"clinic\":[]}");
        QTest::newRow("no id") << QByteArray("{\"clinics\":[{\"name\":\"x\"}]}");
        QTest::newRow("no name") << QByteArray("{\"clinics\":[{\"id\":\"x\"}]}");
        QTest::newRow("huge name") << (QByteArray("{\"clinics\":[{\"id\":\"x\",\"name\":\"") + QByteArray(500, 'a') + "\"}]}");
        QByteArray many = "{\"clinics\":[";
        for (int i = 0; i < 6000; ++i)
            many += (i ? "," : "") + QByteArray("{\"id\":\"c") + QByteArray::number(i) + "\",\"name\":\"n\"}";
        QTest::newRow("too many") << (many + "]}");
    }

    void aBrokenOrHostileReplyIsRefused()
    {
        QFETCH(QByteArray, reply);
        const auto parsed = ClinicDirectory::fromCenterReply(reply);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, QStringLiteral("directory.invalid"));
        QVERIFY(!parsed.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClinicDirectory)
#include "tst_clinicdirectory.moc"
