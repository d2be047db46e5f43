#include "pinyin/hanzireadings.h"

#include "pinyinlog.h"
#include "pinyinspelling.h"

#include <QFile>

Q_LOGGING_CATEGORY(lcPinyin, "obslink.pinyin")

namespace {
bool isSyllable(const QString &spelling)
{
    return !spelling.isEmpty()
        && std::all_of(spelling.begin(), spelling.end(), [](QChar c) { return PinyinSpelling::isLetter(c.unicode()); });
}
} // namespace

const HanziReadings &HanziReadings::standard()
{
    static const HanziReadings table = [] {
        auto loaded = load(QStringLiteral(":/pinyin/hanzi-readings.txt"));
        if (!loaded) {
            qCCritical(lcPinyin) << "no pinyin search:" << loaded.error().code << loaded.error().message;
            return HanziReadings();
        }
        return *std::move(loaded);
    }();
    return table;
}

Result<HanziReadings> HanziReadings::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("pinyin.table-missing"),
            tr("The table of Chinese character readings %1 cannot be read.").arg(path));
    return parse(QString::fromUtf8(file.readAll()), path);
}

Result<HanziReadings> HanziReadings::parse(const QString &text, const QString &origin)
{
    HanziReadings table;
    QHash<QString, QString> spellingOf; // a few hundred syllables, each decomposed once
    int lineNumber = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto invalid = [&] {
            return failure(QStringLiteral("pinyin.table-invalid"),
                tr("Line %1 of the table of Chinese character readings %2 is not a character, a tab and its "
                   "readings.")
                    .arg(lineNumber)
                    .arg(origin));
        };
        const qsizetype tab = line.indexOf(u'\t');
        if (tab <= 0)
            return invalid();
        const QList<uint> characters = line.left(tab).toUcs4();
        if (characters.size() != 1 || !PinyinSpelling::isHan(characters[0]))
            return invalid();
        QStringList readings;
        QStringList spellings;
        for (QStringView reading : line.mid(tab + 1).split(u' ', Qt::SkipEmptyParts)) {
            const QString toned = reading.toString();
            auto known = spellingOf.constFind(toned);
            if (known == spellingOf.cend())
                known = spellingOf.insert(toned, PinyinSpelling::plain(toned));
            if (!isSyllable(*known))
                return invalid();
            readings.append(toned);
            if (!spellings.contains(*known))
                spellings.append(*known);
        }
        if (readings.isEmpty())
            return invalid();
        table.m_readings.insert(characters[0], readings);
        table.m_spellings.insert(characters[0], spellings);
    }
    if (table.m_readings.isEmpty())
        return failure(QStringLiteral("pinyin.table-empty"),
            tr("The table of Chinese character readings %1 holds no character.").arg(origin));
    return table;
}

QString HanziReadings::usualSpelling(char32_t character) const
{
    const auto found = m_spellings.constFind(character);
    return found == m_spellings.cend() ? QString() : found->first();
}
