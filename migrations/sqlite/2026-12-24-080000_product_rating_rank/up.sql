-- A product's rating on its own row, so listings filter by it ("4★ and up") and sort by it ("best rated") by
-- walking an index, as they do by price. Kept by reviews' recount in the transaction that writes, hides or
-- restores a review (the full aggregate stays in product_ratings):
--   rating_tenths: the average a shopper sees, in tenths of a star rounded half up (4.65 → 47); 0 unrated.
--   rating_score:  the Bayesian average in thousandths of a star, (sum + 5 × 3.5) / (count + 5), so one 5★
--                  review (3750) ranks below two hundred of 4.8★ (4770); 0 unrated, so unrated products come last.
ALTER TABLE products ADD COLUMN rating_tenths INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN rating_score INTEGER NOT NULL DEFAULT 0;
UPDATE products SET
    rating_tenths = COALESCE((SELECT (2 * r.sum * 10 + r.count) / (2 * r.count) FROM product_ratings r
                              WHERE r.product_id = products.id AND r.count > 0), 0),
    rating_score = COALESCE((SELECT r.score FROM product_ratings r
                             WHERE r.product_id = products.id AND r.count > 0), 0);
CREATE INDEX products_rating ON products (rating_score, id) WHERE listed;
CREATE INDEX products_category_rating ON products (category_id, rating_score, id) WHERE listed;
CREATE INDEX products_origin_rating ON products (origin, rating_score, id) WHERE listed;
CREATE INDEX products_rated ON products (rating_tenths, category_id) WHERE listed;
