#pragma once

// A PDF's own text as pdftotext (poppler-utils) reads it, with all whitespace removed (lines
// break where the page does), and its page size as pdfinfo gives it: what a printed handout or
// form holds, checked without trusting the code that wrote it.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>

inline QString pdftotextProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
}

// Empty when pdftotext is missing or cannot read the file.
inline QString pdfText(const QString &path, QString *pageSize = nullptr)
{
    QProcess text;
    text.start(pdftotextProgram(), { QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-") });
    if (!text.waitForFinished(30000) || text.exitCode() != 0)
        return {};
    if (pageSize) {
        QProcess info;
        info.start(QStandardPaths::findExecutable(QStringLiteral("pdfinfo")), { path });
        info.waitForFinished(30000);
        for (const QString &line : QString::fromUtf8(info.readAllStandardOutput()).split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("Page size:")))
                *pageSize = line.simplified();
    }
    return QString::fromUtf8(text.readAllStandardOutput()).remove(QRegularExpression(QStringLiteral("\\s")));
}
