#pragma once

#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCenter)

// One structured log line (JSON) per event on stderr, for the hospital's log collector. Never
// carries patient data: user names, clinic ids, routes, status codes and timings only.
void logEvent(const QString &event, QJsonObject fields = {});
