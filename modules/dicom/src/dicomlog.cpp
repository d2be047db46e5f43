#include "dicomlog.h"

Q_LOGGING_CATEGORY(lcDicom, "obslink.dicom")
