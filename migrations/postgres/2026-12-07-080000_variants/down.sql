DROP INDEX order_lines_variant;
ALTER TABLE order_lines DROP COLUMN variant_label_merchant;
ALTER TABLE order_lines DROP COLUMN variant_label;
ALTER TABLE order_lines DROP COLUMN variant_id;
DROP INDEX cart_lines_product;
DELETE FROM cart_lines a USING cart_lines b
WHERE a.cart_id = b.cart_id AND a.product_id = b.product_id AND a.variant_id > b.variant_id;
ALTER TABLE cart_lines DROP CONSTRAINT cart_lines_pkey;
ALTER TABLE cart_lines DROP COLUMN variant_id;
ALTER TABLE cart_lines ADD PRIMARY KEY (cart_id, product_id);
DROP TABLE product_values;
DROP TABLE product_variants;
DROP TABLE product_options;
DROP TABLE option_value_translations;
DROP TABLE option_values;
DROP TABLE option_translations;
DROP TABLE options;
