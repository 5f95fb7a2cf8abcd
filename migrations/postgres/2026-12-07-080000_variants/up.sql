-- Options and variants. A product varies by 0–3 options (Size, Colour, Weight); each combination in use is a
-- variant with its own SKU, price, stock, weight, active flag and image. Every product has at least one variant:
-- a product without options has exactly one, with no option values. `products.price_minor`, `base_price_minor`
-- and `stock` become the product's summary of its active variants (lowest price, total stock), kept by the
-- application on every variant write, so listings, sorting, price and stock filters and `facet_counts` read one
-- row per product as before.

-- Option definitions: merchant_id NULL is the staff's shared list (any shop may use it, and its values are the
-- ones shoppers filter by across shops); else one shop's own, reusable across its products.
CREATE TABLE options (
    id BIGSERIAL PRIMARY KEY,
    merchant_id BIGINT REFERENCES merchants (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    original_lang TEXT NOT NULL,
    -- Listing pages offer the option's values as a facet (shared options only).
    facet BOOLEAN NOT NULL DEFAULT FALSE,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX options_key ON options (coalesce(merchant_id, 0), key);

CREATE TABLE option_translations (
    option_id BIGINT NOT NULL REFERENCES options (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (option_id, locale)
);

CREATE TABLE option_values (
    id BIGSERIAL PRIMARY KEY,
    option_id BIGINT NOT NULL REFERENCES options (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (option_id, key)
);

CREATE TABLE option_value_translations (
    value_id BIGINT NOT NULL REFERENCES option_values (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (value_id, locale)
);

-- The options a product varies by, in the order shoppers choose them (position 1–3).
CREATE TABLE product_options (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    option_id BIGINT NOT NULL REFERENCES options (id),
    PRIMARY KEY (product_id, position),
    UNIQUE (product_id, option_id)
);
CREATE INDEX product_options_option ON product_options (option_id);

-- value1..value3: the variant's value of the product's option 1..3, 0 where the product has no such option
-- (0, not NULL, so the combination is unique).
CREATE TABLE product_variants (
    id BIGSERIAL PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    merchant_id BIGINT NOT NULL REFERENCES merchants (id),
    sku TEXT NOT NULL,
    value1 BIGINT NOT NULL DEFAULT 0,
    value2 BIGINT NOT NULL DEFAULT 0,
    value3 BIGINT NOT NULL DEFAULT 0,
    price_minor BIGINT NOT NULL CHECK (price_minor > 0),
    stock INTEGER NOT NULL CHECK (stock >= 0),
    weight_grams INTEGER,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    image_id BIGINT REFERENCES product_images (id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (merchant_id, sku),
    UNIQUE (product_id, value1, value2, value3)
);
CREATE INDEX product_variants_product ON product_variants (product_id, position);

-- The option values each product is sold in (those of its active variants), and whether some variant with the
-- value is in stock: listings filter by them ("size 40 in stock") and count them as facets. Kept by the
-- application with the variants (and when a checkout sells a variant's last unit).
CREATE TABLE product_values (
    value_id BIGINT NOT NULL REFERENCES option_values (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    in_stock BOOLEAN NOT NULL,
    PRIMARY KEY (value_id, product_id)
);
CREATE INDEX product_values_product ON product_values (product_id);

-- Every existing product becomes a product with one default variant carrying its SKU, price, stock and weight.
INSERT INTO product_variants (product_id, merchant_id, sku, price_minor, stock, weight_grams, active, position,
                              created_at, updated_at)
SELECT id, merchant_id, sku, greatest(price_minor, 1), greatest(stock, 0), weight_grams, TRUE, 0, created_at, updated_at
FROM products;

-- Cart lines hold a variant (one line per variant); existing lines move to their product's default variant.
ALTER TABLE cart_lines ADD COLUMN variant_id BIGINT REFERENCES product_variants (id) ON DELETE CASCADE;
UPDATE cart_lines SET variant_id = (SELECT v.id FROM product_variants v WHERE v.product_id = cart_lines.product_id);
ALTER TABLE cart_lines ALTER COLUMN variant_id SET NOT NULL;
ALTER TABLE cart_lines DROP CONSTRAINT cart_lines_pkey;
ALTER TABLE cart_lines ADD PRIMARY KEY (cart_id, variant_id);
CREATE INDEX cart_lines_product ON cart_lines (product_id);

-- Order lines name the variant sold and its label as the shopper read it and as the shop reads it.
-- No foreign key: an order keeps the id of a variant the shop removed later (its SKU and labels are snapshots).
ALTER TABLE order_lines ADD COLUMN variant_id BIGINT;
ALTER TABLE order_lines ADD COLUMN variant_label TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN variant_label_merchant TEXT NOT NULL DEFAULT '';
UPDATE order_lines SET variant_id = (SELECT v.id FROM product_variants v WHERE v.product_id = order_lines.product_id);
CREATE INDEX order_lines_variant ON order_lines (variant_id);
