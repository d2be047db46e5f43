-- Schema version 17: a consultation answered by a signed reading (docs/referrals.md). A CTG
-- reading is answered by the consultant's signed interpretation of the attached trace, an
-- ultrasound reading by her signed report of the attached study; the opinion step names that
-- record so that the asking clinic opens the reading itself, not only its text. Empty for an
-- opinion written in the step form. The outbox trigger of version 15 is replaced so that the new
-- fields sync.
ALTER TABLE referral_step ADD COLUMN outcome_reading_kind TEXT NOT NULL DEFAULT ''
    CHECK (outcome_reading_kind IN ('', 'ctg-interpretation', 'ultrasound-report'));
ALTER TABLE referral_step ADD COLUMN outcome_reading_id TEXT NOT NULL DEFAULT '';
DROP TRIGGER referral_step_outbox_insert;
CREATE TRIGGER referral_step_outbox_insert AFTER INSERT ON referral_step
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'referral_step', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'referral_id', NEW.referral_id, 'action', NEW.action, 'reason', NEW.reason, 'outcome_diagnosis', NEW.outcome_diagnosis, 'outcome_treatment', NEW.outcome_treatment, 'outcome_plan', NEW.outcome_plan, 'outcome_advice', NEW.outcome_advice, 'outcome_reading_kind', NEW.outcome_reading_kind, 'outcome_reading_id', NEW.outcome_reading_id),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

