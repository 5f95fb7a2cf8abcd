DROP TABLE shop_ratings;
DROP TABLE product_ratings;
DROP TABLE review_reports;
DROP TABLE review_photos;
DROP TABLE reviews;
