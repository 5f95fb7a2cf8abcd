-- Trust and legal: the seller's street address (with legal name and tax id, shown on shop and product pages),
-- staff-edited site pages with their whole history, and notices about products ("report this product").
ALTER TABLE merchants ADD COLUMN address TEXT NOT NULL DEFAULT '';

-- The zone a staff member reads times in ('' = UTC).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';

-- One row per saved version; the newest per (page_key, locale) is the page. Nothing is updated or deleted.
CREATE TABLE site_page_revisions (
    id BIGSERIAL PRIMARY KEY,
    page_key TEXT NOT NULL,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX site_page_revisions_latest ON site_page_revisions (page_key, locale, id);

-- status: open, reviewing, actioned, dismissed.
CREATE TABLE product_reports (
    id BIGSERIAL PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    details TEXT NOT NULL,
    contact TEXT NOT NULL,
    reporter_id BIGINT REFERENCES users (id),
    locale TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    staff_note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX product_reports_queue ON product_reports (status, created_at);
CREATE INDEX product_reports_product ON product_reports (product_id);
