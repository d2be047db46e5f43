#include "synclog.h"

Q_LOGGING_CATEGORY(lcSync, "obslink.sync")
