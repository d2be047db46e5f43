-- Center schema version 1. Plain SQL that SQLite and PostgreSQL both accept, so one set of
-- migrations serves the embedded default and production.
CREATE TABLE clinic (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    is_center INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE app_user (
    username TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinic (id),
    role TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0
);
-- Tokens are stored as SHA-256 hashes: a copy of this table does not let anyone log in.
CREATE TABLE session_token (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES app_user (username),
    kind TEXT NOT NULL,
    device_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX session_token_user ON session_token (username);
-- One row whose update serialises pushes, so change sequence numbers become visible in order
-- and a pull cursor can never step over a change committed late.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);
-- Every synced record's current state (all fields as JSON), with the revision and writing
-- device of each field for the field-level merge.
CREATE TABLE synced_record (
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    patient_key TEXT NOT NULL,
    revision BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    fields TEXT NOT NULL,
    field_revisions TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
);
CREATE UNIQUE INDEX synced_record_seq ON synced_record (seq);
CREATE INDEX synced_record_patient ON synced_record (patient_key);
CREATE INDEX synced_record_clinic ON synced_record (clinic_id, seq);
CREATE TABLE applied_mutation (
    mutation_id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    revision BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    applied_at BIGINT NOT NULL
);
-- Both versions of a field changed on two sides; kept until a later change resolves it.
CREATE TABLE field_conflict (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    server_value TEXT NOT NULL,
    client_value TEXT NOT NULL,
    revision BIGINT NOT NULL,
    mutation_id TEXT NOT NULL,
    username TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT
);
CREATE INDEX field_conflict_record ON field_conflict (table_name, record_id);
-- Referral: a woman's records visible to another clinic besides her own.
CREATE TABLE shared_patient (
    patient_key TEXT NOT NULL,
    clinic_id TEXT NOT NULL REFERENCES clinic (id),
    shared_by TEXT NOT NULL,
    shared_at BIGINT NOT NULL,
    PRIMARY KEY (patient_key, clinic_id)
);
CREATE INDEX shared_patient_clinic ON shared_patient (clinic_id);
