#include "pacs-ui/pacsworkbench.h"

#include "pacs-ui/pacssettingsdialog.h"
#include "pacs-ui/readingworklistpanel.h"

#include "dicomweb/dicomwebclient.h"
#include "dicomweb/pacssettings.h"
#include "dicomweb/receiveandforward.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent>

PacsWorkbench::PacsWorkbench(QMainWindow *window, QMenu *readingMenu, QMenu *settingsMenu)
    : QObject(window)
    , m_window(window)
    , m_panel(new ReadingWorklistPanel)
    , m_dock(new QDockWidget(tr("Reading worklist"), window))
{
    m_dock->setObjectName(QStringLiteral("readingWorklistDock"));
    m_dock->setWidget(m_panel);
    m_dock->hide();
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);

    QAction *show = readingMenu->addAction(tr("Reading &worklist"), this, [this] {
        m_dock->show();
        m_dock->raise();
        m_panel->refresh();
    });
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    readingMenu->addAction(tr("&Open selected study"), m_panel, &ReadingWorklistPanel::openSelected);
    QAction *chart = readingMenu->addAction(tr("Open her &chart"), this, [this] {
        if (const auto study = m_panel->selectedStudy())
            emit chartRequested(*study);
    });
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    chart->setObjectName(QStringLiteral("openHerChart"));
    readingMenu->addSeparator();
    readingMenu->addAction(tr("&Send DICOM files to the PACS…"), this, &PacsWorkbench::sendFiles);
    settingsMenu->addAction(tr("&PACS…"), this, &PacsWorkbench::editSettings)
        ->setObjectName(QStringLiteral("pacsSettings"));

    m_opener = [this](const StudySummary &study, const QStringList &files) { showStudyLocation(study, files); };
    connect(m_panel, &ReadingWorklistPanel::studyReady, this,
            [this](const StudySummary &study, const QStringList &files) { m_opener(study, files); });

    const PacsSettings settings = PacsSettings::load();
    m_panel->applySettings(settings);
    if (settings.receiverEnabled)
        startReceiver();
}

PacsWorkbench::~PacsWorkbench() = default;

void PacsWorkbench::editSettings()
{
    PacsSettingsDialog dialog(PacsSettings::load(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.settings().save();
    m_panel->applySettings(dialog.settings());
}

void PacsWorkbench::sendFiles()
{
    const auto endpoint = PacsSettings::load().endpoint();
    if (!endpoint) {
        QMessageBox::warning(m_window, tr("Send to the PACS"), endpoint.error().message);
        return;
    }
    const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("DICOM files to send to the PACS"), QString(),
                                                            tr("DICOM files (*.dcm *.DCM);;All files (*)"));
    if (files.isEmpty())
        return;
    m_window->statusBar()->showMessage(tr("Sending %n file(s) to the PACS…", nullptr, int(files.size())));
    auto *watcher = new QFutureWatcher<Result<StoreOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const auto outcome = watcher->result();
        if (!outcome) {
            QMessageBox::warning(m_window, tr("Send to the PACS"), outcome.error().message);
            return;
        }
        QString text = tr("The PACS stored %n file(s).", nullptr, int(outcome->storedFiles.size()));
        if (!outcome->rejectedFiles.isEmpty()) // the first reasons are enough to act on
            text += QLatin1Char('\n') + tr("%n file(s) were not accepted:", nullptr, int(outcome->rejectedFiles.size()))
                + QLatin1Char('\n') + outcome->messages.mid(0, 10).join(QLatin1Char('\n'));
        QMessageBox::information(m_window, tr("Send to the PACS"), text);
    });
    // Uploading talks to the network: never on the UI thread.
    watcher->setFuture(QtConcurrent::run([endpoint = *endpoint, files] { return DicomWebClient(endpoint).store(files); }));
}

void PacsWorkbench::startReceiver()
{
    const PacsSettings settings = PacsSettings::load();
    const auto endpoint = settings.endpoint();
    // Without a PACS the receiver still takes images in; they wait in the inbox.
    m_receiver = std::make_unique<ReceiveAndForward>(settings.receiver(), endpoint ? std::optional(*endpoint) : std::nullopt);
    connect(m_receiver.get(), &ReceiveAndForward::receiverFailed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message); });
    connect(m_receiver.get(), &ReceiveAndForward::forwardingPaused, this, [this](const QString &message, int pending) {
        m_window->statusBar()->showMessage(tr("%n image(s) waiting to be sent to the PACS: %1", nullptr, pending).arg(message));
    });
    connect(m_receiver.get(), &ReceiveAndForward::forwarded, this, [this](int forwarded, int rejected, int) {
        m_window->statusBar()->showMessage(tr("Sent %n image(s) from the ultrasound machine to the PACS.", nullptr, forwarded)
                                           + (rejected > 0 ? QLatin1Char(' ') + tr("%n image(s) refused by the PACS.", nullptr, rejected)
                                                           : QString()));
    });
    m_receiver->start();
}

void PacsWorkbench::showStudyLocation(const StudySummary &study, const QStringList &files)
{
    const QString folder = files.isEmpty() ? QString() : QDir::toNativeSeparators(QFileInfo(files.first()).absolutePath());
    QMessageBox::information(m_window, tr("Study retrieved"),
                             tr("The study %1 (%2) is on this workstation: %n image(s) in %3.", nullptr, int(files.size()))
                                 .arg(study.accessionNumber, study.description, folder));
}
