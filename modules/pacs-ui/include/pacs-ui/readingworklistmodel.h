#pragma once

#include "dicomweb/studysummary.h"

#include <QAbstractTableModel>
#include <QSet>

// The studies waiting for a read, one row each, with where its retrieval stands.
class ReadingWorklistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        WomanColumn,
        IdColumn,
        AccessionColumn,
        ExaminationColumn,
        ImagesColumn,
        StatusColumn,
        ColumnCount
    };
    enum class State { NotRetrieved, Queued, Retrieving, Ready, Failed };
    // Retrieval progress 0–1 for the status column, or -1 when not retrieving.
    static constexpr int ProgressRole = Qt::UserRole + 1;

    explicit ReadingWorklistModel(QObject *parent = nullptr);

    void setStudies(const QList<StudySummary> &studies);
    const StudySummary &study(int row) const { return m_rows[row].study; }
    int rowOf(const QString &studyUid) const;
    State state(int row) const { return m_rows[row].state; }
    QStringList files(int row) const { return m_rows[row].files; }

    void setQueued(const QString &studyUid);
    void setProgress(const QString &studyUid, qint64 bytes, int instances);
    void setReady(const QString &studyUid, const QStringList &files);
    void setFailed(const QString &studyUid, const QString &message);
    // Retrieval stopped by the reader: queued and running studies go back to not retrieved.
    void setCancelled();
    // Studies whose report is signed; their status says "Reported".
    void setReported(const QSet<QString> &studyUids);
    bool isReported(int row) const { return m_reported.contains(m_rows[row].study.studyInstanceUid); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        StudySummary study;
        State state = State::NotRetrieved;
        qint64 bytes = 0;
        int instances = 0;
        QStringList files;
        QString error;
    };
    QString statusText(const Row &row) const;
    void changed(int row);

    QList<Row> m_rows;
    QSet<QString> m_reported;
};
