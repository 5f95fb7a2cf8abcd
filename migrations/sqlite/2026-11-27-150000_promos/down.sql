DROP TABLE promo_featured;
DROP TABLE promo_targets;
DROP TABLE promo_translations;
DROP TABLE promos;
