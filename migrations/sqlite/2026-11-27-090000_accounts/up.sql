CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'shopper',
    locale TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Signed-in sessions, so a session can be revoked server-side even with the cookie store.
CREATE TABLE auth_sessions (
    id TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);

-- Failed sign-ins and sign-ups, for rate limits shared by every instance.
CREATE TABLE auth_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX auth_attempts_lookup ON auth_attempts (scope, key, created_at);

ALTER TABLE merchants ADD COLUMN owner_user_id BIGINT REFERENCES users (id);
CREATE INDEX merchants_owner ON merchants (owner_user_id);
