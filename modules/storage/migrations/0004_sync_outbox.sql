-- Schema version 4: the sync outbox. Every local change to a clinical record is captured by
-- triggers in the same transaction as the change itself, so a record can never be saved without
-- its outbox entry (or the other way round), whatever crashes. The sync engine sets
-- sync_control.applying while it applies changes pulled from the center, so those are not
-- echoed back. An update carries only the synced fields that changed, and the revision it was
-- based on, for the center's field-level merge.
CREATE TABLE sync_control (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    applying INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_control (id, applying) VALUES (1, 0);
CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id TEXT NOT NULL UNIQUE,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    base_revision INTEGER NOT NULL,
    fields TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- The pull cursor lives in the same database, written in the same transaction as the pulled
-- changes it covers.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TRIGGER patient_outbox_insert AFTER INSERT ON patient
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'patient', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'record_number', NEW.record_number, 'name', NEW.name, 'national_id', NEW.national_id, 'birth_date', NEW.birth_date, 'phone', NEW.phone, 'address', NEW.address),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER patient_outbox_update AFTER UPDATE ON patient
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.record_number IS NOT NEW.record_number OR OLD.name IS NOT NEW.name OR OLD.national_id IS NOT NEW.national_id OR OLD.birth_date IS NOT NEW.birth_date OR OLD.phone IS NOT NEW.phone OR OLD.address IS NOT NEW.address)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'patient', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'record_number', NEW.record_number, 'name', NEW.name, 'national_id', NEW.national_id, 'birth_date', NEW.birth_date, 'phone', NEW.phone, 'address', NEW.address), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.record_number IS NEW.record_number THEN '$.record_number' ELSE '$.-' END, CASE WHEN OLD.name IS NEW.name THEN '$.name' ELSE '$.-' END, CASE WHEN OLD.national_id IS NEW.national_id THEN '$.national_id' ELSE '$.-' END, CASE WHEN OLD.birth_date IS NEW.birth_date THEN '$.birth_date' ELSE '$.-' END, CASE WHEN OLD.phone IS NEW.phone THEN '$.phone' ELSE '$.-' END, CASE WHEN OLD.address IS NEW.address THEN '$.address' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER pregnancy_outbox_insert AFTER INSERT ON pregnancy
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'pregnancy', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'patient_id', NEW.patient_id, 'booking_date', NEW.booking_date, 'lmp', NEW.lmp, 'ultrasound_scan_date', NEW.ultrasound_scan_date, 'ultrasound_ga_days', NEW.ultrasound_ga_days, 'gravida', NEW.gravida, 'para', NEW.para, 'fetuses', NEW.fetuses, 'status', NEW.status, 'height_cm', NEW.height_cm, 'pre_pregnancy_weight_kg', NEW.pre_pregnancy_weight_kg, 'uterine_surgeries', NEW.uterine_surgeries, 'last_uterine_surgery_date', NEW.last_uterine_surgery_date),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER pregnancy_outbox_update AFTER UPDATE ON pregnancy
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.patient_id IS NOT NEW.patient_id OR OLD.booking_date IS NOT NEW.booking_date OR OLD.lmp IS NOT NEW.lmp OR OLD.ultrasound_scan_date IS NOT NEW.ultrasound_scan_date OR OLD.ultrasound_ga_days IS NOT NEW.ultrasound_ga_days OR OLD.gravida IS NOT NEW.gravida OR OLD.para IS NOT NEW.para OR OLD.fetuses IS NOT NEW.fetuses OR OLD.status IS NOT NEW.status OR OLD.height_cm IS NOT NEW.height_cm OR OLD.pre_pregnancy_weight_kg IS NOT NEW.pre_pregnancy_weight_kg OR OLD.uterine_surgeries IS NOT NEW.uterine_surgeries OR OLD.last_uterine_surgery_date IS NOT NEW.last_uterine_surgery_date)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'pregnancy', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'patient_id', NEW.patient_id, 'booking_date', NEW.booking_date, 'lmp', NEW.lmp, 'ultrasound_scan_date', NEW.ultrasound_scan_date, 'ultrasound_ga_days', NEW.ultrasound_ga_days, 'gravida', NEW.gravida, 'para', NEW.para, 'fetuses', NEW.fetuses, 'status', NEW.status, 'height_cm', NEW.height_cm, 'pre_pregnancy_weight_kg', NEW.pre_pregnancy_weight_kg, 'uterine_surgeries', NEW.uterine_surgeries, 'last_uterine_surgery_date', NEW.last_uterine_surgery_date), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.patient_id IS NEW.patient_id THEN '$.patient_id' ELSE '$.-' END, CASE WHEN OLD.booking_date IS NEW.booking_date THEN '$.booking_date' ELSE '$.-' END, CASE WHEN OLD.lmp IS NEW.lmp THEN '$.lmp' ELSE '$.-' END, CASE WHEN OLD.ultrasound_scan_date IS NEW.ultrasound_scan_date THEN '$.ultrasound_scan_date' ELSE '$.-' END, CASE WHEN OLD.ultrasound_ga_days IS NEW.ultrasound_ga_days THEN '$.ultrasound_ga_days' ELSE '$.-' END, CASE WHEN OLD.gravida IS NEW.gravida THEN '$.gravida' ELSE '$.-' END, CASE WHEN OLD.para IS NEW.para THEN '$.para' ELSE '$.-' END, CASE WHEN OLD.fetuses IS NEW.fetuses THEN '$.fetuses' ELSE '$.-' END, CASE WHEN OLD.status IS NEW.status THEN '$.status' ELSE '$.-' END, CASE WHEN OLD.height_cm IS NEW.height_cm THEN '$.height_cm' ELSE '$.-' END, CASE WHEN OLD.pre_pregnancy_weight_kg IS NEW.pre_pregnancy_weight_kg THEN '$.pre_pregnancy_weight_kg' ELSE '$.-' END, CASE WHEN OLD.uterine_surgeries IS NEW.uterine_surgeries THEN '$.uterine_surgeries' ELSE '$.-' END, CASE WHEN OLD.last_uterine_surgery_date IS NEW.last_uterine_surgery_date THEN '$.last_uterine_surgery_date' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER antenatal_visit_outbox_insert AFTER INSERT ON antenatal_visit
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'antenatal_visit', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'visit_date', NEW.visit_date, 'ga_days', NEW.ga_days, 'systolic_mmhg', NEW.systolic_mmhg, 'diastolic_mmhg', NEW.diastolic_mmhg, 'pulse_bpm', NEW.pulse_bpm, 'weight_kg', NEW.weight_kg, 'fundal_height_cm', NEW.fundal_height_cm, 'abdominal_girth_cm', NEW.abdominal_girth_cm, 'fetal_heart_rate_bpm', NEW.fetal_heart_rate_bpm, 'presentation', NEW.presentation, 'oedema', NEW.oedema, 'urine_protein', NEW.urine_protein, 'notes', NEW.notes),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER antenatal_visit_outbox_update AFTER UPDATE ON antenatal_visit
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.visit_date IS NOT NEW.visit_date OR OLD.ga_days IS NOT NEW.ga_days OR OLD.systolic_mmhg IS NOT NEW.systolic_mmhg OR OLD.diastolic_mmhg IS NOT NEW.diastolic_mmhg OR OLD.pulse_bpm IS NOT NEW.pulse_bpm OR OLD.weight_kg IS NOT NEW.weight_kg OR OLD.fundal_height_cm IS NOT NEW.fundal_height_cm OR OLD.abdominal_girth_cm IS NOT NEW.abdominal_girth_cm OR OLD.fetal_heart_rate_bpm IS NOT NEW.fetal_heart_rate_bpm OR OLD.presentation IS NOT NEW.presentation OR OLD.oedema IS NOT NEW.oedema OR OLD.urine_protein IS NOT NEW.urine_protein OR OLD.notes IS NOT NEW.notes)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'antenatal_visit', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'visit_date', NEW.visit_date, 'ga_days', NEW.ga_days, 'systolic_mmhg', NEW.systolic_mmhg, 'diastolic_mmhg', NEW.diastolic_mmhg, 'pulse_bpm', NEW.pulse_bpm, 'weight_kg', NEW.weight_kg, 'fundal_height_cm', NEW.fundal_height_cm, 'abdominal_girth_cm', NEW.abdominal_girth_cm, 'fetal_heart_rate_bpm', NEW.fetal_heart_rate_bpm, 'presentation', NEW.presentation, 'oedema', NEW.oedema, 'urine_protein', NEW.urine_protein, 'notes', NEW.notes), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.visit_date IS NEW.visit_date THEN '$.visit_date' ELSE '$.-' END, CASE WHEN OLD.ga_days IS NEW.ga_days THEN '$.ga_days' ELSE '$.-' END, CASE WHEN OLD.systolic_mmhg IS NEW.systolic_mmhg THEN '$.systolic_mmhg' ELSE '$.-' END, CASE WHEN OLD.diastolic_mmhg IS NEW.diastolic_mmhg THEN '$.diastolic_mmhg' ELSE '$.-' END, CASE WHEN OLD.pulse_bpm IS NEW.pulse_bpm THEN '$.pulse_bpm' ELSE '$.-' END, CASE WHEN OLD.weight_kg IS NEW.weight_kg THEN '$.weight_kg' ELSE '$.-' END, CASE WHEN OLD.fundal_height_cm IS NEW.fundal_height_cm THEN '$.fundal_height_cm' ELSE '$.-' END, CASE WHEN OLD.abdominal_girth_cm IS NEW.abdominal_girth_cm THEN '$.abdominal_girth_cm' ELSE '$.-' END, CASE WHEN OLD.fetal_heart_rate_bpm IS NEW.fetal_heart_rate_bpm THEN '$.fetal_heart_rate_bpm' ELSE '$.-' END, CASE WHEN OLD.presentation IS NEW.presentation THEN '$.presentation' ELSE '$.-' END, CASE WHEN OLD.oedema IS NEW.oedema THEN '$.oedema' ELSE '$.-' END, CASE WHEN OLD.urine_protein IS NEW.urine_protein THEN '$.urine_protein' ELSE '$.-' END, CASE WHEN OLD.notes IS NEW.notes THEN '$.notes' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER lab_result_outbox_insert AFTER INSERT ON lab_result
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'lab_result', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'taken_on', NEW.taken_on, 'test', NEW.test, 'value', NEW.value, 'upper_limit_of_normal', NEW.upper_limit_of_normal, 'serology', NEW.serology),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER lab_result_outbox_update AFTER UPDATE ON lab_result
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.taken_on IS NOT NEW.taken_on OR OLD.test IS NOT NEW.test OR OLD.value IS NOT NEW.value OR OLD.upper_limit_of_normal IS NOT NEW.upper_limit_of_normal OR OLD.serology IS NOT NEW.serology)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'lab_result', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'taken_on', NEW.taken_on, 'test', NEW.test, 'value', NEW.value, 'upper_limit_of_normal', NEW.upper_limit_of_normal, 'serology', NEW.serology), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.taken_on IS NEW.taken_on THEN '$.taken_on' ELSE '$.-' END, CASE WHEN OLD.test IS NEW.test THEN '$.test' ELSE '$.-' END, CASE WHEN OLD.value IS NEW.value THEN '$.value' ELSE '$.-' END, CASE WHEN OLD.upper_limit_of_normal IS NEW.upper_limit_of_normal THEN '$.upper_limit_of_normal' ELSE '$.-' END, CASE WHEN OLD.serology IS NEW.serology THEN '$.serology' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER risk_assessment_outbox_insert AFTER INSERT ON risk_assessment
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'risk_assessment', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'assessed_on', NEW.assessed_on, 'ga_days', NEW.ga_days, 'proposed_level', NEW.proposed_level, 'proposed_purple', NEW.proposed_purple, 'level', NEW.level, 'purple', NEW.purple, 'status', NEW.status, 'reason', NEW.reason, 'decided_by', NEW.decided_by, 'decided_at', NEW.decided_at, 'rule_set_id', NEW.rule_set_id, 'rule_set_version', NEW.rule_set_version, 'result_json', NEW.result_json),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER risk_assessment_outbox_update AFTER UPDATE ON risk_assessment
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.assessed_on IS NOT NEW.assessed_on OR OLD.ga_days IS NOT NEW.ga_days OR OLD.proposed_level IS NOT NEW.proposed_level OR OLD.proposed_purple IS NOT NEW.proposed_purple OR OLD.level IS NOT NEW.level OR OLD.purple IS NOT NEW.purple OR OLD.status IS NOT NEW.status OR OLD.reason IS NOT NEW.reason OR OLD.decided_by IS NOT NEW.decided_by OR OLD.decided_at IS NOT NEW.decided_at OR OLD.rule_set_id IS NOT NEW.rule_set_id OR OLD.rule_set_version IS NOT NEW.rule_set_version OR OLD.result_json IS NOT NEW.result_json)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'risk_assessment', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'assessed_on', NEW.assessed_on, 'ga_days', NEW.ga_days, 'proposed_level', NEW.proposed_level, 'proposed_purple', NEW.proposed_purple, 'level', NEW.level, 'purple', NEW.purple, 'status', NEW.status, 'reason', NEW.reason, 'decided_by', NEW.decided_by, 'decided_at', NEW.decided_at, 'rule_set_id', NEW.rule_set_id, 'rule_set_version', NEW.rule_set_version, 'result_json', NEW.result_json), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.assessed_on IS NEW.assessed_on THEN '$.assessed_on' ELSE '$.-' END, CASE WHEN OLD.ga_days IS NEW.ga_days THEN '$.ga_days' ELSE '$.-' END, CASE WHEN OLD.proposed_level IS NEW.proposed_level THEN '$.proposed_level' ELSE '$.-' END, CASE WHEN OLD.proposed_purple IS NEW.proposed_purple THEN '$.proposed_purple' ELSE '$.-' END, CASE WHEN OLD.level IS NEW.level THEN '$.level' ELSE '$.-' END, CASE WHEN OLD.purple IS NEW.purple THEN '$.purple' ELSE '$.-' END, CASE WHEN OLD.status IS NEW.status THEN '$.status' ELSE '$.-' END, CASE WHEN OLD.reason IS NEW.reason THEN '$.reason' ELSE '$.-' END, CASE WHEN OLD.decided_by IS NEW.decided_by THEN '$.decided_by' ELSE '$.-' END, CASE WHEN OLD.decided_at IS NEW.decided_at THEN '$.decided_at' ELSE '$.-' END, CASE WHEN OLD.rule_set_id IS NEW.rule_set_id THEN '$.rule_set_id' ELSE '$.-' END, CASE WHEN OLD.rule_set_version IS NEW.rule_set_version THEN '$.rule_set_version' ELSE '$.-' END, CASE WHEN OLD.result_json IS NEW.result_json THEN '$.result_json' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER risk_finding_outbox_insert AFTER INSERT ON risk_finding
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'risk_finding', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'rule_id', NEW.rule_id, 'noted_on', NEW.noted_on, 'note', NEW.note),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER risk_finding_outbox_update AFTER UPDATE ON risk_finding
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.rule_id IS NOT NEW.rule_id OR OLD.noted_on IS NOT NEW.noted_on OR OLD.note IS NOT NEW.note)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'risk_finding', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'rule_id', NEW.rule_id, 'noted_on', NEW.noted_on, 'note', NEW.note), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.rule_id IS NEW.rule_id THEN '$.rule_id' ELSE '$.-' END, CASE WHEN OLD.noted_on IS NEW.noted_on THEN '$.noted_on' ELSE '$.-' END, CASE WHEN OLD.note IS NEW.note THEN '$.note' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
