#include "dicomlog.h"

// Warnings and above by default: the reasons a frame was refused already reach the user through
// Result; QT_LOGGING_RULES="obslink.dicom.debug=true" shows the decoders' own words.
Q_LOGGING_CATEGORY(lcDicom, "obslink.dicom", QtWarningMsg)
