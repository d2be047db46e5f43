-- Schema version 10: what the sync engine needs beyond the outbox. A mutation the center
-- refuses stays in the outbox, marked with the reason, so nothing entered is ever dropped; a
-- field changed both here and elsewhere is kept with both values until a clinician chooses.
ALTER TABLE sync_outbox ADD COLUMN rejected_code TEXT;
ALTER TABLE sync_outbox ADD COLUMN rejected_message TEXT;
CREATE INDEX sync_outbox_record ON sync_outbox(table_name, record_id);
CREATE TABLE sync_conflict (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    local_value TEXT,
    center_value TEXT,
    detected_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, table_name, record_id);
