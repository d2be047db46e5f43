#pragma once

#include <QByteArray>
#include <QString>

// Slow salted password hashes (PBKDF2-HMAC-SHA256), stored as
// `pbkdf2-sha256$<iterations>$<salt>$<hash>` so the work factor can grow without invalidating
// existing passwords. Used by the center for its users and by the workstation for offline login.
namespace PasswordHasher {
inline constexpr int DefaultIterations = 200000;

QString hash(const QString &password, int iterations = DefaultIterations);
bool verify(const QString &password, const QString &stored);
// The work factor a stored hash was made with; 0 if it is not one of ours.
int iterationsOf(const QString &stored);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
} // namespace PasswordHasher
