-- Center schema version 5: the region's audit trail (docs/audit.md). Each workstation's chain
-- as it uploaded it, entry by entry, checked on arrival: an entry follows the last one stored
-- for its workstation, and its hash is what its fields give. Nothing here changes or removes
-- an entry: AuditStore only inserts, and an upload that would rewrite one is refused.
CREATE TABLE audit_entry (
    workstation TEXT NOT NULL,
    seq BIGINT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    clinic_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    patient_key TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    received_from TEXT NOT NULL,
    PRIMARY KEY (workstation, seq)
);
CREATE INDEX audit_entry_patient ON audit_entry (patient_key, at);
CREATE INDEX audit_entry_user ON audit_entry (user_name, at);
CREATE INDEX audit_entry_clinic ON audit_entry (clinic_id, at);
