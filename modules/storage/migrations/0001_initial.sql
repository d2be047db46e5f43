-- ObsLink local clinic cache, schema version 1.
-- Every clinical table carries the sync columns: id (UUID), clinic_id, created_at, updated_at,
-- author, revision, deleted (tombstone). Dates are ISO 8601 text, timestamps UTC ISO 8601.
CREATE TABLE patient (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    record_number TEXT NOT NULL,
    name TEXT NOT NULL,
    national_id TEXT,
    birth_date TEXT,
    phone TEXT,
    address TEXT
);
CREATE TABLE pregnancy (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    patient_id TEXT NOT NULL REFERENCES patient(id),
    booking_date TEXT,
    lmp TEXT,
    ultrasound_scan_date TEXT,
    ultrasound_ga_days INTEGER,
    gravida INTEGER NOT NULL,
    para INTEGER NOT NULL,
    fetuses INTEGER NOT NULL,
    status TEXT NOT NULL,
    height_cm REAL,
    pre_pregnancy_weight_kg REAL,
    uterine_surgeries INTEGER NOT NULL DEFAULT 0,
    last_uterine_surgery_date TEXT
);
CREATE TABLE antenatal_visit (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    visit_date TEXT NOT NULL,
    ga_days INTEGER NOT NULL,
    systolic_mmhg INTEGER,
    diastolic_mmhg INTEGER,
    pulse_bpm INTEGER,
    weight_kg REAL,
    fundal_height_cm REAL,
    abdominal_girth_cm REAL,
    fetal_heart_rate_bpm INTEGER,
    presentation TEXT NOT NULL DEFAULT 'unknown',
    oedema INTEGER NOT NULL DEFAULT 0,
    urine_protein INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE lab_result (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    taken_on TEXT NOT NULL,
    test TEXT NOT NULL,
    value REAL,
    upper_limit_of_normal REAL,
    serology INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pregnancy_patient ON pregnancy(patient_id);
CREATE INDEX visit_pregnancy_date ON antenatal_visit(pregnancy_id, visit_date);
CREATE INDEX lab_pregnancy_date ON lab_result(pregnancy_id, taken_on);
