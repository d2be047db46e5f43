#include "domain/antenatalvisit.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<FetalPresentation, const char *>, 5> presentationKeys{{
    {FetalPresentation::Unknown, "unknown"},
    {FetalPresentation::Cephalic, "cephalic"},
    {FetalPresentation::Breech, "breech"},
    {FetalPresentation::Transverse, "transverse"},
    {FetalPresentation::Oblique, "oblique"},
}};
}

QString presentationKey(FetalPresentation value)
{
    for (const auto &[v, key] : presentationKeys)
        if (v == value)
            return QString::fromLatin1(key);
    return {};
}

std::optional<FetalPresentation> presentationFromKey(const QString &key)
{
    for (const auto &[v, name] : presentationKeys)
        if (key == QLatin1String(name))
            return v;
    return std::nullopt;
}
