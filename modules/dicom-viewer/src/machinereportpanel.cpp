#include "dicom-viewer/machinereportpanel.h"

#include <QComboBox>
#include <QDate>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
struct Row
{
    QString key;
    QString label;
};

QList<Row> rows()
{
    QList<Row> list;
    for (BiometryMeasure measure : BiometryMeasures::all())
        list.append({ BiometryMeasures::key(measure),
            QStringLiteral("%1  %2").arg(
                BiometryMeasures::abbreviation(measure), BiometryMeasures::name(measure)) });
    list.append({ QStringLiteral("efw"), MachineReportPanel::tr("EFW  Estimated fetal weight") });
    list.append({ QStringLiteral("afi"), MachineReportPanel::tr("AFI  Amniotic fluid index") });
    return list;
}

QTableWidget *table(int columns, QWidget *parent)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < columns; ++c)
        t->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return t;
}
} // namespace

MachineReportPanel::MachineReportPanel(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_fetus(new QComboBox(this))
    , m_values(table(2, this))
    , m_unusedTitle(new QLabel(tr("Not taken from the report:"), this))
    , m_unused(table(3, this))
    , m_accept(new QPushButton(tr("&Accept into the biometry"), this))
{
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values->setHorizontalHeaderLabels({ tr("Measure"), tr("Machine's value") });
    m_unused->setHorizontalHeaderLabels({ tr("Item in the report"), tr("Value"), tr("Why") });
    // The dock is narrow and the reasons are sentences: they wrap, and the rows grow to show them whole.
    m_unused->setWordWrap(true);
    m_unused->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_unused->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_accept->setToolTip(tr("Puts these values into the biometry panel; check them there, then save "
                            "them to the pregnancy and the report."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_fetus);
    layout->addWidget(m_values, 2);
    layout->addWidget(m_accept);
    layout->addWidget(m_unusedTitle);
    layout->addWidget(m_unused, 1);
    connect(m_fetus, &QComboBox::currentIndexChanged, this, &MachineReportPanel::showFetus);
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (const MachineFetus *fetus = currentFetus())
            emit accepted(*fetus, sourceText());
    });
    clear();
}

void MachineReportPanel::clear()
{
    m_biometry = {};
    m_fileName.clear();
    m_status->setText(tr("No measurements report from the ultrasound machine in this study. Machines that "
                         "send one (DICOM structured report) have their biometry shown here."));
    m_fetus->clear();
    m_fetus->hide();
    m_values->setRowCount(0);
    m_unused->setRowCount(0);
    m_unused->hide();
    m_unusedTitle->hide();
    m_accept->setEnabled(false);
}

Result<void> MachineReportPanel::showReport(const QString &path)
{
    const auto report = StructuredReportReader::read(path);
    if (!report) {
        clear();
        m_status->setText(report.error().message);
        return failure(report.error());
    }
    showBiometry(MachineBiometryMapping::builtIn().map(*report), QFileInfo(path).fileName());
    return {};
}

void MachineReportPanel::showBiometry(const MachineBiometry &biometry, const QString &fileName)
{
    m_biometry = biometry;
    m_fileName = fileName;
    QString status = sourceText();
    if (m_biometry.fetuses.isEmpty())
        status += QLatin1Char('\n') + tr("The report holds no biometry ObsLink can take.");
    if (m_biometry.fetusCount && *m_biometry.fetusCount != m_biometry.fetuses.size()
        && !m_biometry.fetuses.isEmpty())
        status += QLatin1Char('\n')
            + tr("The machine reports %n fetus(es) but gives biometry for %1.", nullptr,
                *m_biometry.fetusCount)
                  .arg(m_biometry.fetuses.size());
    m_status->setText(status);

    const QSignalBlocker blocker(m_fetus);
    m_fetus->clear();
    for (const MachineFetus &fetus : std::as_const(m_biometry.fetuses))
        m_fetus->addItem(fetus.label.isEmpty() ? tr("Fetus") : tr("Fetus %1").arg(fetus.label));
    m_fetus->setVisible(m_biometry.fetuses.size() > 1);

    const QLocale locale;
    const QList<MachineReading> unused = m_biometry.unusedReadings();
    m_unused->setRowCount(int(unused.size()));
    for (int row = 0; row < unused.size(); ++row) {
        const SrMeasurement &m = unused[row].source;
        QString item = m.conceptName.meaning.isEmpty() ? m.conceptName.value : m.conceptName.meaning;
        if (!m.fetus.isEmpty())
            item = tr("%1 (fetus %2)").arg(item, m.fetus);
        auto *name = new QTableWidgetItem(item);
        name->setToolTip(
            tr("Code %1 %2 · %3")
                .arg(m.conceptName.scheme, m.conceptName.value, m.sections.join(QStringLiteral(" / "))));
        m_unused->setItem(row, 0, name);
        m_unused->setItem(
            row, 1, new QTableWidgetItem(QStringLiteral("%1 %2").arg(m.valueText, m.unit.value).trimmed()));
        auto *why = new QTableWidgetItem(MachineBiometryMapping::statusText(unused[row].status));
        why->setToolTip(why->text());
        m_unused->setItem(row, 2, why);
    }
    m_unused->setVisible(!unused.isEmpty());
    m_unusedTitle->setVisible(!unused.isEmpty());
    showFetus();
}

const MachineFetus *MachineReportPanel::currentFetus() const
{
    const int index = m_fetus->currentIndex();
    return index >= 0 && index < m_biometry.fetuses.size() ? &m_biometry.fetuses[index] : nullptr;
}

QString MachineReportPanel::statusText() const
{
    return m_status->text();
}

QString MachineReportPanel::sourceText() const
{
    const QDate date = QDate::fromString(m_biometry.studyDate, QStringLiteral("yyyyMMdd"));
    const QString machine
        = m_biometry.manufacturer.isEmpty() ? tr("the ultrasound machine") : m_biometry.manufacturer;
    return date.isValid() ? tr("Measured by %1 on %2 (report %3)")
                                .arg(machine, QLocale().toString(date, QLocale::ShortFormat), m_fileName)
                          : tr("Measured by %1 (report %2)").arg(machine, m_fileName);
}

void MachineReportPanel::showFetus()
{
    const MachineFetus *fetus = currentFetus();
    const QList<Row> all = rows();
    const QLocale locale;
    m_values->setRowCount(0);
    if (!fetus) {
        m_accept->setEnabled(false);
        return;
    }
    for (const Row &row : all) {
        std::optional<double> value;
        QString text;
        if (row.key == QLatin1String("efw")) {
            value = fetus->efwGrams;
            text = value ? tr("%1 g").arg(locale.toString(qRound(*value))) : QString();
        } else if (row.key == QLatin1String("afi")) {
            value = fetus->afiCm;
            text = value ? tr("%1 cm").arg(locale.toString(*value, 'f', 1)) : QString();
        } else if (const auto measure = BiometryMeasures::fromKey(row.key)) {
            value = fetus->biometry.millimetres(*measure);
            text = value ? tr("%1 mm").arg(locale.toString(*value, 'f', 1)) : QString();
        }
        if (!value)
            continue;
        const int r = m_values->rowCount();
        m_values->insertRow(r);
        m_values->setItem(r, 0, new QTableWidgetItem(row.label));
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(tr("Item %1 of the report").arg(fetus->sources.value(row.key)));
        m_values->setItem(r, 1, item);
    }
    m_accept->setEnabled(!fetus->biometry.isEmpty());
}
