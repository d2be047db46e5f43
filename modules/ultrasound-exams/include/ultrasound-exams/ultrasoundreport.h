#pragma once

#include "ultrasound-exams/ultrasoundexam.h"

#include <QDateTime>

#include <optional>

// The structured obstetric ultrasound report (超声检查报告) of one study read for a pregnancy.
// A draft until signed; a signed report never changes again, a correction is a new report that
// amends it (docs/dicom.md, "Ultrasound report").
struct UltrasoundReport
{
    enum class HeartActivity { Unknown, Present, Absent };
    enum class Presentation { Unknown, Cephalic, Breech, Transverse, Oblique };

    RecordMeta meta;
    QUuid pregnancyId;
    QString studyInstanceUid;
    QDate examDate;
    std::optional<int> fetusCount;
    HeartActivity heartActivity = HeartActivity::Unknown;
    std::optional<int> heartRateBpm;
    Presentation presentation = Presentation::Unknown;
    QString placentaLocation; // anterior, posterior, fundal, lateral, previa … as the reader writes it
    std::optional<int> placentaGrade; // Grannum 0–III
    std::optional<double> afiCm; // amniotic fluid index
    std::optional<double> deepestPocketCm; // single deepest vertical pocket
    FetalBiometry biometry;
    std::optional<double> efwGrams; // Hadlock, as computed from the biometry above
    std::optional<GestationalAge> gestationalAge; // by ultrasound
    QString findings; // 超声所见, free text
    QString impression; // 超声提示
    QString reader; // 报告医师
    QString signedBy;
    QDateTime signedAt; // UTC; null while a draft
    QUuid amends; // the signed report this one corrects, or null
    QString amendmentReason;

    bool isSigned() const { return !signedAt.isNull(); }

    // A draft for a study with the biometry, EFW and GA of the exam measured on it.
    static UltrasoundReport fromExam(const UltrasoundExam &exam);
    static QString key(HeartActivity value);
    static QString key(Presentation value);
    static HeartActivity heartActivityFromKey(const QString &key);
    static Presentation presentationFromKey(const QString &key);
};
