#pragma once

#include <QString>
#include <tl/expected.hpp>
#include <utility>

// An error that crosses a module boundary: a stable machine code for scripts and logs, and a
// message already translated for the person reading it.
struct Error
{
    QString code;
    QString message;
};

// Value-or-error, shaped like std::expected so that a move to C++23 is a rename.
template <typename T> using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> failure(const QString &code, const QString &message)
{
    return tl::unexpected<Error>(Error { code, message });
}

// Passes on an error met lower down.
inline tl::unexpected<Error> failure(Error error)
{
    return tl::unexpected<Error>(std::move(error));
}
