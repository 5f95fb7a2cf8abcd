CREATE TABLE merchants (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    city TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    original_lang TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX merchants_status_country ON merchants (status, country);

CREATE TABLE merchant_translations (
    merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (merchant_id, locale)
);

CREATE TABLE categories (
    id BIGSERIAL PRIMARY KEY,
    parent_id BIGINT REFERENCES categories (id),
    position INTEGER NOT NULL DEFAULT 0,
    key TEXT NOT NULL UNIQUE,
    hidden BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX categories_parent ON categories (parent_id, position);

CREATE TABLE category_translations (
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    PRIMARY KEY (category_id, locale),
    UNIQUE (locale, slug)
);

CREATE TABLE products (
    id BIGSERIAL PRIMARY KEY,
    merchant_id BIGINT NOT NULL REFERENCES merchants (id),
    category_id BIGINT NOT NULL REFERENCES categories (id),
    sku TEXT NOT NULL,
    price_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    base_price_minor BIGINT NOT NULL,
    stock INTEGER NOT NULL,
    status TEXT NOT NULL,
    listed BOOLEAN NOT NULL,
    origin TEXT NOT NULL,
    original_lang TEXT NOT NULL,
    weight_grams INTEGER,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (merchant_id, sku)
);
-- Shopper queries only ever read listed products: partial indexes keep them small and unambiguous.
CREATE INDEX products_newest ON products (created_at, id) WHERE listed;
CREATE INDEX products_price ON products (base_price_minor, id) WHERE listed;
CREATE INDEX products_category_newest ON products (category_id, created_at, id) WHERE listed;
CREATE INDEX products_category_price ON products (category_id, base_price_minor, id) WHERE listed;
CREATE INDEX products_origin_newest ON products (origin, created_at, id) WHERE listed;
CREATE INDEX products_origin_price ON products (origin, base_price_minor, id) WHERE listed;
-- Covering indexes for the facet aggregate (origin, category, stock, price).
CREATE INDEX products_category_facets ON products (category_id, origin, stock, base_price_minor) WHERE listed;
CREATE INDEX products_origin_facets ON products (origin, category_id, stock, base_price_minor) WHERE listed;
CREATE INDEX products_merchant ON products (merchant_id, created_at);

CREATE TABLE product_translations (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    slug TEXT NOT NULL,
    PRIMARY KEY (product_id, locale)
);

CREATE TABLE product_images (
    id BIGSERIAL PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
);
CREATE INDEX product_images_product ON product_images (product_id, position);

CREATE TABLE product_image_translations (
    image_id BIGINT NOT NULL REFERENCES product_images (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    alt TEXT NOT NULL,
    PRIMARY KEY (image_id, locale)
);

CREATE TABLE exchange_rates (
    id BIGSERIAL PRIMARY KEY,
    currency TEXT NOT NULL,
    per_base_micros BIGINT NOT NULL,
    effective_from TIMESTAMP NOT NULL
);
CREATE INDEX exchange_rates_currency ON exchange_rates (currency, effective_from);

CREATE TABLE search_terms (
    term TEXT NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    weight INTEGER NOT NULL,
    PRIMARY KEY (term, product_id)
);
CREATE INDEX search_terms_product ON search_terms (product_id);
