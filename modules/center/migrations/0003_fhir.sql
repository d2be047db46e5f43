-- Center schema version 3: the identifiers of each woman as FHIR Patient carries them (national
-- ID, clinic record number), so that GET /fhir/Patient?identifier=… is an index look-up instead of
-- a scan of every patient's JSON (docs/fhir.md). Kept up to date when a patient record is stored;
-- filled for the records already here by the migration step that follows this script
-- (FhirPatientIndex::rebuild), since SQLite and PostgreSQL read JSON differently.
CREATE TABLE fhir_patient_identifier (
    identifier_value TEXT NOT NULL,
    identifier_system TEXT NOT NULL,
    patient_key TEXT NOT NULL,
    PRIMARY KEY (identifier_value, identifier_system, patient_key)
);
CREATE INDEX fhir_patient_identifier_patient ON fhir_patient_identifier (patient_key);
