-- Schema version 14: the patient list finds a woman by her name in pinyin, initials ("zyj" for
-- 张雅静) or full ("zhangyajing"), as prefix range scans like the other searches (migration 6).
-- The keys are derived from the name (PinyinKeys, modules/pinyin), written with it by
-- PatientRepository, rebuilt for records that arrive by sync, and back-filled for the women
-- already on file when this migration runs. They are local: the outbox does not carry them.
ALTER TABLE patient ADD COLUMN pinyin_initials TEXT;
ALTER TABLE patient ADD COLUMN pinyin_full TEXT;
CREATE INDEX patient_pinyin_initials ON patient(pinyin_initials, deleted, updated_at, name, record_number, birth_date, list_edd, list_next_visit_due, list_risk);
CREATE INDEX patient_pinyin_full ON patient(pinyin_full, deleted, updated_at, name, record_number, birth_date, list_edd, list_next_visit_due, list_risk);
