#pragma once

#include "domain/result.h"

#include <QPageLayout>
#include <QPageSize>
#include <QString>

class QPagedPaintDevice;

// Lays out a handout's HTML on pages of a given size in a font that has every Chinese
// character (WenQuanYi Micro Hei, then Noto Sans CJK, then the default), to a PDF or a printer.
class HandoutDocument
{
public:
    HandoutDocument(QString html, QPageSize::PageSizeId size, QPageLayout::Orientation orientation);

    void print(QPagedPaintDevice &device) const;
    Result<void> writePdf(const QString &path, const QString &title) const;

    // Shared pieces of the handouts' HTML.
    static QString escaped(const QString &text);
    static QString row(const QStringList &cells, bool header = false);
    // The opening of a handout: <html><body> and its centred title over the clinic's name.
    static QString opening(const QString &title, const QString &clinicName);

private:
    QString m_html;
    QPageSize m_size;
    QPageLayout::Orientation m_orientation;
};
