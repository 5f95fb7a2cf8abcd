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
    ON products (category_id, merchant_id, origin, stock, base_price_minor, listed) WHERE listed;

INSERT INTO facet_counts
SELECT merchant_id, category_id, origin, count(*), sum(stock > 0), min(base_price_minor), max(base_price_minor),
       min(CASE WHEN stock > 0 THEN base_price_minor END), max(CASE WHEN stock > 0 THEN base_price_minor END)
FROM products WHERE listed GROUP BY merchant_id, category_id, origin;

CREATE TRIGGER facet_counts_insert AFTER INSERT ON products WHEN NEW.listed
BEGIN
    INSERT INTO facet_counts VALUES (
        NEW.merchant_id, NEW.category_id, NEW.origin, 1, NEW.stock > 0, NEW.base_price_minor, NEW.base_price_minor,
        CASE WHEN NEW.stock > 0 THEN NEW.base_price_minor END, CASE WHEN NEW.stock > 0 THEN NEW.base_price_minor END)
    ON CONFLICT (merchant_id, category_id, origin) DO UPDATE SET
        product_count = product_count + 1,
        in_stock = in_stock + excluded.in_stock,
        min_price = min(min_price, excluded.min_price),
        max_price = max(max_price, excluded.max_price),
        stock_min_price = coalesce(min(stock_min_price, excluded.stock_min_price), stock_min_price, excluded.stock_min_price),
        stock_max_price = coalesce(max(stock_max_price, excluded.stock_max_price), stock_max_price, excluded.stock_max_price);
END;

CREATE TRIGGER facet_counts_delete AFTER DELETE ON products WHEN OLD.listed
BEGIN
    UPDATE facet_counts SET product_count = product_count - 1, in_stock = in_stock - (OLD.stock > 0)
    WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin;
    DELETE FROM facet_counts
    WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin AND product_count <= 0;
    UPDATE facet_counts SET (min_price, max_price, stock_min_price, stock_max_price) = (
        SELECT min(base_price_minor), max(base_price_minor),
               min(CASE WHEN stock > 0 THEN base_price_minor END), max(CASE WHEN stock > 0 THEN base_price_minor END)
        FROM products
        WHERE listed AND category_id = OLD.category_id AND merchant_id = OLD.merchant_id AND origin = OLD.origin)
    WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin
      AND (OLD.base_price_minor <= min_price OR OLD.base_price_minor >= max_price
           OR (OLD.stock > 0 AND (OLD.base_price_minor <= stock_min_price OR OLD.base_price_minor >= stock_max_price)));
END;

-- An update is the old row leaving its group and the new row joining one. Updates that change nothing counted
-- (most stock changes) do not fire.
CREATE TRIGGER facet_counts_update_old AFTER UPDATE OF listed, merchant_id, category_id, origin, stock, base_price_minor
ON products
WHEN OLD.listed AND NOT (NEW.listed AND OLD.merchant_id = NEW.merchant_id AND OLD.category_id = NEW.category_id
    AND OLD.origin = NEW.origin AND OLD.base_price_minor = NEW.base_price_minor AND (OLD.stock > 0) = (NEW.stock > 0))
BEGIN
    UPDATE facet_counts SET product_count = product_count - 1, in_stock = in_stock - (OLD.stock > 0)
    WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin;
    DELETE FROM facet_counts
    WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin AND product_count <= 0;
    UPDATE facet_counts SET (min_price, max_price, stock_min_price, stock_max_price) = (
        SELECT min(base_price_minor), max(base_price_minor),
               min(CASE WHEN stock > 0 THEN base_price_minor END), max(CASE WHEN stock > 0 THEN base_price_minor END)
        FROM products
        WHERE listed AND category_id = OLD.category_id AND merchant_id = OLD.merchant_id AND origin = OLD.origin)
    WHERE merchant_id = OLD.merchant_id AND category_id = OLD.category_id AND origin = OLD.origin
      AND (OLD.base_price_minor <= min_price OR OLD.base_price_minor >= max_price
           OR (OLD.stock > 0 AND (OLD.base_price_minor <= stock_min_price OR OLD.base_price_minor >= stock_max_price)));
END;

CREATE TRIGGER facet_counts_update_new AFTER UPDATE OF listed, merchant_id, category_id, origin, stock, base_price_minor
ON products
WHEN NEW.listed AND NOT (OLD.listed AND OLD.merchant_id = NEW.merchant_id AND OLD.category_id = NEW.category_id
    AND OLD.origin = NEW.origin AND OLD.base_price_minor = NEW.base_price_minor AND (OLD.stock > 0) = (NEW.stock > 0))
BEGIN
    INSERT INTO facet_counts VALUES (
        NEW.merchant_id, NEW.category_id, NEW.origin, 1, NEW.stock > 0, NEW.base_price_minor, NEW.base_price_minor,
        CASE WHEN NEW.stock > 0 THEN NEW.base_price_minor END, CASE WHEN NEW.stock > 0 THEN NEW.base_price_minor END)
    ON CONFLICT (merchant_id, category_id, origin) DO UPDATE SET
        product_count = product_count + 1,
        in_stock = in_stock + excluded.in_stock,
        min_price = min(min_price, excluded.min_price),
        max_price = max(max_price, excluded.max_price),
        stock_min_price = coalesce(min(stock_min_price, excluded.stock_min_price), stock_min_price, excluded.stock_min_price),
        stock_max_price = coalesce(max(stock_max_price, excluded.stock_max_price), stock_max_price, excluded.stock_max_price);
END;
