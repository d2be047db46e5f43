#include "dicom-viewer/seriesbrowser.h"

#include "dicom/dicomfile.h"
#include "dicom/dicomtagtree.h"
#include "dicom/structuredreport.h"

#include <QDirIterator>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {
constexpr int PathRole = Qt::UserRole + 1;
constexpr int ReportRole = Qt::UserRole + 2;
const QSize thumbnailSize(96, 72);

QString dicomDate(const QString &yyyymmdd)
{
    const QDate date = QDate::fromString(yyyymmdd, QStringLiteral("yyyyMMdd"));
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : yyyymmdd;
}
} // namespace

SeriesBrowser::SeriesBrowser(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_tree->setHeaderHidden(true);
    m_tree->setIconSize(thumbnailSize);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addWidget(m_status);
    connect(&m_watcher, &QFutureWatcher<Scan>::finished, this, &SeriesBrowser::showScan);
    const auto activate = [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, PathRole).toString();
        if (!path.isEmpty())
            emit fileActivated(path);
    };
    connect(m_tree, &QTreeWidget::itemActivated, this, activate);
    connect(m_tree, &QTreeWidget::itemClicked, this, activate);
}

SeriesBrowser::~SeriesBrowser()
{
    m_watcher.waitForFinished();
}

void SeriesBrowser::showFiles(const QStringList &paths)
{
    m_watcher.waitForFinished();
    m_tree->clear();
    m_status->setText(tr("Reading %n file(s)…", nullptr, int(paths.size())));
    m_watcher.setFuture(QtConcurrent::run(&SeriesBrowser::scan, paths.mid(0, MaximumFiles)));
}

void SeriesBrowser::showFolder(const QString &folder)
{
    QStringList paths;
    QDirIterator it(folder, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext() && paths.size() < MaximumFiles)
        paths.append(it.next());
    showFiles(paths);
}

SeriesBrowser::Scan SeriesBrowser::scan(const QStringList &paths)
{
    Scan result;
    for (const QString &path : paths) {
        auto file = DicomFile::open(path);
        auto tags = DicomTagTree::read(path);
        if (!file || !tags) {
            ++result.unreadable;
            continue;
        }
        const DicomInfo &info = (*file)->info();
        Image image;
        image.path = path;
        image.patientName = QString(info.patientName).replace(QLatin1Char('^'), QLatin1Char(' ')).trimmed();
        image.studyUid = info.studyInstanceUid;
        image.studyDate = info.studyDate;
        image.studyDescription = DicomTagTree::valueOf(*tags, 0x0008, 0x1030);
        image.seriesUid = info.seriesInstanceUid;
        image.seriesDescription = DicomTagTree::valueOf(*tags, 0x0008, 0x103E);
        image.seriesNumber = DicomTagTree::valueOf(*tags, 0x0020, 0x0011).toInt();
        image.instanceNumber = DicomTagTree::valueOf(*tags, 0x0020, 0x0013).toInt();
        image.frames = info.frames;
        image.structuredReport = StructuredReportReader::isStructuredReportSopClass(info.sopClassUid);
        if (!image.structuredReport) { // a report has no picture to show
            if (auto frame = (*file)->renderFrame(0))
                image.thumbnail = frame->scaled(thumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
        result.images.append(image);
    }
    std::stable_sort(result.images.begin(), result.images.end(), [](const Image &a, const Image &b) {
        return std::tie(a.studyDate, a.studyUid, a.seriesNumber, a.seriesUid, a.instanceNumber)
            < std::tie(b.studyDate, b.studyUid, b.seriesNumber, b.seriesUid, b.instanceNumber);
    });
    return result;
}

void SeriesBrowser::showScan()
{
    const Scan result = m_watcher.result();
    m_tree->clear();
    QTreeWidgetItem *study = nullptr;
    QTreeWidgetItem *series = nullptr;
    QString studyUid, seriesUid;
    for (const Image &image : result.images) {
        if (!study || image.studyUid != studyUid) {
            studyUid = image.studyUid;
            seriesUid.clear();
            QStringList parts { dicomDate(image.studyDate), image.patientName, image.studyDescription };
            parts.removeAll(QString());
            study = new QTreeWidgetItem(
                m_tree, { parts.isEmpty() ? tr("Study") : parts.join(QStringLiteral(" · ")) });
            study->setToolTip(0, study->text(0)); // the narrow dock cuts it
            study->setExpanded(true);
        }
        if (!series || image.seriesUid != seriesUid) {
            seriesUid = image.seriesUid;
            QString label = tr("Series %1").arg(image.seriesNumber);
            if (!image.seriesDescription.isEmpty())
                label += QStringLiteral(" · ") + image.seriesDescription;
            series = new QTreeWidgetItem(study, { label });
            series->setToolTip(0, label);
            series->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(series,
            { image.structuredReport ? tr("Measurements report from the ultrasound machine")
                : image.frames > 1
                    ? tr("Image %1 · cine, %n frame(s)", nullptr, image.frames).arg(image.instanceNumber)
                    : tr("Image %1").arg(image.instanceNumber) });
        item->setData(0, PathRole, image.path);
        item->setData(0, ReportRole, image.structuredReport);
        item->setIcon(0, QIcon(QPixmap::fromImage(image.thumbnail)));
        item->setToolTip(0, image.path);
    }
    m_status->setText(result.unreadable > 0
            ? tr("%n image(s); %1 file(s) are not readable DICOM and are not shown.", nullptr,
                int(result.images.size()))
                  .arg(result.unreadable)
            : tr("%n image(s)", nullptr, int(result.images.size())));
    emit scanFinished();
}

QStringList SeriesBrowser::paths(bool structuredReports) const
{
    QStringList paths;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QString path = (*it)->data(0, PathRole).toString();
        if (!path.isEmpty() && (*it)->data(0, ReportRole).toBool() == structuredReports)
            paths.append(path);
    }
    return paths;
}

QStringList SeriesBrowser::files() const { return paths(false); }

QStringList SeriesBrowser::structuredReports() const { return paths(true); }

void SeriesBrowser::select(const QString &path)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, PathRole).toString() == path) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}
