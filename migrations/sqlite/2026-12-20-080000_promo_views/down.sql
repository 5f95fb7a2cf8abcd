DROP INDEX order_lines_by_promo;
DROP TABLE promo_views;
