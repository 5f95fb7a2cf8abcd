ALTER TABLE order_lines DROP COLUMN shop_discount_minor;
DROP TABLE promo_participants;
ALTER TABLE promos DROP COLUMN platform_share;
ALTER TABLE promos DROP COLUMN open_to_merchants;
ALTER TABLE promos DROP COLUMN ends_local;
ALTER TABLE promos DROP COLUMN starts_local;
ALTER TABLE promos DROP COLUMN local_times;
ALTER TABLE promos DROP COLUMN languages;
ALTER TABLE promos DROP COLUMN markets;
