-- Schema version 19: every edit reaches the audit trail (docs/audit.md). A local change of a
-- clinical record already writes its outbox row in the same transaction (version 4); this
-- trigger notes it in audit_edit, so no screen, command or later code path can save a record
-- without the audit knowing. AuditLog turns the noted edits into chained `record-edited`
-- entries (grouped by woman and user) before it writes any other entry and before each upload.
-- Changes pulled from the center (sync_control.applying = 1) write no outbox row; a whole
-- re-publish (applying = 2, SyncJournal::publishAll) is sync's own doing, not an edit.
CREATE TABLE audit_edit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TRIGGER audit_edit_from_outbox AFTER INSERT ON sync_outbox
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO audit_edit (table_name, record_id, operation, author, at)
    VALUES (NEW.table_name, NEW.record_id,
            CASE WHEN NEW.operation = 'update' AND json_extract(NEW.fields, '$.deleted') = 1 THEN 'delete'
                 ELSE NEW.operation END,
            coalesce(json_extract(NEW.fields, '$.author'), ''), NEW.created_at);
END;
