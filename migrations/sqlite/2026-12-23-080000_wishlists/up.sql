-- Signed-in shoppers' wishlists (a guest's is kept in the session and merged at sign-in). price_minor is the
-- product's list price in its shop's currency when it was added: the list marks a product whose price is lower
-- now ("price dropped").
CREATE TABLE wishlist_items (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    price_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
