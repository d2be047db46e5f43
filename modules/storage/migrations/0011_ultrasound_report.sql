-- Schema version 11: the structured ultrasound report (docs/dicom.md, "Ultrasound report") of a
-- study read for a pregnancy: the structured obstetric findings, the biometry table as signed,
-- findings, impression and reader. signed_by/signed_at are empty for a draft; a signed report is
-- never changed again: a correction is a new report whose `amends` names the report it corrects
-- (not `*_id`, so the center scopes it by pregnancy_id only). Outbox triggers as in version 9.
CREATE TABLE ultrasound_report (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    study_uid TEXT NOT NULL DEFAULT '',
    exam_date TEXT NOT NULL,
    fetus_count INTEGER,
    heart_activity TEXT NOT NULL DEFAULT '',
    heart_rate_bpm INTEGER,
    presentation TEXT NOT NULL DEFAULT '',
    placenta_location TEXT NOT NULL DEFAULT '',
    placenta_grade INTEGER,
    afi_cm REAL,
    deepest_pocket_cm REAL,
    bpd_mm REAL,
    hc_mm REAL,
    ac_mm REAL,
    fl_mm REAL,
    crl_mm REAL,
    nt_mm REAL,
    efw_grams REAL,
    ga_days INTEGER,
    findings TEXT NOT NULL DEFAULT '',
    impression TEXT NOT NULL DEFAULT '',
    reader TEXT NOT NULL DEFAULT '',
    signed_by TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL DEFAULT '',
    amends TEXT NOT NULL DEFAULT '',
    amendment_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ultrasound_report_pregnancy ON ultrasound_report(pregnancy_id, exam_date);
CREATE INDEX ultrasound_report_study ON ultrasound_report(study_uid);
CREATE TRIGGER ultrasound_report_outbox_insert AFTER INSERT ON ultrasound_report
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ultrasound_report', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'study_uid', NEW.study_uid, 'exam_date', NEW.exam_date, 'fetus_count', NEW.fetus_count, 'heart_activity', NEW.heart_activity, 'heart_rate_bpm', NEW.heart_rate_bpm, 'presentation', NEW.presentation, 'placenta_location', NEW.placenta_location, 'placenta_grade', NEW.placenta_grade, 'afi_cm', NEW.afi_cm, 'deepest_pocket_cm', NEW.deepest_pocket_cm, 'bpd_mm', NEW.bpd_mm, 'hc_mm', NEW.hc_mm, 'ac_mm', NEW.ac_mm, 'fl_mm', NEW.fl_mm, 'crl_mm', NEW.crl_mm, 'nt_mm', NEW.nt_mm, 'efw_grams', NEW.efw_grams, 'ga_days', NEW.ga_days, 'findings', NEW.findings, 'impression', NEW.impression, 'reader', NEW.reader, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'amends', NEW.amends, 'amendment_reason', NEW.amendment_reason),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ultrasound_report_outbox_update AFTER UPDATE ON ultrasound_report
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.study_uid IS NOT NEW.study_uid OR OLD.exam_date IS NOT NEW.exam_date OR OLD.fetus_count IS NOT NEW.fetus_count OR OLD.heart_activity IS NOT NEW.heart_activity OR OLD.heart_rate_bpm IS NOT NEW.heart_rate_bpm OR OLD.presentation IS NOT NEW.presentation OR OLD.placenta_location IS NOT NEW.placenta_location OR OLD.placenta_grade IS NOT NEW.placenta_grade OR OLD.afi_cm IS NOT NEW.afi_cm OR OLD.deepest_pocket_cm IS NOT NEW.deepest_pocket_cm OR OLD.bpd_mm IS NOT NEW.bpd_mm OR OLD.hc_mm IS NOT NEW.hc_mm OR OLD.ac_mm IS NOT NEW.ac_mm OR OLD.fl_mm IS NOT NEW.fl_mm OR OLD.crl_mm IS NOT NEW.crl_mm OR OLD.nt_mm IS NOT NEW.nt_mm OR OLD.efw_grams IS NOT NEW.efw_grams OR OLD.ga_days IS NOT NEW.ga_days OR OLD.findings IS NOT NEW.findings OR OLD.impression IS NOT NEW.impression OR OLD.reader IS NOT NEW.reader OR OLD.signed_by IS NOT NEW.signed_by OR OLD.signed_at IS NOT NEW.signed_at OR OLD.amends IS NOT NEW.amends OR OLD.amendment_reason IS NOT NEW.amendment_reason)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ultrasound_report', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'study_uid', NEW.study_uid, 'exam_date', NEW.exam_date, 'fetus_count', NEW.fetus_count, 'heart_activity', NEW.heart_activity, 'heart_rate_bpm', NEW.heart_rate_bpm, 'presentation', NEW.presentation, 'placenta_location', NEW.placenta_location, 'placenta_grade', NEW.placenta_grade, 'afi_cm', NEW.afi_cm, 'deepest_pocket_cm', NEW.deepest_pocket_cm, 'bpd_mm', NEW.bpd_mm, 'hc_mm', NEW.hc_mm, 'ac_mm', NEW.ac_mm, 'fl_mm', NEW.fl_mm, 'crl_mm', NEW.crl_mm, 'nt_mm', NEW.nt_mm, 'efw_grams', NEW.efw_grams, 'ga_days', NEW.ga_days, 'findings', NEW.findings, 'impression', NEW.impression, 'reader', NEW.reader, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'amends', NEW.amends, 'amendment_reason', NEW.amendment_reason), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.study_uid IS NEW.study_uid THEN '$.study_uid' ELSE '$.-' END, CASE WHEN OLD.exam_date IS NEW.exam_date THEN '$.exam_date' ELSE '$.-' END, CASE WHEN OLD.fetus_count IS NEW.fetus_count THEN '$.fetus_count' ELSE '$.-' END, CASE WHEN OLD.heart_activity IS NEW.heart_activity THEN '$.heart_activity' ELSE '$.-' END, CASE WHEN OLD.heart_rate_bpm IS NEW.heart_rate_bpm THEN '$.heart_rate_bpm' ELSE '$.-' END, CASE WHEN OLD.presentation IS NEW.presentation THEN '$.presentation' ELSE '$.-' END, CASE WHEN OLD.placenta_location IS NEW.placenta_location THEN '$.placenta_location' ELSE '$.-' END, CASE WHEN OLD.placenta_grade IS NEW.placenta_grade THEN '$.placenta_grade' ELSE '$.-' END, CASE WHEN OLD.afi_cm IS NEW.afi_cm THEN '$.afi_cm' ELSE '$.-' END, CASE WHEN OLD.deepest_pocket_cm IS NEW.deepest_pocket_cm THEN '$.deepest_pocket_cm' ELSE '$.-' END, CASE WHEN OLD.bpd_mm IS NEW.bpd_mm THEN '$.bpd_mm' ELSE '$.-' END, CASE WHEN OLD.hc_mm IS NEW.hc_mm THEN '$.hc_mm' ELSE '$.-' END, CASE WHEN OLD.ac_mm IS NEW.ac_mm THEN '$.ac_mm' ELSE '$.-' END, CASE WHEN OLD.fl_mm IS NEW.fl_mm THEN '$.fl_mm' ELSE '$.-' END, CASE WHEN OLD.crl_mm IS NEW.crl_mm THEN '$.crl_mm' ELSE '$.-' END, CASE WHEN OLD.nt_mm IS NEW.nt_mm THEN '$.nt_mm' ELSE '$.-' END, CASE WHEN OLD.efw_grams IS NEW.efw_grams THEN '$.efw_grams' ELSE '$.-' END, CASE WHEN OLD.ga_days IS NEW.ga_days THEN '$.ga_days' ELSE '$.-' END, CASE WHEN OLD.findings IS NEW.findings THEN '$.findings' ELSE '$.-' END, CASE WHEN OLD.impression IS NEW.impression THEN '$.impression' ELSE '$.-' END, CASE WHEN OLD.reader IS NEW.reader THEN '$.reader' ELSE '$.-' END, CASE WHEN OLD.signed_by IS NEW.signed_by THEN '$.signed_by' ELSE '$.-' END, CASE WHEN OLD.signed_at IS NEW.signed_at THEN '$.signed_at' ELSE '$.-' END, CASE WHEN OLD.amends IS NEW.amends THEN '$.amends' ELSE '$.-' END, CASE WHEN OLD.amendment_reason IS NEW.amendment_reason THEN '$.amendment_reason' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
