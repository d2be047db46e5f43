-- Schema version 5: high-risk case management (专案管理). A case file per managed pregnancy,
-- its follow-up contacts (the pending one has no done_on), and audited amendments of closed
-- cases. Outbox triggers as in version 4.
CREATE TABLE case_file (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    opened_on TEXT NOT NULL,
    level TEXT NOT NULL,
    purple INTEGER NOT NULL DEFAULT 0,
    responsible_doctor TEXT NOT NULL DEFAULT '',
    responsible_nurse TEXT NOT NULL DEFAULT '',
    management_plan TEXT NOT NULL DEFAULT '',
    delivery_hospital_level TEXT NOT NULL DEFAULT '',
    report_due_on TEXT NOT NULL,
    reported_on TEXT,
    status TEXT NOT NULL,
    closed_on TEXT,
    outcome_kind TEXT,
    outcome_json TEXT
);
CREATE TABLE follow_up_contact (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    case_id TEXT NOT NULL REFERENCES case_file(id),
    kind TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    interventions TEXT NOT NULL DEFAULT '',
    advice TEXT NOT NULL DEFAULT '',
    next_due_on TEXT
);
CREATE TABLE case_amendment (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    case_id TEXT NOT NULL REFERENCES case_file(id),
    amended_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL
);
CREATE INDEX case_file_pregnancy ON case_file(pregnancy_id);
CREATE INDEX case_file_status ON case_file(status, report_due_on);
CREATE INDEX contact_case ON follow_up_contact(case_id);
CREATE INDEX contact_pending_due ON follow_up_contact(due_on) WHERE done_on IS NULL AND deleted = 0;
CREATE INDEX amendment_case ON case_amendment(case_id);
CREATE TRIGGER case_file_outbox_insert AFTER INSERT ON case_file
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'case_file', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'opened_on', NEW.opened_on, 'level', NEW.level, 'purple', NEW.purple, 'responsible_doctor', NEW.responsible_doctor, 'responsible_nurse', NEW.responsible_nurse, 'management_plan', NEW.management_plan, 'delivery_hospital_level', NEW.delivery_hospital_level, 'report_due_on', NEW.report_due_on, 'reported_on', NEW.reported_on, 'status', NEW.status, 'closed_on', NEW.closed_on, 'outcome_kind', NEW.outcome_kind, 'outcome_json', NEW.outcome_json),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER case_file_outbox_update AFTER UPDATE ON case_file
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.opened_on IS NOT NEW.opened_on OR OLD.level IS NOT NEW.level OR OLD.purple IS NOT NEW.purple OR OLD.responsible_doctor IS NOT NEW.responsible_doctor OR OLD.responsible_nurse IS NOT NEW.responsible_nurse OR OLD.management_plan IS NOT NEW.management_plan OR OLD.delivery_hospital_level IS NOT NEW.delivery_hospital_level OR OLD.report_due_on IS NOT NEW.report_due_on OR OLD.reported_on IS NOT NEW.reported_on OR OLD.status IS NOT NEW.status OR OLD.closed_on IS NOT NEW.closed_on OR OLD.outcome_kind IS NOT NEW.outcome_kind OR OLD.outcome_json IS NOT NEW.outcome_json)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'case_file', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'opened_on', NEW.opened_on, 'level', NEW.level, 'purple', NEW.purple, 'responsible_doctor', NEW.responsible_doctor, 'responsible_nurse', NEW.responsible_nurse, 'management_plan', NEW.management_plan, 'delivery_hospital_level', NEW.delivery_hospital_level, 'report_due_on', NEW.report_due_on, 'reported_on', NEW.reported_on, 'status', NEW.status, 'closed_on', NEW.closed_on, 'outcome_kind', NEW.outcome_kind, 'outcome_json', NEW.outcome_json), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.opened_on IS NEW.opened_on THEN '$.opened_on' ELSE '$.-' END, CASE WHEN OLD.level IS NEW.level THEN '$.level' ELSE '$.-' END, CASE WHEN OLD.purple IS NEW.purple THEN '$.purple' ELSE '$.-' END, CASE WHEN OLD.responsible_doctor IS NEW.responsible_doctor THEN '$.responsible_doctor' ELSE '$.-' END, CASE WHEN OLD.responsible_nurse IS NEW.responsible_nurse THEN '$.responsible_nurse' ELSE '$.-' END, CASE WHEN OLD.management_plan IS NEW.management_plan THEN '$.management_plan' ELSE '$.-' END, CASE WHEN OLD.delivery_hospital_level IS NEW.delivery_hospital_level THEN '$.delivery_hospital_level' ELSE '$.-' END, CASE WHEN OLD.report_due_on IS NEW.report_due_on THEN '$.report_due_on' ELSE '$.-' END, CASE WHEN OLD.reported_on IS NEW.reported_on THEN '$.reported_on' ELSE '$.-' END, CASE WHEN OLD.status IS NEW.status THEN '$.status' ELSE '$.-' END, CASE WHEN OLD.closed_on IS NEW.closed_on THEN '$.closed_on' ELSE '$.-' END, CASE WHEN OLD.outcome_kind IS NEW.outcome_kind THEN '$.outcome_kind' ELSE '$.-' END, CASE WHEN OLD.outcome_json IS NEW.outcome_json THEN '$.outcome_json' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER follow_up_contact_outbox_insert AFTER INSERT ON follow_up_contact
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'follow_up_contact', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'case_id', NEW.case_id, 'kind', NEW.kind, 'due_on', NEW.due_on, 'done_on', NEW.done_on, 'outcome', NEW.outcome, 'findings', NEW.findings, 'interventions', NEW.interventions, 'advice', NEW.advice, 'next_due_on', NEW.next_due_on),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER follow_up_contact_outbox_update AFTER UPDATE ON follow_up_contact
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.case_id IS NOT NEW.case_id OR OLD.kind IS NOT NEW.kind OR OLD.due_on IS NOT NEW.due_on OR OLD.done_on IS NOT NEW.done_on OR OLD.outcome IS NOT NEW.outcome OR OLD.findings IS NOT NEW.findings OR OLD.interventions IS NOT NEW.interventions OR OLD.advice IS NOT NEW.advice OR OLD.next_due_on IS NOT NEW.next_due_on)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'follow_up_contact', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'case_id', NEW.case_id, 'kind', NEW.kind, 'due_on', NEW.due_on, 'done_on', NEW.done_on, 'outcome', NEW.outcome, 'findings', NEW.findings, 'interventions', NEW.interventions, 'advice', NEW.advice, 'next_due_on', NEW.next_due_on), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.case_id IS NEW.case_id THEN '$.case_id' ELSE '$.-' END, CASE WHEN OLD.kind IS NEW.kind THEN '$.kind' ELSE '$.-' END, CASE WHEN OLD.due_on IS NEW.due_on THEN '$.due_on' ELSE '$.-' END, CASE WHEN OLD.done_on IS NEW.done_on THEN '$.done_on' ELSE '$.-' END, CASE WHEN OLD.outcome IS NEW.outcome THEN '$.outcome' ELSE '$.-' END, CASE WHEN OLD.findings IS NEW.findings THEN '$.findings' ELSE '$.-' END, CASE WHEN OLD.interventions IS NEW.interventions THEN '$.interventions' ELSE '$.-' END, CASE WHEN OLD.advice IS NEW.advice THEN '$.advice' ELSE '$.-' END, CASE WHEN OLD.next_due_on IS NEW.next_due_on THEN '$.next_due_on' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER case_amendment_outbox_insert AFTER INSERT ON case_amendment
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'case_amendment', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'case_id', NEW.case_id, 'amended_on', NEW.amended_on, 'reason', NEW.reason, 'before_json', NEW.before_json, 'after_json', NEW.after_json),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER case_amendment_outbox_update AFTER UPDATE ON case_amendment
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.case_id IS NOT NEW.case_id OR OLD.amended_on IS NOT NEW.amended_on OR OLD.reason IS NOT NEW.reason OR OLD.before_json IS NOT NEW.before_json OR OLD.after_json IS NOT NEW.after_json)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'case_amendment', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'case_id', NEW.case_id, 'amended_on', NEW.amended_on, 'reason', NEW.reason, 'before_json', NEW.before_json, 'after_json', NEW.after_json), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.case_id IS NEW.case_id THEN '$.case_id' ELSE '$.-' END, CASE WHEN OLD.amended_on IS NEW.amended_on THEN '$.amended_on' ELSE '$.-' END, CASE WHEN OLD.reason IS NEW.reason THEN '$.reason' ELSE '$.-' END, CASE WHEN OLD.before_json IS NEW.before_json THEN '$.before_json' ELSE '$.-' END, CASE WHEN OLD.after_json IS NEW.after_json THEN '$.after_json' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
