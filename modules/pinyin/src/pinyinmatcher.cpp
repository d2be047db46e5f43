#include "pinyin/pinyinmatcher.h"

#include "pinyin/hanzireadings.h"
#include "pinyinspelling.h"

#include <vector>

namespace {
class Search
{
public:
    Search(const QList<uint> &text, const QList<uint> &typed, const HanziReadings &readings)
        : m_text(text)
        , m_typed(typed)
        , m_readings(readings)
        , m_known(static_cast<size_t>((text.size() + 1) * (typed.size() + 1)), Unknown)
    {
    }

    // Whether typed[q…] matches text from text[t] on.
    bool from(qsizetype t, qsizetype q)
    {
        if (q == m_typed.size())
            return true;
        if (t == m_text.size())
            return false;
        char &known = m_known[static_cast<size_t>(t * (m_typed.size() + 1) + q)];
        if (known == Unknown)
            known = step(t, q) ? Yes : No;
        return known == Yes;
    }

private:
    enum : char { Unknown, Yes, No };

    bool step(qsizetype t, qsizetype q)
    {
        const uint character = m_text[t];
        const uint wanted = m_typed[q];
        if (character == wanted)
            return from(t + 1, q + 1);
        if (!PinyinSpelling::isHan(character) || !PinyinSpelling::isLetter(wanted))
            return false;
        // A reading spelled by the letters typed from q on: in full, by its initial (one letter,
        // or zh/ch/sh), or by its start when the typed text ends there ("xin" is not 性 xing
        // in "xinjibing", but "xi" at the end of a text may be).
        for (const QString &spelling : m_readings.spellings(character)) {
            qsizetype k = 0;
            while (k < spelling.size() && q + k < m_typed.size() && m_typed[q + k] == spelling[k].unicode())
                ++k;
            if (k == 0)
                continue;
            const bool whole = k == spelling.size();
            const bool atEnd = q + k == m_typed.size();
            if ((whole || atEnd) && from(t + 1, q + k))
                return true;
            if (from(t + 1, q + 1)) // the initial letter
                return true;
            if (k >= 2 && spelling[1] == u'h' && QStringView(u"zcs").contains(spelling[0]) && from(t + 1, q + 2))
                return true;
        }
        return false;
    }

    const QList<uint> &m_text;
    const QList<uint> &m_typed;
    const HanziReadings &m_readings;
    std::vector<char> m_known;
};
} // namespace

bool PinyinMatcher::matches(const QString &text, const QString &typed)
{
    return matches(text, typed, HanziReadings::standard());
}

bool PinyinMatcher::matches(const QString &text, const QString &typed, const HanziReadings &readings)
{
    const QString needle = typed.trimmed();
    if (needle.isEmpty() || text.contains(needle, Qt::CaseInsensitive))
        return true;
    const QList<uint> elements = PinyinSpelling::queryElements(needle);
    if (elements.isEmpty())
        return false;
    const QList<uint> characters = PinyinSpelling::plain(text).toUcs4();
    Search search(characters, elements, readings);
    for (qsizetype start = 0; start < characters.size(); ++start)
        if (search.from(start, 0))
            return true;
    return false;
}
