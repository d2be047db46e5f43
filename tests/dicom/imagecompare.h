#pragma once

#include <QImage>
#include <QString>

// Pixel-by-pixel comparison of a rendered frame with a reference (DCMTK's, or the source).
class ImageCompare
{
public:
    // Empty if both are the same size, both grey or both colour, and every sample is equal;
    // otherwise what differs, for the test log.
    static QString difference(const QImage &ours, const QImage &reference);
    static int maxDifference(const QImage &a, const QImage &b);
    static double meanDifference(const QImage &a, const QImage &b);
};
