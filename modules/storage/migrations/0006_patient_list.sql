-- Schema version 6: the patient list reads one table. What it sorts by from the current
-- pregnancy (EDD, next visit due, risk grade) is copied onto the patient row by triggers,
-- whoever writes (this code, sync, a repair), and every order of the list has an index, so a
-- page of 100,000 women is read in order, or from the few that match, without a join per
-- candidate (bench_storage measures it).
ALTER TABLE patient ADD COLUMN list_edd TEXT;
ALTER TABLE patient ADD COLUMN list_next_visit_due TEXT;
-- Risk order: red 4, orange 3, yellow 2, green 1, not graded 0; twice that, plus 1 if purple.
ALTER TABLE patient ADD COLUMN list_risk INTEGER NOT NULL DEFAULT 0;
UPDATE patient SET
    list_edd = (SELECT edd FROM pregnancy WHERE id = patient.current_pregnancy_id),
    list_next_visit_due = (SELECT next_visit_due FROM pregnancy WHERE id = patient.current_pregnancy_id),
    list_risk = coalesce((SELECT (CASE risk_level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END) * 2 + risk_purple
                          FROM pregnancy WHERE id = patient.current_pregnancy_id), 0);
CREATE TRIGGER patient_list_follows_pregnancy AFTER UPDATE OF edd, next_visit_due, risk_level, risk_purple ON pregnancy
BEGIN
    UPDATE patient SET list_edd = NEW.edd, list_next_visit_due = NEW.next_visit_due,
        list_risk = (CASE NEW.risk_level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END) * 2 + NEW.risk_purple
    WHERE id = NEW.patient_id AND current_pregnancy_id = NEW.id;
END;
CREATE TRIGGER patient_list_follows_current AFTER UPDATE OF current_pregnancy_id ON patient
BEGIN
    UPDATE patient SET
        list_edd = (SELECT edd FROM pregnancy WHERE id = NEW.current_pregnancy_id),
        list_next_visit_due = (SELECT next_visit_due FROM pregnancy WHERE id = NEW.current_pregnancy_id),
        list_risk = coalesce((SELECT (CASE risk_level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END) * 2 + risk_purple
                              FROM pregnancy WHERE id = NEW.current_pregnancy_id), 0)
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER patient_list_on_insert AFTER INSERT ON patient WHEN NEW.current_pregnancy_id IS NOT NULL
BEGIN
    UPDATE patient SET
        list_edd = (SELECT edd FROM pregnancy WHERE id = NEW.current_pregnancy_id),
        list_next_visit_due = (SELECT next_visit_due FROM pregnancy WHERE id = NEW.current_pregnancy_id),
        list_risk = coalesce((SELECT (CASE risk_level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END) * 2 + risk_purple
                              FROM pregnancy WHERE id = NEW.current_pregnancy_id), 0)
    WHERE rowid = NEW.rowid;
END;
CREATE INDEX patient_birth_date ON patient(birth_date);
CREATE INDEX patient_list_edd ON patient(list_edd);
CREATE INDEX patient_list_next_visit ON patient(list_next_visit_due);
CREATE INDEX patient_list_risk ON patient(list_risk);
-- The search indexes (prefix ranges on name, ID number, phone, reversed phone digits, record
-- number) also hold every sort key and the tombstone, so the women a prefix matches are sorted
-- without reading a table row.
DROP INDEX patient_name;
CREATE INDEX patient_name ON patient(name, deleted, updated_at, record_number, birth_date, list_edd, list_next_visit_due, list_risk);
DROP INDEX patient_national_id;
CREATE INDEX patient_national_id ON patient(national_id, deleted, updated_at, name, record_number, birth_date, list_edd, list_next_visit_due, list_risk);
DROP INDEX patient_phone;
CREATE INDEX patient_phone ON patient(phone, deleted, updated_at, name, record_number, birth_date, list_edd, list_next_visit_due, list_risk);
DROP INDEX patient_phone_reversed;
CREATE INDEX patient_phone_reversed ON patient(phone_reversed, deleted, updated_at, name, record_number, birth_date, list_edd, list_next_visit_due, list_risk);
-- Record numbers are compared without regard to ASCII case ("mh0012" finds "MH0012"), for the
-- search prefix as for the duplicate check.
DROP INDEX patient_record_number;
CREATE INDEX patient_record_number ON patient(record_number COLLATE NOCASE, deleted, updated_at, name, birth_date, list_edd, list_next_visit_due, list_risk);
-- Tombstones only, for counting the living quickly (everyone less these); no other query can
-- pick it, since none asks for deleted <> 0.
CREATE INDEX patient_tombstones ON patient(deleted) WHERE deleted <> 0;
