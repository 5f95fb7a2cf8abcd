-- Coupon codes: platform-wide (merchant_id NULL, the marketplace pays) or one shop's (the shop pays). Percent or
-- a fixed amount in `currency` (converted for carts in other currencies), an optional minimum spend in the same
-- currency, a window, optional markets, and limits: uses in total (`used` counts them, raised only while below
-- `max_uses`) and per account. Codes made together share a `batch` label (exported as CSV).
CREATE TABLE coupons (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL,
    merchant_id BIGINT REFERENCES merchants (id),
    kind TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),
    percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 90),
    amount_minor BIGINT NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    currency TEXT NOT NULL,
    min_spend_minor BIGINT NOT NULL DEFAULT 0 CHECK (min_spend_minor >= 0),
    markets TEXT NOT NULL DEFAULT '',
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    max_uses INTEGER,
    per_account INTEGER,
    used INTEGER NOT NULL DEFAULT 0,
    batch TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    CHECK (max_uses IS NULL OR used <= max_uses)
);
CREATE UNIQUE INDEX coupons_code ON coupons (code);
CREATE INDEX coupons_by_shop ON coupons (merchant_id, created_at);
CREATE INDEX coupons_by_batch ON coupons (batch);

-- One row per checkout that used a code (its orders share the token).
CREATE TABLE coupon_redemptions (
    id BIGSERIAL PRIMARY KEY,
    coupon_id BIGINT NOT NULL REFERENCES coupons (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    checkout_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX coupon_redemptions_by_account ON coupon_redemptions (coupon_id, user_id);

-- The code a cart carries (checked again when the order is placed).
ALTER TABLE carts ADD COLUMN coupon_code TEXT NOT NULL DEFAULT '';
-- What a code took off one order: in the shopper's currency, in the shop's, and the part of that the marketplace
-- pays the shop (platform-wide codes). One row per order that used a code.
CREATE TABLE order_coupons (
    order_id BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    coupon_id BIGINT NOT NULL REFERENCES coupons (id),
    discount_minor BIGINT NOT NULL,
    merchant_discount_minor BIGINT NOT NULL,
    platform_minor BIGINT NOT NULL
);
CREATE INDEX order_coupons_by_coupon ON order_coupons (coupon_id);
