#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// The studies and series of a folder or a set of files, each image with a thumbnail of its
// first frame. Files are read in the background (headers and one frame each); files that are
// not DICOM are counted, not shown.
class SeriesBrowser : public QWidget
{
    Q_OBJECT
public:
    struct Image
    {
        QString path;
        QString patientName;
        QString studyUid;
        QString studyDate;
        QString studyDescription;
        QString seriesUid;
        QString seriesDescription;
        int seriesNumber = 0;
        int instanceNumber = 0;
        int frames = 1;
        bool structuredReport = false; // the machine's measurements, not an image
        QImage thumbnail;
    };
    static constexpr int MaximumFiles = 5000;

    explicit SeriesBrowser(QWidget *parent = nullptr);
    ~SeriesBrowser() override;

    void showFiles(const QStringList &paths);
    void showFolder(const QString &folder);
    bool isScanning() const { return m_watcher.isRunning(); }
    QTreeWidget *tree() const { return m_tree; }
    // Every readable image, in study, series and instance order.
    QStringList files() const;
    // The structured reports (the machine's measurements) among the files read; files() are the images.
    QStringList structuredReports() const;
    void select(const QString &path);

signals:
    void fileActivated(const QString &path);
    void scanFinished();

private:
    QStringList paths(bool structuredReports) const;

    struct Scan
    {
        QList<Image> images;
        int unreadable = 0;
    };
    static Scan scan(const QStringList &paths);
    void showScan();

    QLabel *m_status;
    QTreeWidget *m_tree;
    QFutureWatcher<Scan> m_watcher;
};
