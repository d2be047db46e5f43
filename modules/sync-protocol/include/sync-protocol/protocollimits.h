#pragma once

#include <QtGlobal>

// Bounds on every sync request and reply, checked before anything is stored or applied, so that a
// hostile or broken peer can cost neither side more than this much memory or work.
struct ProtocolLimits
{
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int maxMutationsPerPush = 1000;
    int maxChangesPerPull = 2000;
    int maxFieldsPerRecord = 64;
    int maxTextValueLength = 256 * 1024;
    int maxIdentifierLength = 64;
    // Attachments (content-addressed blobs, uploaded and downloaded in chunks).
    qint64 maxBlobBytes = 64 * 1024 * 1024;
    qint64 maxBlobChunkBytes = 4 * 1024 * 1024;
    int maxUploadsInProgressPerClinic = 64;
};

// The API generation spoken; a server answers requests for other versions with 404.
inline constexpr int SyncApiVersion = 1;
