-- Who pays a campaign's discount: the shop (its price is lowered, as before) or the marketplace, which then makes
-- the shop whole for every card sale (the discount of each order line is kept with the line when it is placed).
ALTER TABLE promos ADD COLUMN funded_by TEXT NOT NULL DEFAULT 'shop';
ALTER TABLE order_lines ADD COLUMN platform_discount_minor BIGINT NOT NULL DEFAULT 0;
