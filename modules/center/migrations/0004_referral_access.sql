-- Center schema version 4: access that follows a referral (docs/referrals.md). From the send
-- step on, the clinic a woman is referred to may read her records (shared_patient, by_referral
-- = 1); once every referral that opened that access is closed or cancelled, it ends a
-- configurable period later (until_at, epoch seconds; NULL: no end). Access a clinic has on
-- other grounds (she is registered there, a share by hand) never ends this way.
ALTER TABLE shared_patient ADD COLUMN until_at BIGINT;
ALTER TABLE shared_patient ADD COLUMN by_referral INTEGER NOT NULL DEFAULT 0;
-- One row per sent referral: whose records, to which clinic, when sent, when closed.
CREATE TABLE referral_access (
    referral_id TEXT PRIMARY KEY,
    patient_key TEXT NOT NULL,
    clinic_id TEXT NOT NULL REFERENCES clinic (id),
    opened_at BIGINT NOT NULL,
    closed_at BIGINT
);
CREATE INDEX referral_access_grant ON referral_access (patient_key, clinic_id);
