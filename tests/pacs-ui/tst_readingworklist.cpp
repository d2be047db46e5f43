#include "testpacs.h"

#include "dicom/demostudywriter.h"
#include "dicomweb/dicomwebclient.h"
#include "pacs-ui/pacsworkbench.h"
#include "pacs-ui/readingworklistmodel.h"
#include "pacs-ui/readingworklistpanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

// The reading worklist as an ultrasound doctor uses it, against a real PACS: the studies of the
// week appear oldest first, opening one retrieves it with progress and hands it to the viewer
// hook, and the next studies are prefetched meanwhile.
class tst_ReadingWorklist : public QObject
{
    Q_OBJECT
private:
    TestPacs m_pacs;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        // OBSLINK_TEST_QM=file.qm: the screenshot in that language, to look at it as its users do.
        if (const QString qm = qEnvironmentVariable("OBSLINK_TEST_QM"); !qm.isEmpty()) {
            auto *translator = new QTranslator(this);
            QVERIFY(translator->load(qm));
            QCoreApplication::installTranslator(translator);
            QLocale::setDefault(QLocale(translator->language()));
        }
        OBSLINK_START_TEST_PACS(m_pacs);
        QStringList files;
        const char *names[] = { "Demo^Li Na", "Demo^Wang Fang", "Demo^Zhang Min" };
        for (int i = 0; i < 3; ++i) {
            DemoStudy study;
            study.patientId = QStringLiteral("9901011990010200%1").arg(i);
            study.patientName = QString::fromLatin1(names[i]);
            study.accessionNumber = QStringLiteral("GUI%1").arg(i);
            study.description = QStringLiteral("Growth scan");
            study.studyDate = QDate::currentDate().addDays(-i); // GUI2 has waited longest
            study.instances = 2;
            study.framesPerInstance = 6;
            const auto written = DemoStudyWriter::write(study, m_dir.filePath(study.accessionNumber));
            QVERIFY(written.has_value());
            files += *written;
        }
        const auto stored = DicomWebClient(m_pacs.endpoint()).store(files);
        QVERIFY2(stored && stored->rejectedFiles.isEmpty(), stored ? "" : qPrintable(stored.error().message));

        // The workstation reads its PACS settings from the file the demo and managed installs use.
        const QString config = m_dir.filePath(QStringLiteral("pacs.ini"));
        QFile password(m_dir.filePath(QStringLiteral("password")));
        QVERIFY(
            password.open(QIODevice::WriteOnly) && password.write(m_pacs.endpoint().password.toUtf8()) > 0);
        password.close();
        QSettings ini(config, QSettings::IniFormat);
        ini.beginGroup(QStringLiteral("pacs"));
        ini.setValue(QStringLiteral("url"), m_pacs.endpoint().baseUrl.toString());
        ini.setValue(QStringLiteral("caFile"), m_pacs.caFile());
        ini.setValue(QStringLiteral("username"), m_pacs.endpoint().username);
        ini.setValue(QStringLiteral("passwordFile"), password.fileName());
        ini.setValue(QStringLiteral("cacheDirectory"), m_dir.filePath(QStringLiteral("cache")));
        ini.sync();
        qputenv("OBSLINK_PACS_CONFIG", config.toLocal8Bit());
    }

    void openingAStudyRetrievesItAndPrefetchesTheNext()
    {
        QMainWindow window;
        QMenu *reading = window.menuBar()->addMenu(QStringLiteral("Reading"));
        QMenu *settings = window.menuBar()->addMenu(QStringLiteral("Settings"));
        PacsWorkbench workbench(&window, reading, settings);
        QList<QStringList> opened;
        workbench.setStudyOpener([&](const StudySummary &, const QStringList &files) { opened << files; });
        window.setCentralWidget(new QWidget);
        window.resize(1300, 520);
        window.show();
        workbench.dock()->show();

        ReadingWorklistPanel *panel = workbench.worklist();
        QSignalSpy refreshed(panel, &ReadingWorklistPanel::refreshed);
        panel->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 30000);
        ReadingWorklistModel *model = panel->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->study(0).accessionNumber, QStringLiteral("GUI2")); // oldest first
        QCOMPARE(model->data(model->index(0, ReadingWorklistModel::WomanColumn), Qt::DisplayRole).toString(),
            QStringLiteral("Demo Zhang Min"));

        panel->table()->selectRow(0);
        panel->openSelected();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
        QCOMPARE(opened.first().size(), 2);
        QCOMPARE(model->state(0), ReadingWorklistModel::State::Ready);
        // The next two studies follow in the background without being opened.
        auto rowStates = [&] {
            QStringList states;
            for (int row = 0; row < model->rowCount(); ++row)
                states << model->data(model->index(row, ReadingWorklistModel::StatusColumn), Qt::DisplayRole)
                              .toString();
            return states.join(QStringLiteral(" | ")).toUtf8();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(model->state(1) == ReadingWorklistModel::State::Ready
                && model->state(2) == ReadingWorklistModel::State::Ready,
            rowStates().constData(), 60000);
        QCOMPARE(opened.size(), 1);

        // Reading → Open her chart asks the workstation for the selected study's woman.
        QStringList chartsAsked;
        connect(&workbench, &PacsWorkbench::chartRequested, this,
            [&](const StudySummary &study) { chartsAsked << study.patientId; });
        panel->table()->selectRow(1);
        auto *openChart = window.findChild<QAction *>(QStringLiteral("openHerChart"));
        QVERIFY(openChart);
        openChart->trigger();
        QCOMPARE(chartsAsked, QStringList { model->study(1).patientId });

        const QString png = QDir::temp().filePath(QStringLiteral("obslink-reading-worklist.png"));
        QVERIFY(window.grab().save(png));
        qInfo("screenshot: %s", qPrintable(png));
    }

    void withoutSettingsTheWorklistSaysWhatIsMissing()
    {
        ReadingWorklistPanel panel;
        panel.applySettings(PacsSettings {});
        QSignalSpy failed(&panel, &ReadingWorklistPanel::failedToRefresh);
        panel.refresh();
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("PACS")));
    }
};

QTEST_MAIN(tst_ReadingWorklist)
#include "tst_readingworklist.moc"
