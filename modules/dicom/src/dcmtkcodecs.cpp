#include "dcmtkcodecs.h"

#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>

void DcmtkCodecs::registerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // DCMTK would print its own warnings on stderr; the module reports what matters itself
        // (translated, through Result) and logs to obslink.dicom.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        DcmRLEDecoderRegistration::registerCodecs();
        // dcmj2pnm's defaults: convert YCbCr to RGB when the photometric interpretation says
        // YCbCr, default UID and planar configuration handling, no workarounds.
        DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation, EUC_default, EPC_default);
        DJLSDecoderRegistration::registerCodecs();
    });
}
