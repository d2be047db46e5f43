#include "domain/recordmeta.h"

RecordMeta RecordMeta::createdNow(const QString &clinicId, const QString &author)
{
    RecordMeta meta;
    meta.id = QUuid::createUuid();
    meta.clinicId = clinicId;
    meta.createdAt = QDateTime::currentDateTimeUtc();
    meta.updatedAt = meta.createdAt;
    meta.author = author;
    meta.revision = 1;
    return meta;
}
