#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

// One study as QIDO-RS describes it, enough for a reading worklist. The link to the pregnancy:
// Patient ID (0010,0020) holds the woman's national ID number (the same at every clinic) and
// Admission ID (0038,0010) the ObsLink pregnancy id, when the sending clinic wrote it
// (docs/dicom.md, "Linking a study to the pregnancy").
struct StudySummary
{
    QString studyInstanceUid;
    QString patientId;
    QString patientName; // DICOM PN, Alphabetic group
    QString accessionNumber;
    QString pregnancyId;
    QString description;
    QDate studyDate;
    QString studyTime; // HHMMSS as sent
    QStringList modalities;
    std::optional<int> instances;
};

// What to ask the PACS for. Empty fields do not restrict the query.
struct StudyQuery
{
    QString patientId;
    QString accessionNumber;
    QDate from;
    QDate to;
    QString modality = QStringLiteral("US");
    int limit = 200;
};
