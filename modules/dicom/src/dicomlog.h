#pragma once

#include <QLoggingCategory>

// obslink.dicom: decoding problems and limits hit. Never patient identifiers.
Q_DECLARE_LOGGING_CATEGORY(lcDicom)
