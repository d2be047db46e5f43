#pragma once

#include <QImage>
#include <QString>

#include <functional>

// Pixel-by-pixel comparison of a rendered frame with a reference (DCMTK's, or the source).
class ImageCompare
{
public:
    // Empty if both are the same size, both grey or both colour, and every sample is equal;
    // otherwise what differs, for the test log.
    static QString difference(const QImage &ours, const QImage &reference);
    static int maxDifference(const QImage &a, const QImage &b);
    // Opens the file and renders every frame, last first (frames decode on their own, in any
    // order); the first problem `check` or the module reports, or empty if there is none.
    static QString everyFrame(const QString &dicomPath, int frames,
        const std::function<QString(int frame, const QImage &rendered)> &check);
    static double meanDifference(const QImage &a, const QImage &b);
    // Peak signal-to-noise ratio in dB over every sample of two images of one size (8 bits per
    // sample; infinity when they are equal).
    static double psnr(const QImage &a, const QImage &b);
};
