#pragma once

#include <QByteArray>
#include <QString>

// Edits a written DICOM file with DCMTK, the way a faulty machine or a damaged disk would have
// left it, keeping its transfer syntax (compressed pixel data is copied as it is).
class DicomEditor
{
public:
    // Sets (group,element) to a value given as DICOM text ("65535", "1\\1" …), adding it if needed.
    static bool setValue(
        const QString &path, quint16 group, quint16 element, const QString &value, QString *error);
    static bool remove(const QString &path, quint16 group, quint16 element, QString *error);
    // Replaces the value of item `item` of the encapsulated pixel data (0 is the offset table).
    static bool replaceFragment(const QString &path, int item, const QByteArray &bytes, QString *error);
    // Splits every fragment of the encapsulated pixel data into `pieces` of even length and
    // empties the Basic Offset Table, as some machines write their cine loops.
    static bool splitFragments(const QString &path, int pieces, QString *error);
};
