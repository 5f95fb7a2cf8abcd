-- Product page views per product, UTC day and ship-to market: counted in memory by each instance and added here
-- in batches (a view never writes on the page's path). The merchant's dashboard reads views -> orders from it.
CREATE TABLE product_views (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    market TEXT NOT NULL,
    views BIGINT NOT NULL,
    PRIMARY KEY (product_id, day, market)
);
-- A shop's report reads a period's days.
CREATE INDEX product_views_by_day ON product_views (day);
