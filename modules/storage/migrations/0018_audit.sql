-- Schema version 18: the audit trail of access (docs/audit.md). One chain per workstation: each
-- entry hashed with the one before it (AuditChain), so that a changed or removed entry shows
-- where. Not a synced table (no outbox triggers): entries go to the regional center through
-- their own endpoint, which checks the chain; audit_upload remembers how far it has them.
-- Entries are never changed or removed here: the triggers refuse it whoever asks.
CREATE TABLE audit_entry (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    workstation TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    patient_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_entry_patient ON audit_entry(patient_id, at);
CREATE TRIGGER audit_entry_append_only_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
CREATE TRIGGER audit_entry_append_only_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
CREATE TABLE audit_upload (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uploaded_seq INTEGER NOT NULL
);
INSERT INTO audit_upload (id, uploaded_seq) VALUES (1, 0);
