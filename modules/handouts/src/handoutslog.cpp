#include "handoutslog.h"

Q_LOGGING_CATEGORY(lcHandouts, "obslink.handouts")
