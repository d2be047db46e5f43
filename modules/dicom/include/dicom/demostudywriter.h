#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

// Who a synthetic demo study belongs to and what it holds. Never a real patient: the demo and
// the tests make these up.
struct DemoStudy
{
    QString patientId;       // (0010,0020): the woman's national ID number, the regional link
    QString patientName;     // (0010,0010), DICOM PN (Family^Given)
    QString accessionNumber; // (0008,0050): the clinic's ultrasound request
    QString pregnancyId;     // (0038,0010) Admission ID: the ObsLink pregnancy the study belongs to
    QString description = QStringLiteral("Obstetric ultrasound");
    QDate studyDate;
    int instances = 1;
    int framesPerInstance = 1;
    int columns = 320;
    int rows = 240;
};

// Writes synthetic obstetric ultrasound studies (US Multi-frame Image Storage, explicit VR
// little endian, MONOCHROME2): a sector scan with a moving fetal-head ellipse and a calibrated
// 2D region of 0.01 cm per pixel, so that a viewer and the measurements have something real to
// show. Used by `obslink-cli pacs demo-studies`, the PACS tests and the benchmark.
class DemoStudyWriter
{
    Q_DECLARE_TR_FUNCTIONS(DemoStudyWriter)
public:
    // Writes every instance of `study` into `directory` and returns the file paths.
    static Result<QStringList> write(const DemoStudy &study, const QString &directory);
    // A small deterministic set of studies for the demo PACS.
    static QList<DemoStudy> demoSet(const QDate &today);
};
