ALTER TABLE order_lines DROP COLUMN platform_discount_minor;
ALTER TABLE promos DROP COLUMN funded_by;
