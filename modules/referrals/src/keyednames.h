#pragma once

#include <QString>

#include <algorithm>
#include <array>
#include <optional>

// A value's stable key (storage, sync) and its label (screens, untranslated source text), in
// one table per enum of this module.
template <typename Value> struct KeyedName
{
    Value value;
    const char *key;
    const char *label;
};

template <typename Value, std::size_t N>
const KeyedName<Value> &nameOf(const std::array<KeyedName<Value>, N> &names, Value value)
{
    return *std::find_if(names.cbegin(), names.cend(),
        [value](const KeyedName<Value> &name) { return name.value == value; });
}

template <typename Value, std::size_t N>
std::optional<Value> fromKey(const std::array<KeyedName<Value>, N> &names, const QString &key)
{
    for (const KeyedName<Value> &name : names)
        if (key == QLatin1String(name.key))
            return name.value;
    return std::nullopt;
}
