#include "audit/accessreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <array>

namespace {
struct ExportName
{
    const char *key;
    const char *label;
};
// The "what" of an export or print, as the workstation records it.
constexpr std::array ExportNames {
    ExportName { "case-summary-pdf", QT_TRANSLATE_NOOP("AccessReport", "case summary (PDF)") },
    ExportName { "high-risk-register-csv", QT_TRANSLATE_NOOP("AccessReport", "monthly high-risk register (CSV)") },
    ExportName { "ctg-trace-pdf", QT_TRANSLATE_NOOP("AccessReport", "fetal heart trace (PDF)") },
    ExportName { "ultrasound-report-pdf", QT_TRANSLATE_NOOP("AccessReport", "ultrasound report (PDF)") },
    ExportName { "referral-pdf", QT_TRANSLATE_NOOP("AccessReport", "referral form (PDF)") },
    ExportName { "return-slip-pdf", QT_TRANSLATE_NOOP("AccessReport", "referral return slip (PDF)") },
    ExportName { "visit-slip", QT_TRANSLATE_NOOP("AccessReport", "visit slip") },
    ExportName { "antenatal-record", QT_TRANSLATE_NOOP("AccessReport", "antenatal record") },
    ExportName { "fhir-bundle", QT_TRANSLATE_NOOP("AccessReport", "records as a FHIR bundle") },
    ExportName { "access-report-pdf", QT_TRANSLATE_NOOP("AccessReport", "her access report (PDF)") },
};

QString exportName(const QString &key)
{
    for (const ExportName &name : ExportNames)
        if (key == QLatin1String(name.key))
            return QCoreApplication::translate("AccessReport", name.label);
    return key;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString localTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

QString AccessReport::whatWasDone(const AuditEntry &entry)
{
    const QJsonObject detail = QJsonDocument::fromJson(entry.detail.toUtf8()).object();
    switch (entry.action) {
    case AuditAction::Exported:
    case AuditAction::Printed:
        return exportName(detail.value(QStringLiteral("what")).toString());
    case AuditAction::RecordEdited: {
        const int records = int(detail.value(QStringLiteral("records")).toArray().size() + detail.value(QStringLiteral("moreRecords")).toInt());
        return tr("%n record(s) saved", nullptr, records);
    }
    case AuditAction::SignInFailed:
        return detail.value(QStringLiteral("where")).toString() == QLatin1String("lock-screen") ? tr("wrong password on the lock screen")
                                                                                                 : tr("password refused");
    default:
        return {};
    }
}

QString AccessReport::html(const Heading &heading, const QList<AuditEntry> &entries, const ClinicName &clinicName)
{
    QSet<QString> people;
    QSet<QString> clinics;
    for (const AuditEntry &e : entries) {
        people.insert(e.user);
        clinics.insert(e.clinicId);
    }
    const QString period = heading.from.isValid() || heading.to.isValid()
        ? tr("From %1 to %2").arg(heading.from.isValid() ? localTime(heading.from) : tr("the beginning"),
            heading.to.isValid() ? localTime(heading.to) : localTime(heading.issuedAt))
        : tr("Up to %1").arg(localTime(heading.issuedAt));
    QString page = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title>"
                                  "<style>body{font-family:sans-serif;} table{border-collapse:collapse;width:100%;}"
                                  "th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top;} th{background:#eee;}"
                                  "</style></head><body>")
                       .arg(escaped(tr("Access to her health record")));
    page += QStringLiteral("<h2>%1</h2>").arg(escaped(tr("Access to her health record")));
    page += QStringLiteral("<p><b>%1</b> %2 &nbsp; <b>%3</b> %4</p>")
                .arg(escaped(tr("Woman:")), escaped(heading.womanName), escaped(tr("Record:")), escaped(heading.womanReference));
    page += QStringLiteral("<p>%1</p>").arg(escaped(period));
    page += QStringLiteral("<p>%1</p>")
                .arg(escaped(tr("Every time her record was opened, changed, exported or printed in the regional obstetric network, as its "
                                "audit trail keeps it: who, at which clinic, when and what.")));
    page += QStringLiteral("<p><b>%1</b></p>")
                .arg(escaped(tr("%n audit record(s)", nullptr, int(entries.size())) + QStringLiteral(" · ")
                    + tr("%n user(s)", nullptr, int(people.size())) + QStringLiteral(" · ") + tr("%n clinic(s)", nullptr, int(clinics.size()))));
    if (entries.isEmpty()) {
        page += QStringLiteral("<p>%1</p>").arg(escaped(tr("Nobody has accessed her record in this period.")));
    } else {
        page += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(escaped(tr("When")), escaped(tr("Clinic")), escaped(tr("Who")), escaped(tr("Action")), escaped(tr("What")));
        for (const AuditEntry &e : entries)
            page += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(escaped(localTime(e.at)), escaped(clinicName ? clinicName(e.clinicId) : e.clinicId), escaped(e.user),
                            escaped(AuditActions::label(e.action)), escaped(whatWasDone(e)));
        page += QStringLiteral("</table>");
    }
    page += QStringLiteral("<p style=\"color:#555\">%1</p>")
                .arg(escaped(tr("Issued by %1 on %2.").arg(heading.issuedBy, localTime(heading.issuedAt))));
    page += QStringLiteral("</body></html>");
    return page;
}
