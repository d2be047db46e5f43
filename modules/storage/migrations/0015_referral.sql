-- Schema version 15: two-way referral between the clinics of the region (docs/referrals.md).
-- A referral is the request (for which pregnancy, up to the center or down to her clinic, how
-- urgent, to whom, why, her five-color grade and risk items when sent, a clinical summary); its
-- life cycle is the steps both sides take, each an append-only record with who, where and when
-- (clinic_id, author, created_at), so that steps taken on two sides while apart all reach every
-- copy and none overwrites another; the attachments are the items the sender picked (a CTG
-- trace, an ultrasound study or report, a lab, the case-file summary), named by their record id
-- or Study Instance UID. Outbox triggers as in version 4; a step is never updated.
CREATE TABLE referral (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
    target_clinic TEXT NOT NULL,
    target_department TEXT NOT NULL DEFAULT '',
    target_doctor TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    diagnosis TEXT NOT NULL DEFAULT '',
    risk_colour TEXT NOT NULL DEFAULT '',
    risk_items TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_pregnancy ON referral(pregnancy_id);
CREATE INDEX referral_target ON referral(target_clinic) WHERE deleted = 0;
CREATE TABLE referral_step (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    referral_id TEXT NOT NULL REFERENCES referral(id),
    action TEXT NOT NULL CHECK (action IN ('send', 'receive', 'accept', 'decline', 'arrive', 'return-outcome', 'close', 'cancel')),
    reason TEXT NOT NULL DEFAULT '',
    outcome_diagnosis TEXT NOT NULL DEFAULT '',
    outcome_treatment TEXT NOT NULL DEFAULT '',
    outcome_plan TEXT NOT NULL DEFAULT '',
    outcome_advice TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_step_referral ON referral_step(referral_id, created_at);
CREATE TABLE referral_attachment (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    referral_id TEXT NOT NULL REFERENCES referral(id),
    kind TEXT NOT NULL CHECK (kind IN ('ctg', 'study', 'ultrasound-report', 'lab', 'case-summary')),
    item_ref TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_attachment_referral ON referral_attachment(referral_id);
-- Steps are history: once taken, never changed here (sync applies them as they were taken).
CREATE TRIGGER referral_step_append_only BEFORE UPDATE ON referral_step
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    SELECT RAISE(ABORT, 'referral steps are append-only');
END;
CREATE TRIGGER referral_outbox_insert AFTER INSERT ON referral
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'direction', NEW.direction, 'urgency', NEW.urgency, 'target_clinic', NEW.target_clinic, 'target_department', NEW.target_department, 'target_doctor', NEW.target_doctor, 'reason', NEW.reason, 'diagnosis', NEW.diagnosis, 'risk_colour', NEW.risk_colour, 'risk_items', NEW.risk_items, 'summary', NEW.summary),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER referral_outbox_update AFTER UPDATE ON referral
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.direction IS NOT NEW.direction OR OLD.urgency IS NOT NEW.urgency OR OLD.target_clinic IS NOT NEW.target_clinic OR OLD.target_department IS NOT NEW.target_department OR OLD.target_doctor IS NOT NEW.target_doctor OR OLD.reason IS NOT NEW.reason OR OLD.diagnosis IS NOT NEW.diagnosis OR OLD.risk_colour IS NOT NEW.risk_colour OR OLD.risk_items IS NOT NEW.risk_items OR OLD.summary IS NOT NEW.summary)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'direction', NEW.direction, 'urgency', NEW.urgency, 'target_clinic', NEW.target_clinic, 'target_department', NEW.target_department, 'target_doctor', NEW.target_doctor, 'reason', NEW.reason, 'diagnosis', NEW.diagnosis, 'risk_colour', NEW.risk_colour, 'risk_items', NEW.risk_items, 'summary', NEW.summary), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.direction IS NEW.direction THEN '$.direction' ELSE '$.-' END, CASE WHEN OLD.urgency IS NEW.urgency THEN '$.urgency' ELSE '$.-' END, CASE WHEN OLD.target_clinic IS NEW.target_clinic THEN '$.target_clinic' ELSE '$.-' END, CASE WHEN OLD.target_department IS NEW.target_department THEN '$.target_department' ELSE '$.-' END, CASE WHEN OLD.target_doctor IS NEW.target_doctor THEN '$.target_doctor' ELSE '$.-' END, CASE WHEN OLD.reason IS NEW.reason THEN '$.reason' ELSE '$.-' END, CASE WHEN OLD.diagnosis IS NEW.diagnosis THEN '$.diagnosis' ELSE '$.-' END, CASE WHEN OLD.risk_colour IS NEW.risk_colour THEN '$.risk_colour' ELSE '$.-' END, CASE WHEN OLD.risk_items IS NEW.risk_items THEN '$.risk_items' ELSE '$.-' END, CASE WHEN OLD.summary IS NEW.summary THEN '$.summary' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER referral_step_outbox_insert AFTER INSERT ON referral_step
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral_step', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'referral_id', NEW.referral_id, 'action', NEW.action, 'reason', NEW.reason, 'outcome_diagnosis', NEW.outcome_diagnosis, 'outcome_treatment', NEW.outcome_treatment, 'outcome_plan', NEW.outcome_plan, 'outcome_advice', NEW.outcome_advice),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER referral_attachment_outbox_insert AFTER INSERT ON referral_attachment
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral_attachment', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'referral_id', NEW.referral_id, 'kind', NEW.kind, 'item_ref', NEW.item_ref, 'label', NEW.label),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER referral_attachment_outbox_update AFTER UPDATE ON referral_attachment
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.referral_id IS NOT NEW.referral_id OR OLD.kind IS NOT NEW.kind OR OLD.item_ref IS NOT NEW.item_ref OR OLD.label IS NOT NEW.label)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral_attachment', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'referral_id', NEW.referral_id, 'kind', NEW.kind, 'item_ref', NEW.item_ref, 'label', NEW.label), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.referral_id IS NEW.referral_id THEN '$.referral_id' ELSE '$.-' END, CASE WHEN OLD.kind IS NEW.kind THEN '$.kind' ELSE '$.-' END, CASE WHEN OLD.item_ref IS NEW.item_ref THEN '$.item_ref' ELSE '$.-' END, CASE WHEN OLD.label IS NEW.label THEN '$.label' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

