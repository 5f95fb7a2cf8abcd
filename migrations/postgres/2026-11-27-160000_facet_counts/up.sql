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

-- Statement-level triggers with transition tables: one statement touching many products (a shop suspended, every
-- price of a currency refreshed) recounts each group it touched once, instead of updating the same summary row
-- once per product. A group is recounted from `products` as it stands after the statement (an index range of
-- `products_category_facets`).
CREATE FUNCTION facet_counts_recount(m BIGINT[], c BIGINT[], o TEXT[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM facet_counts f
    USING unnest(m, c, o) AS t(merchant_id, category_id, origin)
    WHERE f.merchant_id = t.merchant_id AND f.category_id = t.category_id AND f.origin = t.origin;
    INSERT INTO facet_counts
    SELECT p.merchant_id, p.category_id, p.origin, count(*), count(*) FILTER (WHERE p.stock > 0),
           min(p.base_price_minor), max(p.base_price_minor),
           min(p.base_price_minor) FILTER (WHERE p.stock > 0), max(p.base_price_minor) FILTER (WHERE p.stock > 0)
    FROM products p
    JOIN (SELECT DISTINCT * FROM unnest(m, c, o) AS u(merchant_id, category_id, origin)) t
      ON p.category_id = t.category_id AND p.merchant_id = t.merchant_id AND p.origin = t.origin
    WHERE p.listed
    GROUP BY p.merchant_id, p.category_id, p.origin;
$$;

CREATE FUNCTION facet_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE m BIGINT[]; c BIGINT[]; o TEXT[];
BEGIN
    SELECT array_agg(merchant_id), array_agg(category_id), array_agg(origin) INTO m, c, o
    FROM (SELECT DISTINCT merchant_id, category_id, origin FROM new_rows WHERE listed) g;
    IF m IS NOT NULL THEN PERFORM facet_counts_recount(m, c, o); END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION facet_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE m BIGINT[]; c BIGINT[]; o TEXT[];
BEGIN
    SELECT array_agg(merchant_id), array_agg(category_id), array_agg(origin) INTO m, c, o
    FROM (SELECT DISTINCT merchant_id, category_id, origin FROM old_rows WHERE listed) g;
    IF m IS NOT NULL THEN PERFORM facet_counts_recount(m, c, o); END IF;
    RETURN NULL;
END;
$$;

-- A group needs a recount only if the counted figures of its updated rows changed: when the old and the new
-- versions of those rows give the same count, in-stock count and price ranges, so does the whole group. Comparing
-- grouped figures (no join of the two transition tables, whose sizes the planner cannot know) keeps a statement
-- over many rows linear, and most stock changes touch no group at all.
CREATE FUNCTION facet_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE m BIGINT[]; c BIGINT[]; o TEXT[];
BEGIN
    WITH before AS (
        SELECT merchant_id, category_id, origin, count(*) AS n, count(*) FILTER (WHERE stock > 0) AS s,
               min(base_price_minor) AS lo, max(base_price_minor) AS hi,
               min(base_price_minor) FILTER (WHERE stock > 0) AS slo,
               max(base_price_minor) FILTER (WHERE stock > 0) AS shi
        FROM old_rows WHERE listed GROUP BY merchant_id, category_id, origin
    ), after AS (
        SELECT merchant_id, category_id, origin, count(*) AS n, count(*) FILTER (WHERE stock > 0) AS s,
               min(base_price_minor) AS lo, max(base_price_minor) AS hi,
               min(base_price_minor) FILTER (WHERE stock > 0) AS slo,
               max(base_price_minor) FILTER (WHERE stock > 0) AS shi
        FROM new_rows WHERE listed GROUP BY merchant_id, category_id, origin
    )
    SELECT array_agg(g.merchant_id), array_agg(g.category_id), array_agg(g.origin) INTO m, c, o FROM (
        SELECT DISTINCT merchant_id, category_id, origin FROM (
            (SELECT * FROM before EXCEPT SELECT * FROM after)
            UNION ALL
            (SELECT * FROM after EXCEPT SELECT * FROM before)
        ) d
    ) g;
    IF m IS NOT NULL THEN PERFORM facet_counts_recount(m, c, o); END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER facet_counts_insert AFTER INSERT ON products
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_counts_inserted();
CREATE TRIGGER facet_counts_delete AFTER DELETE ON products
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_counts_deleted();
CREATE TRIGGER facet_counts_update AFTER UPDATE ON products
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_counts_updated();
