#include "cases/casefile.h"

QString CaseFile::statusKey(Status status)
{
    return status == Status::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

QString contactKindKey(ContactKind kind)
{
    switch (kind) {
    case ContactKind::ClinicVisit:
        return QStringLiteral("clinic-visit");
    case ContactKind::PhoneCall:
        return QStringLiteral("phone-call");
    case ContactKind::HomeVisit:
        return QStringLiteral("home-visit");
    }
    return {};
}

std::optional<ContactKind> contactKindFromKey(const QString &key)
{
    for (ContactKind kind : {ContactKind::ClinicVisit, ContactKind::PhoneCall, ContactKind::HomeVisit})
        if (contactKindKey(kind) == key)
            return kind;
    return std::nullopt;
}
