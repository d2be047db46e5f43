#pragma once

#include <QLoggingCategory>

// obslink.dicomweb: PACS traffic problems. Never patient identifiers, URLs with queries or
// credentials.
Q_DECLARE_LOGGING_CATEGORY(lcDicomWeb)
