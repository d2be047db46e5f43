-- Center schema version 2: attachments (CTG samples, reports) as blobs addressed by the SHA-256
-- of their bytes (docs/sync-protocol.md, Attachments). Plain SQL for SQLite and PostgreSQL;
-- BYTEA is PostgreSQL's binary type and holds bytes as they are in SQLite too.
-- A complete blob, checked against its address, kept once in the chunks it arrived in.
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    size_bytes BIGINT NOT NULL,
    uploaded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE blob_chunk (
    sha256 TEXT NOT NULL,
    chunk_offset BIGINT NOT NULL,
    length_bytes BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (sha256, chunk_offset)
);
-- Clinics that uploaded the whole blob themselves (the first, or one sending the same bytes
-- again): they may read it back whatever records name it.
CREATE TABLE blob_holder (
    sha256 TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    PRIMARY KEY (sha256, clinic_id)
);
-- Records that name a blob (a field ending in _sha256): whoever may read one of them may
-- read the blob.
CREATE TABLE blob_reference (
    sha256 TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    patient_key TEXT NOT NULL,
    PRIMARY KEY (sha256, table_name, record_id)
);
CREATE INDEX blob_reference_patient ON blob_reference (patient_key);
-- An upload under way, one per blob and clinic, resumed at received_bytes after a cut.
CREATE TABLE blob_upload (
    sha256 TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    received_bytes BIGINT NOT NULL,
    started_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (sha256, clinic_id)
);
CREATE TABLE blob_upload_chunk (
    sha256 TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    chunk_offset BIGINT NOT NULL,
    length_bytes BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (sha256, clinic_id, chunk_offset)
);
