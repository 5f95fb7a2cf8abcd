-- Account emails that carry a secret (a password-reset link): the outbox row holds it in payload only until it is
-- sent (then it is emptied), and the reset itself is kept by its SHA-256 hash, valid for one hour, used once.
ALTER TABLE notifications ADD COLUMN payload TEXT NOT NULL DEFAULT '';
CREATE TABLE password_resets (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX password_resets_user ON password_resets (user_id);
