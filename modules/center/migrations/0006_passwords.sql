-- Center schema version 6: passwords and sign-in throttling (docs/security.md). A password set
-- by an administrator must be changed at the first sign-in; the last ones are kept (as hashes)
-- so that an old one is not chosen again. Failed sign-ins are counted per user and device
-- (login_throttle; app_user's failed_logins and locked_until are no longer used), and the
-- devices she signed in from are remembered so that guessing elsewhere never locks them.
ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN password_changed_at BIGINT NOT NULL DEFAULT 0;
CREATE TABLE password_history (
    username TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX password_history_user ON password_history (username, changed_at);
CREATE TABLE login_throttle (
    username TEXT NOT NULL,
    device_id TEXT NOT NULL,
    failures INTEGER NOT NULL,
    locked_until BIGINT NOT NULL,
    PRIMARY KEY (username, device_id)
);
CREATE TABLE known_device (
    username TEXT NOT NULL,
    device_id TEXT NOT NULL,
    last_sign_in BIGINT NOT NULL,
    PRIMARY KEY (username, device_id)
);
