#pragma once

#include "dicomweb/studysummary.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>

// Reads the application/dicom+json of a QIDO-RS study search (PS3.18 F.2). A reply that is not
// a JSON array of objects, or a study without a valid Study Instance UID, is an error; fields
// of unexpected shape are left empty rather than trusted.
class StudyJson
{
    Q_DECLARE_TR_FUNCTIONS(StudyJson)
public:
    static Result<QList<StudySummary>> parseStudies(const QByteArray &json);
    // A UID as PS3.5 9.1 allows: digits and dots, at most 64 characters. Used before a UID
    // from the network becomes part of a URL or a file name.
    static bool isValidUid(const QString &uid);
};
