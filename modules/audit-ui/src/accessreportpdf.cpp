#include "audit-ui/accessreportpdf.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

Result<void> AccessReportPdf::write(
    const QString &path, const AccessReport::Heading &heading, const QList<AuditEntry> &entries, const AccessReport::ClinicName &clinicName)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(tr("Access to her health record"));
    writer.setCreator(QStringLiteral("ObsLink"));
    QTextDocument document;
    document.setHtml(AccessReport::html(heading, entries, clinicName));
    document.print(&writer);
    if (!QFile::exists(path) || QFile(path).size() == 0)
        return failure(QStringLiteral("audit.report"), tr("The access report could not be written to %1.").arg(path));
    return {};
}
