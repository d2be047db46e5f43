-- Schema version 3: five-color risk grading. Every grading is kept: the engine proposes, a
-- clinician confirms or overrides with a reason; the pregnancy row carries the latest confirmed
-- grade for the list (risk_level, risk_purple from version 2).
CREATE TABLE risk_assessment (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    assessed_on TEXT NOT NULL,
    ga_days INTEGER,
    proposed_level TEXT NOT NULL,
    proposed_purple INTEGER NOT NULL,
    level TEXT,
    purple INTEGER,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    decided_by TEXT,
    decided_at TEXT,
    rule_set_id TEXT NOT NULL,
    rule_set_version TEXT NOT NULL,
    result_json TEXT NOT NULL
);
CREATE INDEX risk_assessment_pregnancy ON risk_assessment(pregnancy_id, assessed_on);
-- Findings a clinician ticked on the screening or assessment form (rule ids of the active set).
CREATE TABLE risk_finding (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    pregnancy_id TEXT NOT NULL REFERENCES pregnancy(id),
    rule_id TEXT NOT NULL,
    noted_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_finding_pregnancy ON risk_finding(pregnancy_id);
CREATE INDEX pregnancy_risk_level ON pregnancy(risk_level);
