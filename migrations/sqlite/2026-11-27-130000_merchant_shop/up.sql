-- Running a shop: a logo, thumbnails for uploaded images, and where the shop ships at what price.
ALTER TABLE merchants ADD COLUMN logo_path TEXT NOT NULL DEFAULT '';
ALTER TABLE product_images ADD COLUMN thumb_path TEXT NOT NULL DEFAULT '';

-- One row per destination country the shop ships to; destination '*' is "everywhere else".
CREATE TABLE shipping_rates (
    merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    destination TEXT NOT NULL,
    rate_minor BIGINT NOT NULL CHECK (rate_minor >= 0),
    days_min INTEGER NOT NULL CHECK (days_min >= 0),
    days_max INTEGER NOT NULL CHECK (days_max >= days_min),
    PRIMARY KEY (merchant_id, destination)
);
CREATE INDEX shipping_rates_destination ON shipping_rates (destination, merchant_id);

-- A checked CSV file waiting for the merchant to confirm the import (kept in the database so any instance
-- can apply it; old ones are dropped).
CREATE TABLE pending_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
