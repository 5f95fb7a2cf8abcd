-- Promo page views per campaign, UTC day and ship-to market: counted in memory by each instance and added here
-- in batches (a view never writes on the page's path).
CREATE TABLE promo_views (
    promo_id BIGINT NOT NULL REFERENCES promos (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    market TEXT NOT NULL,
    views BIGINT NOT NULL,
    PRIMARY KEY (promo_id, day, market)
);
-- Campaign analytics read order lines by campaign.
CREATE INDEX order_lines_by_promo ON order_lines (promo_id);
