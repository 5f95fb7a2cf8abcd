-- Old category slugs keep working (301 to the current slug).
CREATE TABLE category_slug_history (
    locale TEXT NOT NULL,
    slug TEXT NOT NULL,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (locale, slug)
);

-- Searches that found nothing, per language, without personal data (no user, no IP).
CREATE TABLE search_misses (
    id BIGSERIAL PRIMARY KEY,
    locale TEXT NOT NULL,
    query TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX search_misses_recent ON search_misses (created_at, locale);

-- Every staff action: who, when, what changed.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    actor_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_recent ON audit_log (created_at);
CREATE INDEX audit_log_action ON audit_log (action, created_at);
