#include "pacs-ui/readingworklistmodel.h"

#include <QLocale>

ReadingWorklistModel::ReadingWorklistModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReadingWorklistModel::setStudies(const QList<StudySummary> &studies)
{
    beginResetModel();
    QList<Row> rows;
    for (const StudySummary &study : studies) {
        Row row;
        row.study = study;
        // A study already being retrieved or retrieved keeps its state across a refresh.
        if (const int old = rowOf(study.studyInstanceUid); old >= 0) {
            row = m_rows[old];
            row.study = study;
        }
        rows << row;
    }
    // Oldest first: the study that has waited longest for a read is at the top.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::pair(a.study.studyDate, a.study.studyTime)
            < std::pair(b.study.studyDate, b.study.studyTime);
    });
    m_rows = rows;
    endResetModel();
}

int ReadingWorklistModel::rowOf(const QString &studyUid) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].study.studyInstanceUid == studyUid)
            return i;
    return -1;
}

void ReadingWorklistModel::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReadingWorklistModel::setQueued(const QString &studyUid)
{
    const int row = rowOf(studyUid);
    if (row < 0 || m_rows[row].state == State::Ready || m_rows[row].state == State::Retrieving)
        return;
    m_rows[row].state = State::Queued;
    changed(row);
}

void ReadingWorklistModel::setProgress(const QString &studyUid, qint64 bytes, int instances)
{
    const int row = rowOf(studyUid);
    if (row < 0 || m_rows[row].state == State::Ready)
        return;
    m_rows[row].state = State::Retrieving;
    m_rows[row].bytes = bytes;
    m_rows[row].instances = instances;
    changed(row);
}

void ReadingWorklistModel::setReady(const QString &studyUid, const QStringList &files)
{
    const int row = rowOf(studyUid);
    if (row < 0)
        return;
    m_rows[row].state = State::Ready;
    m_rows[row].files = files;
    m_rows[row].instances = int(files.size());
    changed(row);
}

void ReadingWorklistModel::setFailed(const QString &studyUid, const QString &message)
{
    const int row = rowOf(studyUid);
    if (row < 0)
        return;
    m_rows[row].state = State::Failed;
    m_rows[row].error = message;
    changed(row);
}

void ReadingWorklistModel::setCancelled()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].state == State::Queued || m_rows[row].state == State::Retrieving) {
            m_rows[row].state = State::NotRetrieved;
            m_rows[row].bytes = 0;
            m_rows[row].instances = 0;
            changed(row);
        }
    }
}

void ReadingWorklistModel::setReported(const QSet<QString> &studyUids)
{
    m_reported = studyUids;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, StatusColumn), index(int(m_rows.size()) - 1, StatusColumn));
}

int ReadingWorklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReadingWorklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReadingWorklistModel::statusText(const Row &row) const
{
    if (m_reported.contains(row.study.studyInstanceUid))
        return tr("Reported");
    const QLocale locale;
    switch (row.state) {
    case State::NotRetrieved:
        return tr("Not retrieved");
    case State::Queued:
        return tr("Queued");
    case State::Retrieving:
        return tr("Retrieving: %n image(s), %1", nullptr, row.instances)
            .arg(locale.formattedDataSize(row.bytes));
    case State::Ready:
        return tr("Ready to read");
    case State::Failed:
        return tr("Failed: %1").arg(row.error);
    }
    return {};
}

QVariant ReadingWorklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const StudySummary &study = row.study;
    if (role == ProgressRole) {
        if (row.state != State::Retrieving || !study.instances || *study.instances <= 0)
            return -1.0;
        return std::min(1.0, double(row.instances) / *study.instances);
    }
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return statusText(row);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DateColumn:
        return QLocale().toString(study.studyDate, QLocale::ShortFormat);
    case WomanColumn:
        // DICOM PN: Family^Given; shown as the name is written.
        return study.patientName.split(QLatin1Char('^')).join(QLatin1Char(' ')).trimmed();
    case IdColumn:
        return study.patientId;
    case AccessionColumn:
        return study.accessionNumber;
    case ExaminationColumn:
        return study.description;
    case ImagesColumn:
        return study.instances ? QVariant(*study.instances) : QVariant();
    case StatusColumn:
        return statusText(row);
    default:
        return {};
    }
}

QVariant ReadingWorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Study date");
    case WomanColumn:
        return tr("Woman");
    case IdColumn:
        return tr("ID number");
    case AccessionColumn:
        return tr("Accession");
    case ExaminationColumn:
        return tr("Examination");
    case ImagesColumn:
        return tr("Images");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}
