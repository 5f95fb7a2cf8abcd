DROP TABLE order_arrivals;
ALTER TABLE merchants DROP COLUMN handling_days;
