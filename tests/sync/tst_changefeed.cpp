// The center's change feed as another clinic sees it (docs/sync-protocol.md, Pull): a page that
// ends the feed moves the cursor past changes the clinic may not read, so it does not walk them
// again on every pull, and a referral still brings the woman's records after that cursor.
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "testcenter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestChangeFeed : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;

    std::unique_ptr<CenterConnection> connect(const QString &user, const QString &device)
    {
        auto connection = std::make_unique<CenterConnection>(
            CenterEndpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 });
        if (!connection->login(user, QStringLiteral("obslink-demo"), device))
            return nullptr;
        return connection;
    }

    static QJsonObject page(CenterConnection &connection, const QString &cursor)
    {
        const auto reply = connection.get(QStringLiteral("/api/v1/sync/pull?limit=50&cursor=") + cursor);
        return reply ? QJsonDocument::fromJson(*reply).object() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void aClinicsCursorMovesPastChangesItMayNotSeeAndAReferralStillArrives()
    {
        auto db = Database::open(m_center.path(QStringLiteral("clinic-a.db")),
            { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        QVERIFY(db);
        QString firstPatient;
        for (int i = 0; i < 3; ++i) {
            Patient patient;
            patient.name = QStringLiteral("王芳%1").arg(i);
            patient.birthDate = QDate(1990, 1, 1 + i);
            patient.phone = QStringLiteral("1370000000%1").arg(i);
            Pregnancy pregnancy;
            pregnancy.lmp = QDate::currentDate().addDays(-90);
            pregnancy.bookingDate = QDate::currentDate().addDays(-20);
            QVERIFY(ClinicRecords(**db).registerPregnancy(patient, pregnancy));
            if (firstPatient.isEmpty())
                firstPatient = patient.meta.id.toString(QUuid::WithoutBraces);
        }
        SyncJournal journal((*db)->connection());
        auto wang = connect(QStringLiteral("dr-wang"), *journal.deviceId());
        QVERIFY(wang);
        SyncEngine engine((*db)->connection(), *wang);
        const auto pushed = engine.syncOnce();
        QVERIFY(pushed);
        QCOMPARE(pushed->pushed, 6);

        // Clinic B sees none of it, yet its cursor ends past all six changes.
        auto zhao = connect(QStringLiteral("dr-zhao"), QStringLiteral("zhao-device"));
        QVERIFY(zhao);
        const QJsonObject empty = page(*zhao, QString());
        QCOMPARE(empty.value(QStringLiteral("changes")).toArray().size(), 0);
        QCOMPARE(empty.value(QStringLiteral("more")).toBool(), false);
        const QString cursor = empty.value(QStringLiteral("nextCursor")).toString();
        QVERIFY2(cursor.toLongLong() >= 6, qPrintable(cursor));
        // Clinic A's own feed from the start lists them and ends at the same place.
        const QJsonObject own = page(*wang, QString());
        QCOMPARE(own.value(QStringLiteral("changes")).toArray().size(), 6);
        QCOMPARE(own.value(QStringLiteral("nextCursor")).toString(), cursor);

        // Referred to clinic B, the woman's two records come after that cursor.
        QVERIFY(wang->post(QStringLiteral("/api/v1/referrals"),
            QJsonDocument(QJsonObject { { QStringLiteral("patientId"), firstPatient },
                              { QStringLiteral("clinicId"), QStringLiteral("clinic-b") } })
                .toJson(QJsonDocument::Compact)));
        const QJsonObject referred = page(*zhao, cursor);
        const QJsonArray changes = referred.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("recordId")).toString(), firstPatient);
        QVERIFY(referred.value(QStringLiteral("nextCursor")).toString().toLongLong() > cursor.toLongLong());
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
