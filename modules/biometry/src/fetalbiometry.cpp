#include "biometry/fetalbiometry.h"

#include <algorithm>

std::optional<double> FetalBiometry::millimetres(BiometryMeasure measure) const
{
    return m_millimetres[static_cast<size_t>(measure)];
}

std::optional<double> FetalBiometry::centimetres(BiometryMeasure measure) const
{
    const auto mm = millimetres(measure);
    return mm ? std::optional<double>(*mm / 10.0) : std::nullopt;
}

bool FetalBiometry::isEmpty() const
{
    return std::none_of(
        m_millimetres.begin(), m_millimetres.end(), [](const auto &v) { return v.has_value(); });
}

Result<void> FetalBiometry::set(BiometryMeasure measure, double millimetres)
{
    auto valid = BiometryMeasures::validate(measure, millimetres);
    if (!valid)
        return tl::unexpected(valid.error());
    m_millimetres[static_cast<size_t>(measure)] = *valid;
    return {};
}

void FetalBiometry::clear(BiometryMeasure measure)
{
    m_millimetres[static_cast<size_t>(measure)].reset();
}
