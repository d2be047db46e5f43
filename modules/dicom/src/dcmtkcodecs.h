#pragma once

// DCMTK keeps its decoders in a process-wide registry. They are registered once, with the
// same options dcmj2pnm (JPEG, RLE) and dcml2pnm (JPEG-LS) use by default, so that frames come
// out of the decoders exactly as those tools see them.
class DcmtkCodecs
{
public:
    static void registerOnce();
};
