#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// One record of the network as the FHIR mapping needs it, whether it comes from the center's
// synced copy or from a clinic's database: its table and id, the clinic that made it, the woman
// it belongs to (the patient record's id), its fields as the sync protocol carries them
// (column name → JSON value), and for a CTG trace the bytes of its samples when they are at hand.
struct FhirSourceRecord
{
    QString table;
    QString id;
    QString clinicId;
    QString patientKey;
    QJsonObject fields;
    QByteArray attachment; // CtgFileFormat bytes of a ctg_trace; empty when not available
    // The records that belong to this one and shape its resources, by table: a referral's
    // referral_step and referral_attachment records (their fields, with "id").
    QHash<QString, QList<QJsonObject>> children;
};
