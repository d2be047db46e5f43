#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

// What every harness shares: the input as Qt bytes, split into fields, and a scratch folder for
// the readers that take a path. The seed corpora (fuzz-seeds) are written in the same layout.
namespace FuzzInput {

// Fields are separated by a NUL byte: the first `count - 1` NULs split, the last field keeps the
// rest (so a binary body may contain NULs). Missing fields are empty.
inline QList<QByteArray> fields(const uint8_t *data, size_t size, int count)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> result;
    qsizetype from = 0;
    for (int i = 0; i + 1 < count; ++i) {
        const qsizetype nul = input.indexOf('\0', from);
        if (nul < 0)
            break;
        result.append(input.mid(from, nul - from));
        from = nul + 1;
    }
    result.append(input.mid(from));
    while (result.size() < count)
        result.append(QByteArray());
    return result;
}

inline QByteArray joined(const QList<QByteArray> &parts)
{
    QByteArray result;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            result.append('\0');
        result.append(parts[i]);
    }
    return result;
}

// Qt needs its application object for plugins (the SQLite driver) and translations.
inline void startQt()
{
    static int argc = 1;
    static char name[] = "obslink-fuzzer";
    static char *argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv);
}

// A private folder for the whole run; files written there are overwritten by the next input.
inline QString scratchPath(const QString &fileName)
{
    static QTemporaryDir dir;
    return dir.filePath(fileName);
}

inline QString writeScratch(const QString &fileName, const QByteArray &bytes)
{
    const QString path = scratchPath(fileName);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
    return path;
}

} // namespace FuzzInput
