-- Delivery dates (issue #27). How many business days a shop takes to hand a parcel to the carrier: with a
-- destination's transit days (shipping_rates.days_min and days_max, business days) it gives the arrival window
-- shown to shoppers (src/arrival).
ALTER TABLE merchants ADD COLUMN handling_days INTEGER NOT NULL DEFAULT 2 CHECK (handling_days BETWEEN 0 AND 60);
-- The arrival window promised when an order was placed, kept as promised whatever the shop changes later.
CREATE TABLE order_arrivals (
    order_id BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    arrives_from DATE NOT NULL,
    arrives_to DATE NOT NULL
);
