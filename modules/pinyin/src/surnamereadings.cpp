#include "pinyin/surnamereadings.h"

#include "pinyin/hanzireadings.h"
#include "pinyinlog.h"
#include "pinyinspelling.h"

#include <QFile>

const SurnameReadings &SurnameReadings::standard()
{
    static const SurnameReadings table = [] {
        auto loaded = load(QStringLiteral(":/pinyin/surname-readings.tsv"), HanziReadings::standard());
        if (!loaded) {
            qCCritical(lcPinyin) << "surnames read with their usual readings:" << loaded.error().code
                                 << loaded.error().message;
            return SurnameReadings();
        }
        return *std::move(loaded);
    }();
    return table;
}

Result<SurnameReadings> SurnameReadings::load(const QString &path, const HanziReadings &readings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("pinyin.surnames-missing"),
            tr("The table of surname readings %1 cannot be read.").arg(path));
    return parse(QString::fromUtf8(file.readAll()), path, readings);
}

Result<SurnameReadings> SurnameReadings::parse(const QString &text, const QString &origin, const HanziReadings &readings)
{
    SurnameReadings table;
    int lineNumber = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype tab = line.indexOf(u'\t');
        const QList<uint> characters = tab > 0 ? line.left(tab).toUcs4() : QList<uint>();
        const QList<QStringView> syllables = tab > 0 ? line.mid(tab + 1).split(u' ', Qt::SkipEmptyParts) : QList<QStringView>();
        if (characters.isEmpty() || characters.size() > 2 || characters.size() != syllables.size())
            return failure(QStringLiteral("pinyin.surnames-invalid"),
                tr("Line %1 of the table of surname readings %2 is not a surname of one or two characters, a "
                   "tab and one reading per character.")
                    .arg(lineNumber)
                    .arg(origin));
        QStringList spellings;
        for (qsizetype i = 0; i < characters.size(); ++i) {
            const QString reading = syllables[i].toString();
            if (!readings.readings(characters[i]).contains(reading))
                return failure(QStringLiteral("pinyin.surname-reading-unknown"),
                    tr("Line %1 of the table of surname readings %2 reads %3 as %4, which is not one of its "
                       "readings.")
                        .arg(lineNumber)
                        .arg(origin, QStringView(QChar::fromUcs4(characters[i])).toString(), reading));
            spellings.append(PinyinSpelling::plain(reading));
        }
        table.m_surnames.insert(line.left(tab).toString(), spellings);
    }
    return table;
}

std::optional<SurnameReadings::Surname> SurnameReadings::surnameOf(const QList<uint> &name) const
{
    for (qsizetype length : { 2, 1 }) {
        if (name.size() < length || (length == 2 && name.size() == 2))
            continue;
        const auto found
            = m_surnames.constFind(QString::fromUcs4(reinterpret_cast<const char32_t *>(name.constData()), length));
        if (found != m_surnames.cend())
            return Surname { length, *found };
    }
    return std::nullopt;
}
