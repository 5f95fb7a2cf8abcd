DROP TRIGGER facet_counts_update ON products;
DROP TRIGGER facet_counts_delete ON products;
DROP TRIGGER facet_counts_insert ON products;
DROP FUNCTION facet_counts_apply();
DROP TABLE facet_counts;
DROP INDEX products_category_facets;
CREATE INDEX products_category_facets ON products (category_id, origin, stock, base_price_minor) WHERE listed;
