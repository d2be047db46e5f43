#include "pacs-ui/readingworklistpanel.h"

#include "pacs-ui/readingworklistmodel.h"
#include "progressdelegate.h"

#include "dicomweb/dicomwebclient.h"
#include "dicomweb/studycache.h"
#include "dicomweb/studyretrieval.h"

#include <QDateEdit>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {
// Studies of the last week by default: what typically waits for a read at the center.
constexpr int DefaultDays = 7;
} // namespace

ReadingWorklistPanel::ReadingWorklistPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReadingWorklistModel(this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-DefaultDays), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_open(new QPushButton(tr("&Open study"), this))
    , m_cancel(new QPushButton(tr("&Cancel retrieval"), this))
    , m_report(new QPushButton(tr("Re&port…"), this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Studies from"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_refresh);
    filters->addStretch();
    filters->addWidget(m_cancel);
    filters->addWidget(m_open);
    filters->addWidget(m_report);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(ReadingWorklistModel::StatusColumn, new ProgressDelegate(m_table));
    m_status->setWordWrap(true);
    // Room for about six studies when it opens as a dock under the patient list.
    setMinimumHeight(260);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, &ReadingWorklistPanel::refresh);
    connect(m_open, &QPushButton::clicked, this, &ReadingWorklistPanel::openSelected);
    connect(m_table, &QTableView::activated, this, &ReadingWorklistPanel::openSelected);
    connect(m_cancel, &QPushButton::clicked, this, &ReadingWorklistPanel::cancelRetrieval);
    connect(m_report, &QPushButton::clicked, this, &ReadingWorklistPanel::reportSelected);
}

ReadingWorklistPanel::~ReadingWorklistPanel() = default;

void ReadingWorklistPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void ReadingWorklistPanel::applySettings(const PacsSettings &settings)
{
    m_settings = settings;
    m_retrieval.reset();
    m_cache.reset();
    const auto endpoint = settings.endpoint();
    if (!endpoint) {
        setStatus(endpoint.error().message, true);
        return;
    }
    m_cache = std::make_shared<StudyCache>(
        settings.cacheDirectory, qint64(settings.cacheMegabytes) * 1024 * 1024);
    m_retrieval = std::make_unique<StudyRetrieval>(*endpoint, m_cache);
    connect(m_retrieval.get(), &StudyRetrieval::progress, m_model, &ReadingWorklistModel::setProgress);
    connect(m_retrieval.get(), &StudyRetrieval::retrieved, this,
        [this](const QString &uid, const QString &, const QStringList &files, bool) {
            onRetrieved(uid, files);
        });
    connect(
        m_retrieval.get(), &StudyRetrieval::failed, this, [this](const QString &uid, const QString &message) {
            m_model->setFailed(uid, message);
            if (uid == m_waitingFor)
                setStatus(message, true);
        });
    setStatus(tr("PACS: %1").arg(QUrl(settings.url).host()));
}

void ReadingWorklistPanel::refresh()
{
    const auto endpoint = m_settings.endpoint();
    if (!endpoint) {
        setStatus(endpoint.error().message, true);
        emit failedToRefresh(endpoint.error().message);
        return;
    }
    StudyQuery query;
    query.from = m_from->date();
    query.to = m_to->date();
    const int queryNumber = ++m_query;
    m_refresh->setEnabled(false);
    setStatus(tr("Asking the PACS for studies…"));
    auto *watcher = new QFutureWatcher<Result<QList<StudySummary>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, queryNumber] {
        watcher->deleteLater();
        if (queryNumber != m_query)
            return;
        m_refresh->setEnabled(true);
        const auto studies = watcher->result();
        if (!studies) {
            setStatus(studies.error().message, true);
            emit failedToRefresh(studies.error().message);
            return;
        }
        showStudies(*studies);
    });
    // The search talks to the network: never on the UI thread.
    watcher->setFuture(QtConcurrent::run(
        [endpoint = *endpoint, query] { return DicomWebClient(endpoint).findStudies(query); }));
}

void ReadingWorklistPanel::showStudies(const QList<StudySummary> &studies)
{
    m_model->setStudies(studies);
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_cache && m_cache->contains(m_model->study(row).studyInstanceUid))
            m_model->setReady(m_model->study(row).studyInstanceUid, {});
    m_table->resizeColumnsToContents();
    setStatus(tr("%n study(ies) waiting for a read.", nullptr, int(studies.size())));
    prefetchAfter(-1);
    emit refreshed(int(studies.size()));
}

void ReadingWorklistPanel::prefetchAfter(int row)
{
    if (!m_retrieval)
        return;
    QStringList next;
    for (int r = row + 1; r < m_model->rowCount() && next.size() < PrefetchCount; ++r)
        if (m_model->state(r) != ReadingWorklistModel::State::Ready) {
            next << m_model->study(r).studyInstanceUid;
            m_model->setQueued(next.last());
        }
    m_retrieval->prefetch(next);
}

std::optional<StudySummary> ReadingWorklistPanel::selectedStudy() const
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return std::nullopt;
    return m_model->study(selected.first().row());
}

void ReadingWorklistPanel::openSelected()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty() || !m_retrieval)
        return;
    const int row = selected.first().row();
    const StudySummary study = m_model->study(row);
    m_waitingFor = study.studyInstanceUid;
    m_model->setQueued(study.studyInstanceUid);
    setStatus(tr("Retrieving the study of %1…")
                  .arg(m_model->data(m_model->index(row, ReadingWorklistModel::WomanColumn), Qt::DisplayRole)
                           .toString()));
    m_retrieval->retrieve(study.studyInstanceUid); // from the cache at once if it is there
    prefetchAfter(row);
}

bool ReadingWorklistPanel::openStudy(const QString &studyInstanceUid)
{
    if (!m_retrieval) {
        setStatus(tr("No PACS is set up: Settings → PACS."), true);
        return false;
    }
    m_waitingFor = studyInstanceUid;
    m_model->setQueued(studyInstanceUid);
    setStatus(tr("Retrieving the study…"));
    m_retrieval->retrieve(studyInstanceUid);
    return true;
}

void ReadingWorklistPanel::onRetrieved(const QString &studyUid, const QStringList &files)
{
    m_model->setReady(studyUid, files);
    if (studyUid != m_waitingFor)
        return;
    m_waitingFor.clear();
    const int row = m_model->rowOf(studyUid);
    StudySummary study;
    study.studyInstanceUid = studyUid;
    setStatus(tr("Study ready: %n image(s).", nullptr, int(files.size())));
    emit studyReady(row >= 0 ? m_model->study(row) : study, files);
}

void ReadingWorklistPanel::cancelRetrieval()
{
    if (!m_retrieval)
        return;
    m_retrieval->cancelAll();
    m_model->setCancelled();
    m_waitingFor.clear();
    setStatus(tr("Retrieval cancelled."));
}

void ReadingWorklistPanel::reportSelected()
{
    if (const auto study = selectedStudy())
        emit reportRequested(*study);
}
