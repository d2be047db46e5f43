#include "dicomweblog.h"

Q_LOGGING_CATEGORY(lcDicomWeb, "obslink.dicomweb")
