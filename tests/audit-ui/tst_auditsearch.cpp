// Settings → Audit trail of the region… against a real center: the center's administrator
// finds who opened, edited and printed a woman's record at clinic A, and prints her access
// report (read back from the PDF); a nurse is refused with the reason; the report written is
// itself in the trail.
#include "../sync/memorytokenstore.h"
#include "../sync/testcenter.h"
#include "audit-ui/auditsearchdialog.h"
#include "audit/auditlog.h"
#include "guitesting.h"
#include "pdftext.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/backgroundsync.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "testclinic.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

class TestAuditSearch : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;
    QTemporaryDir m_dir;

    // A workstation of the center signed in as `user` (its password in the test's file).
    std::unique_ptr<BackgroundSync> syncAs(const QString &user)
    {
        CenterSettings settings;
        settings.url = m_center.url();
        settings.caFile = m_center.caFile();
        settings.username = user;
        settings.passwordFile = m_center.passwordFile();
        auto sync = std::make_unique<BackgroundSync>(m_dir.filePath(user + QStringLiteral(".db")),
            Database::Identity { QStringLiteral("center"), user }, std::make_shared<MemoryTokenStore>());
        sync->configure(settings);
        return sync;
    }

    static int searchFor(AuditSearchDialog &dialog)
    {
        QSignalSpy answered(&dialog, &AuditSearchDialog::searched);
        dialog.search();
        return answered.wait(30000) ? dialog.results()->rowCount() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void theCenterAdminFindsWhoHandledHerRecordAndPrintsHerReport()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("clinic-a"));
        const auto her = clinic.book(QStringLiteral("孙丽华"), QDate(1991, 2, 3), QDate::currentDate().addDays(-150));
        QVERIFY(her);
        const QString herId = her->patient.meta.id.toString(QUuid::WithoutBraces);
        AuditLog log(clinic.database());
        QVERIFY(log.record(AuditAction::ChartOpened, herId));
        QVERIFY(log.record(AuditAction::Printed, herId, { { QStringLiteral("what"), QStringLiteral("visit-slip") } }));
        QVERIFY(log.record(AuditAction::ChartOpened, QStringLiteral("another-woman")));
        CenterConnection connection(CenterEndpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 });
        const auto device = SyncJournal(clinic.database().connection()).deviceId();
        QVERIFY(device && connection.login(QStringLiteral("dr-wang"), QStringLiteral("obslink-demo"), *device));
        QVERIFY(SyncEngine(clinic.database().connection(), connection).syncOnce());

        const auto admin = syncAs(QStringLiteral("center-admin"));
        AuditSearchDialog dialog(*admin, [](const QString &id) { return id == QLatin1String("clinic-a") ? QStringLiteral("东区诊所") : id; },
            QStringLiteral("区域妇幼保健中心"));
        dialog.setWoman(herId, QStringLiteral("孙丽华"));
        dialog.show();
        QCOMPARE(searchFor(dialog), 3); // her registration (edits), the chart opened, the slip printed
        QStringList actions;
        for (int row = 0; row < dialog.results()->rowCount(); ++row) {
            actions << dialog.results()->item(row, 4)->text();
            QCOMPARE(dialog.results()->item(row, 1)->text(), QStringLiteral("东区诊所"));
            QCOMPARE(dialog.results()->item(row, 3)->text(), QStringLiteral("dr-wang"));
            QCOMPARE(dialog.results()->item(row, 5)->text(), QStringLiteral("孙丽华")); // her name, as the center holds it
        }
        QCOMPARE(actions, (QStringList { AuditActions::label(AuditAction::Printed), AuditActions::label(AuditAction::ChartOpened),
                              AuditActions::label(AuditAction::RecordEdited) }));
        QVERIFY(dialog.reportButton()->isEnabled());
        saveScreenshot(&dialog, QStringLiteral("obslink-audit-search"));

        const QString pdf = m_dir.filePath(QStringLiteral("access-report.pdf"));
        QSignalSpy written(&dialog, &AuditSearchDialog::reportWritten);
        QVERIFY(dialog.writeReport(pdf));
        QCOMPARE(written.size(), 1);
        if (pdftotextProgram().isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("孙丽华")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("东区诊所")));
        QVERIFY(text.contains(QStringLiteral("visitslip")));
        QVERIFY(!text.contains(QStringLiteral("another-woman")));

        // A user and a time: the same search narrowed, and a period that ends before it begins.
        dialog.patientField()->clear();
        dialog.userField()->setText(QStringLiteral("nobody-here"));
        QCOMPARE(searchFor(dialog), 0);
        QVERIFY(!dialog.reportButton()->isEnabled());
    }

    void aNurseMayNotSearchTheAuditAndIsToldWhy()
    {
        const auto nurse = syncAs(QStringLiteral("nurse-li"));
        AuditSearchDialog dialog(*nurse, {}, {});
        dialog.setWoman(QStringLiteral("any"), {});
        QCOMPARE(searchFor(dialog), 0);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("administrator")), qPrintable(dialog.messageLabel()->text()));
        QVERIFY(!dialog.reportButton()->isEnabled());
    }
};

QTEST_MAIN(TestAuditSearch)
#include "tst_auditsearch.moc"
