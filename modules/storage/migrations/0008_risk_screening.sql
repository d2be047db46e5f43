-- Schema version 8: the screening at the first antenatal visit (孕产妇妊娠风险筛查, 2017
-- attachment 1). One row per screening: its result (negative = green, positive = to be assessed
-- and graded), the items answered yes with whether the record or the clinician answered them and
-- the record's evidence, who screened and when, and the versions of the screening form and rule
-- set used. Outbox triggers as in version 5, so the sync engine carries it.
CREATE TABLE risk_screening (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    screened_on TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('negative', 'positive')),
    answers_json TEXT NOT NULL,
    screened_by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    rule_set_id TEXT NOT NULL,
    rule_set_version TEXT NOT NULL
);
CREATE INDEX risk_screening_pregnancy ON risk_screening(pregnancy_id, screened_on);
CREATE TRIGGER risk_screening_outbox_insert AFTER INSERT ON risk_screening
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'risk_screening', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'screened_on', NEW.screened_on, 'result', NEW.result, 'answers_json', NEW.answers_json, 'screened_by', NEW.screened_by, 'note', NEW.note, 'form_id', NEW.form_id, 'form_version', NEW.form_version, 'rule_set_id', NEW.rule_set_id, 'rule_set_version', NEW.rule_set_version),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER risk_screening_outbox_update AFTER UPDATE ON risk_screening
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.screened_on IS NOT NEW.screened_on OR OLD.result IS NOT NEW.result OR OLD.answers_json IS NOT NEW.answers_json OR OLD.screened_by IS NOT NEW.screened_by OR OLD.note IS NOT NEW.note OR OLD.form_id IS NOT NEW.form_id OR OLD.form_version IS NOT NEW.form_version OR OLD.rule_set_id IS NOT NEW.rule_set_id OR OLD.rule_set_version IS NOT NEW.rule_set_version)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'risk_screening', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'screened_on', NEW.screened_on, 'result', NEW.result, 'answers_json', NEW.answers_json, 'screened_by', NEW.screened_by, 'note', NEW.note, 'form_id', NEW.form_id, 'form_version', NEW.form_version, 'rule_set_id', NEW.rule_set_id, 'rule_set_version', NEW.rule_set_version), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.screened_on IS NEW.screened_on THEN '$.screened_on' ELSE '$.-' END, CASE WHEN OLD.result IS NEW.result THEN '$.result' ELSE '$.-' END, CASE WHEN OLD.answers_json IS NEW.answers_json THEN '$.answers_json' ELSE '$.-' END, CASE WHEN OLD.screened_by IS NEW.screened_by THEN '$.screened_by' ELSE '$.-' END, CASE WHEN OLD.note IS NEW.note THEN '$.note' ELSE '$.-' END, CASE WHEN OLD.form_id IS NEW.form_id THEN '$.form_id' ELSE '$.-' END, CASE WHEN OLD.form_version IS NEW.form_version THEN '$.form_version' ELSE '$.-' END, CASE WHEN OLD.rule_set_id IS NEW.rule_set_id THEN '$.rule_set_id' ELSE '$.-' END, CASE WHEN OLD.rule_set_version IS NEW.rule_set_version THEN '$.rule_set_version' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
