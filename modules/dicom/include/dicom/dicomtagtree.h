#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// One attribute of a dataset as a tag browser shows it. A sequence's children are its items,
// each item's children its attributes.
struct DicomTagNode
{
    quint16 group = 0;
    quint16 element = 0;
    QString keyword; // DCMTK's dictionary name ("PatientName"), or empty for a private tag
    QString vr; // "PN", "SQ" …; empty for a sequence item
    QString value; // Unicode text, bulk data as its size, cut to MaxValueCharacters
    QList<DicomTagNode> children;

    QString tagText() const; // "(0010,0010)"
};

// The dataset of a file as a tree, read without its pixel data or other large values (they are
// shown by size), strings converted from the file's character set.
class DicomTagTree
{
    Q_DECLARE_TR_FUNCTIONS(DicomTagTree)
public:
    static constexpr int MaxValueCharacters = 256;
    // Sequences nested deeper than this are shown as "…" (a hostile file cannot exhaust the stack).
    static constexpr int MaxDepth = 16;

    // The meta header (group 0002) first, then the dataset.
    static Result<QList<DicomTagNode>> read(const QString &path);
    // The top-level value of (group,element), or empty.
    static QString valueOf(const QList<DicomTagNode> &tree, quint16 group, quint16 element);
};
