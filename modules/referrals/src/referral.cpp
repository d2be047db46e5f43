#include "referrals/referral.h"

#include "keyednames.h"

#include <QCoreApplication>

namespace {
using D = ReferralDirection;
using U = ReferralUrgency;
using K = ReferralAttachmentKind;
using P = ReferralPurpose;
using C = ConsultationKind;
constexpr std::array PurposeNames {
    KeyedName<P> { P::Referral, "referral", QT_TRANSLATE_NOOP("Referrals", "Referral") },
    KeyedName<P> { P::Consultation, "consultation", QT_TRANSLATE_NOOP("Referrals", "Consultation") },
};
constexpr std::array ConsultationKindNames {
    KeyedName<C> { C::General, "general", QT_TRANSLATE_NOOP("Referrals", "General consultation") },
    KeyedName<C> { C::CtgReading, "ctg-reading", QT_TRANSLATE_NOOP("Referrals", "CTG reading") },
    KeyedName<C> { C::UltrasoundReading, "ultrasound-reading", QT_TRANSLATE_NOOP("Referrals", "Ultrasound reading") },
};
constexpr std::array DirectionNames {
    KeyedName<D> { D::Up, "up", QT_TRANSLATE_NOOP("Referrals", "Up-referral") },
    KeyedName<D> { D::Down, "down", QT_TRANSLATE_NOOP("Referrals", "Down-referral") },
};
constexpr std::array UrgencyNames {
    KeyedName<U> { U::Emergency, "emergency", QT_TRANSLATE_NOOP("Referrals", "Emergency") },
    KeyedName<U> { U::Urgent, "urgent", QT_TRANSLATE_NOOP("Referrals", "Urgent") },
    KeyedName<U> { U::Routine, "routine", QT_TRANSLATE_NOOP("Referrals", "Routine") },
};
constexpr std::array AttachmentKindNames {
    KeyedName<K> { K::Ctg, "ctg", QT_TRANSLATE_NOOP("Referrals", "CTG trace") },
    KeyedName<K> { K::Study, "study", QT_TRANSLATE_NOOP("Referrals", "Ultrasound study") },
    KeyedName<K> { K::UltrasoundReport, "ultrasound-report", QT_TRANSLATE_NOOP("Referrals", "Ultrasound report") },
    KeyedName<K> { K::Lab, "lab", QT_TRANSLATE_NOOP("Referrals", "Laboratory result") },
    KeyedName<K> { K::CaseSummary, "case-summary", QT_TRANSLATE_NOOP("Referrals", "High-risk case summary") },
};

template <typename Value, std::size_t N>
QString translated(const std::array<KeyedName<Value>, N> &names, Value value)
{
    return QCoreApplication::translate("Referrals", nameOf(names, value).label);
}
} // namespace

namespace Referrals {

QString key(ReferralDirection direction) { return QString::fromLatin1(nameOf(DirectionNames, direction).key); }
QString key(ReferralUrgency urgency) { return QString::fromLatin1(nameOf(UrgencyNames, urgency).key); }
QString key(ReferralAttachmentKind kind) { return QString::fromLatin1(nameOf(AttachmentKindNames, kind).key); }

QString key(ReferralPurpose purpose) { return QString::fromLatin1(nameOf(PurposeNames, purpose).key); }
QString key(ConsultationKind kind) { return QString::fromLatin1(nameOf(ConsultationKindNames, kind).key); }
std::optional<ReferralPurpose> purposeFromKey(const QString &key) { return fromKey(PurposeNames, key); }
std::optional<ConsultationKind> consultationKindFromKey(const QString &key) { return fromKey(ConsultationKindNames, key); }
QString label(ReferralPurpose purpose) { return translated(PurposeNames, purpose); }
QString label(ConsultationKind kind) { return translated(ConsultationKindNames, kind); }

std::optional<ReferralDirection> directionFromKey(const QString &key) { return fromKey(DirectionNames, key); }
std::optional<ReferralUrgency> urgencyFromKey(const QString &key) { return fromKey(UrgencyNames, key); }
std::optional<ReferralAttachmentKind> attachmentKindFromKey(const QString &key)
{
    return fromKey(AttachmentKindNames, key);
}

QString label(ReferralDirection direction) { return translated(DirectionNames, direction); }
QString label(ReferralUrgency urgency) { return translated(UrgencyNames, urgency); }
QString label(ReferralAttachmentKind kind) { return translated(AttachmentKindNames, kind); }

} // namespace Referrals
