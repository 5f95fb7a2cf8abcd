DROP INDEX order_lines_variant;
ALTER TABLE order_lines DROP COLUMN variant_label_merchant;
ALTER TABLE order_lines DROP COLUMN variant_label;
ALTER TABLE order_lines DROP COLUMN variant_id;
CREATE TABLE cart_lines_p (
    cart_id BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (cart_id, product_id)
);
INSERT INTO cart_lines_p (cart_id, product_id, quantity, added_at)
SELECT cart_id, product_id, sum(quantity), min(added_at) FROM cart_lines GROUP BY cart_id, product_id;
DROP TABLE cart_lines;
ALTER TABLE cart_lines_p RENAME TO cart_lines;
DROP TABLE product_values;
DROP TABLE product_variants;
DROP TABLE product_options;
DROP TABLE option_value_translations;
DROP TABLE option_values;
DROP TABLE option_translations;
DROP TABLE options;
