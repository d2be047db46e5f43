#include "domain/riskgraderecord.h"

QString RiskGradeRecord::statusKey(Status status)
{
    switch (status) {
    case Status::Proposed:
        return QStringLiteral("proposed");
    case Status::Confirmed:
        return QStringLiteral("confirmed");
    case Status::Overridden:
        return QStringLiteral("overridden");
    }
    return {};
}

std::optional<RiskGradeRecord::Status> RiskGradeRecord::statusFromKey(const QString &key)
{
    for (Status status : {Status::Proposed, Status::Confirmed, Status::Overridden})
        if (statusKey(status) == key)
            return status;
    return std::nullopt;
}
