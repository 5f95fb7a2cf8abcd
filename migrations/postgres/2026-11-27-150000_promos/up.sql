-- Campaigns: schedule (UTC instants), discount, targets, featured products and localized content.
CREATE TABLE promos (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    discount_percent INTEGER NOT NULL CHECK (discount_percent BETWEEN 1 AND 90),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    time_zone TEXT NOT NULL,
    hero_path TEXT NOT NULL DEFAULT '',
    hero_thumb_path TEXT NOT NULL DEFAULT '',
    home_position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX promos_live ON promos (status, starts_at, ends_at);

CREATE TABLE promo_translations (
    promo_id BIGINT NOT NULL REFERENCES promos (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL,
    body TEXT NOT NULL,
    hero_alt TEXT NOT NULL,
    PRIMARY KEY (promo_id, locale),
    UNIQUE (locale, slug)
);

-- kind: origin (value = country code), merchant, category, product (value = id).
CREATE TABLE promo_targets (
    promo_id BIGINT NOT NULL REFERENCES promos (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (promo_id, kind, value)
);

CREATE TABLE promo_featured (
    promo_id BIGINT NOT NULL REFERENCES promos (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (promo_id, product_id)
);
