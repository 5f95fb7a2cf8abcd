-- Carts (a guest's keyed by a random token in the session, a signed-in shopper's by user), orders (one per
-- merchant per checkout, with snapshots), their history, saved addresses and the notification outbox.
CREATE TABLE carts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token TEXT UNIQUE,
    user_id BIGINT UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE cart_lines (
    cart_id BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (cart_id, product_id)
);

CREATE TABLE addresses (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    full_name TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT NOT NULL,
    city TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    country TEXT NOT NULL,
    phone TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    checkout_token TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    merchant_id BIGINT NOT NULL REFERENCES merchants (id),
    status TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    -- What the shopper pays, in the currency they chose.
    currency TEXT NOT NULL,
    subtotal_minor BIGINT NOT NULL,
    shipping_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    -- The same order in the merchant's currency, and the rates (units per base currency, micros) used.
    merchant_currency TEXT NOT NULL,
    merchant_subtotal_minor BIGINT NOT NULL,
    merchant_shipping_minor BIGINT NOT NULL,
    merchant_total_minor BIGINT NOT NULL,
    merchant_rate_micros BIGINT NOT NULL,
    shopper_rate_micros BIGINT NOT NULL,
    ship_name TEXT NOT NULL,
    ship_line1 TEXT NOT NULL,
    ship_line2 TEXT NOT NULL,
    ship_city TEXT NOT NULL,
    ship_postal_code TEXT NOT NULL,
    ship_country TEXT NOT NULL,
    ship_phone TEXT NOT NULL,
    delivery_days_min INTEGER NOT NULL,
    delivery_days_max INTEGER NOT NULL,
    tracking_number TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (checkout_token, merchant_id)
);
CREATE INDEX orders_user ON orders (user_id, created_at);
CREATE INDEX orders_merchant ON orders (merchant_id, status, created_at);
CREATE INDEX orders_created ON orders (created_at);

CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id),
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    title_locale TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_minor BIGINT NOT NULL,
    line_minor BIGINT NOT NULL,
    unit_shopper_minor BIGINT NOT NULL,
    line_shopper_minor BIGINT NOT NULL,
    discount_percent INTEGER NOT NULL DEFAULT 0,
    promo_id BIGINT
);
CREATE INDEX order_lines_order ON order_lines (order_id);
CREATE INDEX order_lines_product ON order_lines (product_id);

CREATE TABLE order_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    actor_id BIGINT,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);

-- Outbox: one row per message to a user; shown in the account, drained later by an email sender.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    order_id BIGINT REFERENCES orders (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unsent ON notifications (sent_at, id);
