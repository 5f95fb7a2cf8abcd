DROP INDEX products_rated;
DROP INDEX products_origin_rating;
DROP INDEX products_category_rating;
DROP INDEX products_rating;
ALTER TABLE products DROP COLUMN rating_score;
ALTER TABLE products DROP COLUMN rating_tenths;
