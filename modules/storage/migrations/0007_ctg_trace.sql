-- Schema version 7 (a reserved number: a database already at a later version gets it through
-- the migration ledger): fetal heart traces (CTG, docs/ctg-analysis.md) of a pregnancy.
-- ctg_trace: when and how long the trace was recorded, where it came from, and the analysis
-- summary (FIGO class, NICHD category and the reasons as the analyser wrote them on import).
-- The samples, in the compact checksummed CtgFileFormat, are in ctg_trace_data under their
-- SHA-256, the content address they travel by as a sync attachment: the row, not the bytes,
-- goes through the outbox (JSON cannot carry a BLOB).
-- ctg_annotation: a clinician's note at a time in the trace.
-- ctg_interpretation: the reader's interpretation (判读); signed_by/signed_at are empty while it
-- is a draft; a signed one is never changed again (the trigger below refuses it) and a later
-- reader adds another. Outbox triggers as in version 11; `ctg_trace_id` names the parent table.
CREATE TABLE ctg_trace (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    recorded_at TEXT NOT NULL,
    duration_seconds REAL NOT NULL,
    sample_rate_hz REAL NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    ga_days INTEGER,
    data_sha256 TEXT NOT NULL,
    data_bytes INTEGER NOT NULL,
    lost_percent REAL,
    baseline_bpm REAL,
    figo_class TEXT NOT NULL DEFAULT '',
    nichd_category TEXT NOT NULL DEFAULT '',
    reasons_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX ctg_trace_pregnancy ON ctg_trace(pregnancy_id, recorded_at);
CREATE TABLE ctg_trace_data (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
);
CREATE TABLE ctg_annotation (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    ctg_trace_id TEXT NOT NULL REFERENCES ctg_trace(id),
    at_seconds REAL NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX ctg_annotation_trace ON ctg_annotation(ctg_trace_id, at_seconds);
CREATE TABLE ctg_interpretation (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    ctg_trace_id TEXT NOT NULL REFERENCES ctg_trace(id),
    text TEXT NOT NULL DEFAULT '',
    signed_by TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ctg_interpretation_trace ON ctg_interpretation(ctg_trace_id, created_at);
CREATE TRIGGER ctg_interpretation_signed_is_final BEFORE UPDATE ON ctg_interpretation
WHEN OLD.signed_at <> '' AND (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    SELECT RAISE(ABORT, 'a signed CTG interpretation cannot be changed');
END;
CREATE TRIGGER ctg_trace_outbox_insert AFTER INSERT ON ctg_trace
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ctg_trace', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'recorded_at', NEW.recorded_at, 'duration_seconds', NEW.duration_seconds, 'sample_rate_hz', NEW.sample_rate_hz, 'source', NEW.source, 'ga_days', NEW.ga_days, 'data_sha256', NEW.data_sha256, 'data_bytes', NEW.data_bytes, 'lost_percent', NEW.lost_percent, 'baseline_bpm', NEW.baseline_bpm, 'figo_class', NEW.figo_class, 'nichd_category', NEW.nichd_category, 'reasons_json', NEW.reasons_json),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ctg_trace_outbox_update AFTER UPDATE ON ctg_trace
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.pregnancy_id IS NOT NEW.pregnancy_id OR OLD.recorded_at IS NOT NEW.recorded_at OR OLD.duration_seconds IS NOT NEW.duration_seconds OR OLD.sample_rate_hz IS NOT NEW.sample_rate_hz OR OLD.source IS NOT NEW.source OR OLD.ga_days IS NOT NEW.ga_days OR OLD.data_sha256 IS NOT NEW.data_sha256 OR OLD.data_bytes IS NOT NEW.data_bytes OR OLD.lost_percent IS NOT NEW.lost_percent OR OLD.baseline_bpm IS NOT NEW.baseline_bpm OR OLD.figo_class IS NOT NEW.figo_class OR OLD.nichd_category IS NOT NEW.nichd_category OR OLD.reasons_json IS NOT NEW.reasons_json)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ctg_trace', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'pregnancy_id', NEW.pregnancy_id, 'recorded_at', NEW.recorded_at, 'duration_seconds', NEW.duration_seconds, 'sample_rate_hz', NEW.sample_rate_hz, 'source', NEW.source, 'ga_days', NEW.ga_days, 'data_sha256', NEW.data_sha256, 'data_bytes', NEW.data_bytes, 'lost_percent', NEW.lost_percent, 'baseline_bpm', NEW.baseline_bpm, 'figo_class', NEW.figo_class, 'nichd_category', NEW.nichd_category, 'reasons_json', NEW.reasons_json), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.pregnancy_id IS NEW.pregnancy_id THEN '$.pregnancy_id' ELSE '$.-' END, CASE WHEN OLD.recorded_at IS NEW.recorded_at THEN '$.recorded_at' ELSE '$.-' END, CASE WHEN OLD.duration_seconds IS NEW.duration_seconds THEN '$.duration_seconds' ELSE '$.-' END, CASE WHEN OLD.sample_rate_hz IS NEW.sample_rate_hz THEN '$.sample_rate_hz' ELSE '$.-' END, CASE WHEN OLD.source IS NEW.source THEN '$.source' ELSE '$.-' END, CASE WHEN OLD.ga_days IS NEW.ga_days THEN '$.ga_days' ELSE '$.-' END, CASE WHEN OLD.data_sha256 IS NEW.data_sha256 THEN '$.data_sha256' ELSE '$.-' END, CASE WHEN OLD.data_bytes IS NEW.data_bytes THEN '$.data_bytes' ELSE '$.-' END, CASE WHEN OLD.lost_percent IS NEW.lost_percent THEN '$.lost_percent' ELSE '$.-' END, CASE WHEN OLD.baseline_bpm IS NEW.baseline_bpm THEN '$.baseline_bpm' ELSE '$.-' END, CASE WHEN OLD.figo_class IS NEW.figo_class THEN '$.figo_class' ELSE '$.-' END, CASE WHEN OLD.nichd_category IS NEW.nichd_category THEN '$.nichd_category' ELSE '$.-' END, CASE WHEN OLD.reasons_json IS NEW.reasons_json THEN '$.reasons_json' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ctg_annotation_outbox_insert AFTER INSERT ON ctg_annotation
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ctg_annotation', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'ctg_trace_id', NEW.ctg_trace_id, 'at_seconds', NEW.at_seconds, 'text', NEW.text),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ctg_annotation_outbox_update AFTER UPDATE ON ctg_annotation
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.ctg_trace_id IS NOT NEW.ctg_trace_id OR OLD.at_seconds IS NOT NEW.at_seconds OR OLD.text IS NOT NEW.text)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ctg_annotation', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'ctg_trace_id', NEW.ctg_trace_id, 'at_seconds', NEW.at_seconds, 'text', NEW.text), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.ctg_trace_id IS NEW.ctg_trace_id THEN '$.ctg_trace_id' ELSE '$.-' END, CASE WHEN OLD.at_seconds IS NEW.at_seconds THEN '$.at_seconds' ELSE '$.-' END, CASE WHEN OLD.text IS NEW.text THEN '$.text' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ctg_interpretation_outbox_insert AFTER INSERT ON ctg_interpretation
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ctg_interpretation', NEW.id, 'insert', 0, json_object('clinic_id', NEW.clinic_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'ctg_trace_id', NEW.ctg_trace_id, 'text', NEW.text, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER ctg_interpretation_outbox_update AFTER UPDATE ON ctg_interpretation
WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0 AND (OLD.deleted IS NOT NEW.deleted OR OLD.ctg_trace_id IS NOT NEW.ctg_trace_id OR OLD.text IS NOT NEW.text OR OLD.signed_by IS NOT NEW.signed_by OR OLD.signed_at IS NOT NEW.signed_at)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_revision, fields, created_at)
    VALUES (lower(hex(randomblob(16))), 'ctg_interpretation', NEW.id, 'update', OLD.revision,
            json_remove(json_object('updated_at', NEW.updated_at, 'author', NEW.author, 'deleted', NEW.deleted, 'ctg_trace_id', NEW.ctg_trace_id, 'text', NEW.text, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at), CASE WHEN OLD.deleted IS NEW.deleted THEN '$.deleted' ELSE '$.-' END, CASE WHEN OLD.ctg_trace_id IS NEW.ctg_trace_id THEN '$.ctg_trace_id' ELSE '$.-' END, CASE WHEN OLD.text IS NEW.text THEN '$.text' ELSE '$.-' END, CASE WHEN OLD.signed_by IS NEW.signed_by THEN '$.signed_by' ELSE '$.-' END, CASE WHEN OLD.signed_at IS NEW.signed_at THEN '$.signed_at' ELSE '$.-' END),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
