-- SQLite does not treat a partial index's WHERE column as covered: include `listed` so the facet aggregate reads
-- the index only.
DROP INDEX products_category_facets;
DROP INDEX products_origin_facets;
CREATE INDEX products_category_facets ON products (category_id, origin, stock, base_price_minor, listed) WHERE listed;
CREATE INDEX products_origin_facets ON products (origin, category_id, stock, base_price_minor, listed) WHERE listed;
