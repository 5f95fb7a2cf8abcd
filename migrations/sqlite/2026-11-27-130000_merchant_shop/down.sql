DROP TABLE pending_imports;
DROP TABLE shipping_rates;
ALTER TABLE product_images DROP COLUMN thumb_path;
ALTER TABLE merchants DROP COLUMN logo_path;
