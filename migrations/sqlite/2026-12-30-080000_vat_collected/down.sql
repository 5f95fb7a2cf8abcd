DROP TABLE order_taxes;
ALTER TABLE categories DROP COLUMN reduced_vat;
ALTER TABLE merchants DROP COLUMN prices_include_vat;
