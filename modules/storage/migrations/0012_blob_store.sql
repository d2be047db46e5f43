-- Schema version 12 (a reserved number: a database already at a later version gets it through
-- the migration ledger): attachments travel to and from the regional center as blobs addressed
-- by the SHA-256 of their bytes, in resumable chunks (docs/sync-protocol.md, Attachments;
-- BlobStore in the sync module). The bytes stay where their capability keeps them.
-- blob_home: which record field names a blob and which table (sha256 TEXT PRIMARY KEY,
-- bytes BLOB) holds its bytes here; a blob named by no listed field lives in blob_data.
CREATE TABLE blob_home (
    record_table TEXT NOT NULL,
    sha256_field TEXT NOT NULL,
    content_table TEXT NOT NULL,
    PRIMARY KEY (record_table, sha256_field)
);
INSERT INTO blob_home (record_table, sha256_field, content_table) VALUES ('ctg_trace', 'data_sha256', 'ctg_trace_data');
CREATE TABLE blob_data (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
);
-- One transfer per blob and direction: an upload queued for a blob named by an outbox record
-- (done_bytes: what the center confirmed), or a download asked for (done_bytes: the chunks
-- kept in blob_download_chunk so far). state: pending, done, or refused with the center's code.
CREATE TABLE blob_transfer (
    sha256 TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
    size_bytes INTEGER NOT NULL,
    done_bytes INTEGER NOT NULL DEFAULT 0,
    content_table TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'refused')),
    error_code TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (sha256, direction)
);
CREATE INDEX blob_transfer_pending ON blob_transfer(direction, state);
CREATE TABLE blob_download_chunk (
    sha256 TEXT NOT NULL,
    chunk_offset INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (sha256, chunk_offset)
);
