#include "dicomweb/studyjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
QJsonArray values(const QJsonObject &study, const char *tag)
{
    return study.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray();
}

QString text(const QJsonObject &study, const char *tag)
{
    const QJsonValue first = values(study, tag).at(0);
    if (first.isString())
        return first.toString().left(256);
    if (first.isDouble())
        return QString::number(first.toDouble());
    return {};
}

QString personName(const QJsonObject &study, const char *tag)
{
    return values(study, tag).at(0).toObject().value(QStringLiteral("Alphabetic")).toString().left(256);
}
} // namespace

bool StudyJson::isValidUid(const QString &uid)
{
    return !uid.isEmpty() && uid.size() <= 64
        && std::all_of(uid.begin(), uid.end(), [](QChar c) { return c.isDigit() || c == QLatin1Char('.'); });
}

Result<QList<StudySummary>> StudyJson::parseStudies(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return QList<StudySummary>{}; // 204 No Content: nothing matched
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return failure(QStringLiteral("dicomweb.qido"), tr("The PACS answered the study search with something that is not DICOM JSON."));
    QList<StudySummary> studies;
    for (const QJsonValue &item : document.array()) {
        const QJsonObject study = item.toObject();
        StudySummary summary;
        summary.studyInstanceUid = text(study, "0020000D");
        if (!isValidUid(summary.studyInstanceUid))
            return failure(QStringLiteral("dicomweb.qido"), tr("The PACS listed a study without a valid Study Instance UID."));
        summary.patientId = text(study, "00100020");
        summary.patientName = personName(study, "00100010");
        summary.accessionNumber = text(study, "00080050");
        summary.pregnancyId = text(study, "00380010");
        summary.description = text(study, "00081030");
        summary.studyDate = QDate::fromString(text(study, "00080020"), QStringLiteral("yyyyMMdd"));
        summary.studyTime = text(study, "00080030");
        for (const QJsonValue &modality : values(study, "00080061"))
            if (modality.isString())
                summary.modalities << modality.toString().left(16);
        bool ok = false;
        const int instances = text(study, "00201208").toInt(&ok);
        if (ok && instances >= 0)
            summary.instances = instances;
        studies << summary;
    }
    return studies;
}
