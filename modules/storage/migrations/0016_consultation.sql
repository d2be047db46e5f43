-- Schema version 16: remote consultation (远程会诊, docs/referrals.md). A consultation is a
-- request to another clinic of the region like a referral, except that the woman does not go:
-- her record and the attached traces, studies and labs do, and the answer is the consultant's
-- signed opinion. It shares the referral's records, sync, the center's access rule and live
-- notices; `purpose` tells the two apart and `consultation_kind` what is asked (a general
-- opinion, a CTG reading, an ultrasound reading). The question is the referral's reason; the
-- opinion is its return-outcome step (diagnosis: the opinion, plan: what is recommended). The
-- outbox triggers of version 15 are replaced so that the new fields sync.
ALTER TABLE referral ADD COLUMN purpose TEXT NOT NULL DEFAULT 'referral' CHECK (purpose IN ('referral', 'consultation'));
ALTER TABLE referral ADD COLUMN consultation_kind TEXT NOT NULL DEFAULT '' CHECK (consultation_kind IN ('', 'general', 'ctg-reading', 'ultrasound-reading'));
DROP TRIGGER referral_outbox_insert;
DROP TRIGGER referral_outbox_update;
CREATE TRIGGER referral_outbox_insert AFTER INSERT ON referral
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'direction', NEW.direction, 'urgency', NEW.urgency, 'target_clinic', NEW.target_clinic, 'target_department', NEW.target_department, 'target_doctor', NEW.target_doctor, 'reason', NEW.reason, 'diagnosis', NEW.diagnosis, 'risk_colour', NEW.risk_colour, 'risk_items', NEW.risk_items, 'summary', NEW.summary, 'purpose', NEW.purpose, 'consultation_kind', NEW.consultation_kind),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER referral_outbox_update AFTER UPDATE ON referral
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.direction IS NOT NEW.direction OR OLD.urgency IS NOT NEW.urgency OR OLD.target_clinic IS NOT NEW.target_clinic OR OLD.target_department IS NOT NEW.target_department OR OLD.target_doctor IS NOT NEW.target_doctor OR OLD.reason IS NOT NEW.reason OR OLD.diagnosis IS NOT NEW.diagnosis OR OLD.risk_colour IS NOT NEW.risk_colour OR OLD.risk_items IS NOT NEW.risk_items OR OLD.summary IS NOT NEW.summary OR OLD.purpose IS NOT NEW.purpose OR OLD.consultation_kind IS NOT NEW.consultation_kind)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'direction', NEW.direction, 'urgency', NEW.urgency, 'target_clinic', NEW.target_clinic, 'target_department', NEW.target_department, 'target_doctor', NEW.target_doctor, 'reason', NEW.reason, 'diagnosis', NEW.diagnosis, 'risk_colour', NEW.risk_colour, 'risk_items', NEW.risk_items, 'summary', NEW.summary, 'purpose', NEW.purpose, 'consultation_kind', NEW.consultation_kind), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.direction IS NEW.direction THEN '$.direction' ELSE '$.-' END, CASE WHEN OLD.urgency IS NEW.urgency THEN '$.urgency' ELSE '$.-' END, CASE WHEN OLD.target_clinic IS NEW.target_clinic THEN '$.target_clinic' ELSE '$.-' END, CASE WHEN OLD.target_department IS NEW.target_department THEN '$.target_department' ELSE '$.-' END, CASE WHEN OLD.target_doctor IS NEW.target_doctor THEN '$.target_doctor' ELSE '$.-' END, CASE WHEN OLD.reason IS NEW.reason THEN '$.reason' ELSE '$.-' END, CASE WHEN OLD.diagnosis IS NEW.diagnosis THEN '$.diagnosis' ELSE '$.-' END, CASE WHEN OLD.risk_colour IS NEW.risk_colour THEN '$.risk_colour' ELSE '$.-' END, CASE WHEN OLD.risk_items IS NEW.risk_items THEN '$.risk_items' ELSE '$.-' END, CASE WHEN OLD.summary IS NEW.summary THEN '$.summary' ELSE '$.-' END, CASE WHEN OLD.purpose IS NEW.purpose THEN '$.purpose' ELSE '$.-' END, CASE WHEN OLD.consultation_kind IS NEW.consultation_kind THEN '$.consultation_kind' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

