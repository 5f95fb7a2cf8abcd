DROP TRIGGER facet_counts_update_new;
DROP TRIGGER facet_counts_update_old;
DROP TRIGGER facet_counts_delete;
DROP TRIGGER facet_counts_insert;
DROP TABLE facet_counts;
DROP INDEX products_category_facets;
CREATE INDEX products_category_facets ON products (category_id, origin, stock, base_price_minor, listed) WHERE listed;
