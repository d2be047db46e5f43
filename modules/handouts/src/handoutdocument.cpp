#include "handouts/handoutdocument.h"

#include "handoutslog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPagedPaintDevice>
#include <QPdfWriter>
#include <QTextDocument>

namespace {
QFont handoutFont()
{
    const QStringList families = QFontDatabase::families();
    for (const QString &family :
        { QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC") })
        if (families.contains(family))
            return QFont(family, 10);
    QFont font;
    font.setPointSize(10);
    return font;
}
} // namespace

HandoutDocument::HandoutDocument(
    QString html, QPageSize::PageSizeId size, QPageLayout::Orientation orientation)
    : m_html(std::move(html))
    , m_size(size)
    , m_orientation(orientation)
{
}

void HandoutDocument::print(QPagedPaintDevice &device) const
{
    device.setPageLayout(
        QPageLayout(m_size, m_orientation, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    QTextDocument document;
    document.setDefaultFont(handoutFont());
    document.setHtml(m_html);
    document.print(&device);
}

Result<void> HandoutDocument::writePdf(const QString &path, const QString &title) const
{
    {
        QPdfWriter writer(path);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("ObsLink"));
        writer.setResolution(300);
        print(writer);
    }
    // QPdfWriter reports no error of its own: an unwritable path leaves no file or an empty one.
    if (QFileInfo(path).size() <= 0) {
        QFile::remove(path);
        return failure(QStringLiteral("handouts.write"),
            QCoreApplication::translate("HandoutDocument", "The PDF file %1 cannot be written.").arg(path));
    }
    qCInfo(lcHandouts) << "handout written," << QFileInfo(path).size() << "bytes";
    return {};
}

QString HandoutDocument::escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString HandoutDocument::row(const QStringList &cells, bool header)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<%1>%2</%1>").arg(tag, escaped(cell));
    return html + QStringLiteral("</tr>");
}

QString HandoutDocument::opening(const QString &title, const QString &clinicName)
{
    return QStringLiteral("<html><body><p align='center'><b style='font-size:14pt'>%1</b><br>%2</p>")
        .arg(escaped(title), escaped(clinicName));
}
