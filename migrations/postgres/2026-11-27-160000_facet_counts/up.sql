-- Listed products per (shop, category, origin), with in-stock count and price range, kept exact by triggers on
-- every write to `products`. Listings without a search word or price filter read their facets here instead of
-- aggregating every matching product.
CREATE TABLE facet_counts (
    merchant_id BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    origin TEXT NOT NULL,
    product_count BIGINT NOT NULL,
    in_stock BIGINT NOT NULL,
    min_price BIGINT NOT NULL,
    max_price BIGINT NOT NULL,
    -- Price range of the products in stock (NULL when none is).
    stock_min_price BIGINT,
    stock_max_price BIGINT,
    PRIMARY KEY (merchant_id, category_id, origin)
);
CREATE INDEX facet_counts_category ON facet_counts (category_id);
CREATE INDEX facet_counts_origin ON facet_counts (origin);

-- The facet index gains merchant_id, so a group's price range is recomputed from one index range.
DROP INDEX products_category_facets;
CREATE INDEX products_category_facets
    ON products (category_id, merchant_id, origin, stock, base_price_minor) WHERE listed;

INSERT INTO facet_counts
SELECT merchant_id, category_id, origin, count(*), count(*) FILTER (WHERE stock > 0),
       min(base_price_minor), max(base_price_minor),
       min(base_price_minor) FILTER (WHERE stock > 0), max(base_price_minor) FILTER (WHERE stock > 0)
FROM products WHERE listed GROUP BY merchant_id, category_id, origin;

-- An update is the old row leaving its group and the new row joining one.
CREATE FUNCTION facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.listed THEN
        UPDATE facet_counts SET product_count = product_count - 1, in_stock = in_stock - (OLD.stock > 0)::int
        WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin;
        DELETE FROM facet_counts
        WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin
          AND product_count <= 0;
        -- Row triggers run after the whole statement: the table is already in its final state, where the group
        -- may be empty while the counts are still going down (the row is then deleted by a later call).
        UPDATE facet_counts f SET (min_price, max_price, stock_min_price, stock_max_price) = (
            SELECT coalesce(min(p.base_price_minor), f.min_price), coalesce(max(p.base_price_minor), f.max_price),
                   min(p.base_price_minor) FILTER (WHERE p.stock > 0), max(p.base_price_minor) FILTER (WHERE p.stock > 0)
            FROM products p
            WHERE p.listed AND p.category_id = OLD.category_id AND p.merchant_id = OLD.merchant_id
              AND p.origin = OLD.origin)
        WHERE f.merchant_id = OLD.merchant_id AND f.category_id = OLD.category_id AND f.origin = OLD.origin
          AND (OLD.base_price_minor <= f.min_price OR OLD.base_price_minor >= f.max_price
               OR (OLD.stock > 0 AND (OLD.base_price_minor <= f.stock_min_price
                                      OR OLD.base_price_minor >= f.stock_max_price)));
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.listed THEN
        INSERT INTO facet_counts VALUES (
            NEW.merchant_id, NEW.category_id, NEW.origin, 1, (NEW.stock > 0)::int,
            NEW.base_price_minor, NEW.base_price_minor,
            CASE WHEN NEW.stock > 0 THEN NEW.base_price_minor END, CASE WHEN NEW.stock > 0 THEN NEW.base_price_minor END)
        ON CONFLICT (merchant_id, category_id, origin) DO UPDATE SET
            product_count = facet_counts.product_count + 1,
            in_stock = facet_counts.in_stock + EXCLUDED.in_stock,
            min_price = LEAST(facet_counts.min_price, EXCLUDED.min_price),
            max_price = GREATEST(facet_counts.max_price, EXCLUDED.max_price),
            stock_min_price = LEAST(facet_counts.stock_min_price, EXCLUDED.stock_min_price),
            stock_max_price = GREATEST(facet_counts.stock_max_price, EXCLUDED.stock_max_price);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER facet_counts_insert AFTER INSERT ON products
FOR EACH ROW WHEN (NEW.listed) EXECUTE FUNCTION facet_counts_apply();
CREATE TRIGGER facet_counts_delete AFTER DELETE ON products
FOR EACH ROW WHEN (OLD.listed) EXECUTE FUNCTION facet_counts_apply();
-- Updates that change nothing counted (most stock changes) do not fire.
CREATE TRIGGER facet_counts_update
AFTER UPDATE OF listed, merchant_id, category_id, origin, stock, base_price_minor ON products
FOR EACH ROW WHEN (OLD.listed IS DISTINCT FROM NEW.listed OR OLD.merchant_id <> NEW.merchant_id
    OR OLD.category_id <> NEW.category_id OR OLD.origin <> NEW.origin
    OR OLD.base_price_minor <> NEW.base_price_minor OR (OLD.stock > 0) <> (NEW.stock > 0))
EXECUTE FUNCTION facet_counts_apply();
