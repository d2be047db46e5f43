// The sync protocol decoder on hostile bodies: what a clinic pushes to the center, and what a
// center (or something pretending to be one) answers to a push or a pull. Whatever decodes must
// survive being encoded and decoded again unchanged, so the two sides never disagree.
#include "fuzzinput.h"
#include "sync-protocol/protocolcodec.h"

namespace {
template<typename Decode>
void roundTrip(const QByteArray &body, Decode decode)
{
    const auto first = decode(body, ProtocolLimits {});
    if (!first)
        return;
    const QByteArray encoded = ProtocolCodec::encode(*first);
    const auto second = decode(encoded, ProtocolLimits {});
    if (!second || ProtocolCodec::encode(*second) != encoded)
        __builtin_trap();
}
} // namespace

// Input: a selector byte ('q' a push request, 's' a push response, anything else a pull
// response), then the JSON body.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0]) {
    case 'q':
        roundTrip(body, &ProtocolCodec::decodePushRequest);
        break;
    case 's':
        roundTrip(body, &ProtocolCodec::decodePushResponse);
        break;
    default:
        roundTrip(body, &ProtocolCodec::decodePullResponse);
    }
    return 0;
}
