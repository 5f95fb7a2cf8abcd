-- Customs data and tracking (issue #27). What a product is for customs: its Harmonized System code (6 digits, the
-- international part, up to 10 with a country's own subdivisions) and a plain description for the CN 22 / CN 23
-- declaration ("Leather handbag", not "Florentine dream"). Kept apart from the product row: only shipping reads it.
CREATE TABLE product_customs (
    product_id INTEGER PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    hs_code TEXT NOT NULL CHECK (hs_code = '' OR length(hs_code) BETWEEN 6 AND 10),
    description TEXT NOT NULL
);
-- The carrier an order was handed to (a code of src/orders/carriers.rs, 'other' for one not listed): with the
-- order's tracking number it gives the shopper a tracking link.
CREATE TABLE order_shipments (
    order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    carrier TEXT NOT NULL
);
