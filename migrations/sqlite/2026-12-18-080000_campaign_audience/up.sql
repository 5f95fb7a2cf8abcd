-- Who a campaign is for: ship-to markets and shopper languages (comma-separated codes; empty = everyone).
ALTER TABLE promos ADD COLUMN markets TEXT NOT NULL DEFAULT '';
ALTER TABLE promos ADD COLUMN languages TEXT NOT NULL DEFAULT '';
-- Local times: the typed wall-clock start and end (`2026-11-27T00:00`) hold in each market's own zone;
-- starts_at/ends_at then keep the earliest start and the latest end over the markets.
ALTER TABLE promos ADD COLUMN local_times BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE promos ADD COLUMN starts_local TEXT NOT NULL DEFAULT '';
ALTER TABLE promos ADD COLUMN ends_local TEXT NOT NULL DEFAULT '';
-- Open to merchants: shops join with products of their choice at a discount of at least discount_percent.
ALTER TABLE promos ADD COLUMN open_to_merchants BOOLEAN NOT NULL DEFAULT FALSE;
-- The percent of the campaign's discount the marketplace pays ('split'; 'platform' is 100, 'shop' is 0).
ALTER TABLE promos ADD COLUMN platform_share INTEGER NOT NULL DEFAULT 0 CHECK (platform_share BETWEEN 0 AND 100);
UPDATE promos SET platform_share = 100 WHERE funded_by = 'platform';

CREATE TABLE promo_participants (
    promo_id BIGINT NOT NULL REFERENCES promos(id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    merchant_id BIGINT NOT NULL REFERENCES merchants(id),
    discount_percent INTEGER NOT NULL CHECK (discount_percent BETWEEN 1 AND 90),
    joined_at TIMESTAMP NOT NULL,
    PRIMARY KEY (promo_id, product_id)
);
CREATE INDEX promo_participants_by_merchant ON promo_participants (merchant_id, promo_id);

-- What the shop itself gives up on a line (merchant currency), beside what the marketplace pays.
ALTER TABLE order_lines ADD COLUMN shop_discount_minor BIGINT NOT NULL DEFAULT 0;
