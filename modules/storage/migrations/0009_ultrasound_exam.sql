-- Schema version 9: ultrasound examinations with fetal biometry (docs/biometry.md): the exam
-- date, the DICOM study it was measured on, BPD/HC/AC/FL/CRL/NT in millimetres, the Hadlock
-- estimated fetal weight and the gestational age by ultrasound with the formulas used, and
-- whether the clinician used it to date the pregnancy. Outbox triggers as in version 4.
CREATE TABLE ultrasound_exam (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    exam_date TEXT NOT NULL,
    study_uid TEXT NOT NULL DEFAULT '',
    bpd_mm REAL,
    hc_mm REAL,
    ac_mm REAL,
    fl_mm REAL,
    crl_mm REAL,
    nt_mm REAL,
    efw_grams REAL,
    efw_formula TEXT NOT NULL DEFAULT '',
    ga_days INTEGER,
    ga_method TEXT NOT NULL DEFAULT '',
    dated_pregnancy INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ultrasound_exam_pregnancy ON ultrasound_exam(pregnancy_id, exam_date);
CREATE TRIGGER ultrasound_exam_outbox_insert AFTER INSERT ON ultrasound_exam
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ultrasound_exam', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'exam_date', NEW.exam_date, 'study_uid', NEW.study_uid, 'bpd_mm', NEW.bpd_mm, 'hc_mm', NEW.hc_mm, 'ac_mm', NEW.ac_mm, 'fl_mm', NEW.fl_mm, 'crl_mm', NEW.crl_mm, 'nt_mm', NEW.nt_mm, 'efw_grams', NEW.efw_grams, 'efw_formula', NEW.efw_formula, 'ga_days', NEW.ga_days, 'ga_method', NEW.ga_method, 'dated_pregnancy', NEW.dated_pregnancy),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ultrasound_exam_outbox_update AFTER UPDATE ON ultrasound_exam
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.exam_date IS NOT NEW.exam_date OR OLD.study_uid IS NOT NEW.study_uid OR OLD.bpd_mm IS NOT NEW.bpd_mm OR OLD.hc_mm IS NOT NEW.hc_mm OR OLD.ac_mm IS NOT NEW.ac_mm OR OLD.fl_mm IS NOT NEW.fl_mm OR OLD.crl_mm IS NOT NEW.crl_mm OR OLD.nt_mm IS NOT NEW.nt_mm OR OLD.efw_grams IS NOT NEW.efw_grams OR OLD.efw_formula IS NOT NEW.efw_formula OR OLD.ga_days IS NOT NEW.ga_days OR OLD.ga_method IS NOT NEW.ga_method OR OLD.dated_pregnancy IS NOT NEW.dated_pregnancy)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ultrasound_exam', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'exam_date', NEW.exam_date, 'study_uid', NEW.study_uid, 'bpd_mm', NEW.bpd_mm, 'hc_mm', NEW.hc_mm, 'ac_mm', NEW.ac_mm, 'fl_mm', NEW.fl_mm, 'crl_mm', NEW.crl_mm, 'nt_mm', NEW.nt_mm, 'efw_grams', NEW.efw_grams, 'efw_formula', NEW.efw_formula, 'ga_days', NEW.ga_days, 'ga_method', NEW.ga_method, 'dated_pregnancy', NEW.dated_pregnancy), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.exam_date IS NEW.exam_date THEN '$.exam_date' ELSE '$.-' END, CASE WHEN OLD.study_uid IS NEW.study_uid THEN '$.study_uid' ELSE '$.-' END, CASE WHEN OLD.bpd_mm IS NEW.bpd_mm THEN '$.bpd_mm' ELSE '$.-' END, CASE WHEN OLD.hc_mm IS NEW.hc_mm THEN '$.hc_mm' ELSE '$.-' END, CASE WHEN OLD.ac_mm IS NEW.ac_mm THEN '$.ac_mm' ELSE '$.-' END, CASE WHEN OLD.fl_mm IS NEW.fl_mm THEN '$.fl_mm' ELSE '$.-' END, CASE WHEN OLD.crl_mm IS NEW.crl_mm THEN '$.crl_mm' ELSE '$.-' END, CASE WHEN OLD.nt_mm IS NEW.nt_mm THEN '$.nt_mm' ELSE '$.-' END, CASE WHEN OLD.efw_grams IS NEW.efw_grams THEN '$.efw_grams' ELSE '$.-' END, CASE WHEN OLD.efw_formula IS NEW.efw_formula THEN '$.efw_formula' ELSE '$.-' END, CASE WHEN OLD.ga_days IS NEW.ga_days THEN '$.ga_days' ELSE '$.-' END, CASE WHEN OLD.ga_method IS NEW.ga_method THEN '$.ga_method' ELSE '$.-' END, CASE WHEN OLD.dated_pregnancy IS NEW.dated_pregnancy THEN '$.dated_pregnancy' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
