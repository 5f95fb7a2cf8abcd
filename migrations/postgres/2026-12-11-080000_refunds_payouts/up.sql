-- Refunds of card-paid orders cancelled before shipping: one per order (a part of its checkout's payment), in the
-- payment's currency. A refund is claimed by one worker at a time (status 'sending' with a lease in
-- next_attempt_at), sent with the idempotency key of its id, and retried with a growing wait when the provider
-- fails; staff see failed ones and can retry them at once.
CREATE TABLE refunds (
    id BIGSERIAL PRIMARY KEY,
    payment_id BIGINT NOT NULL REFERENCES payments (id),
    order_id BIGINT NOT NULL UNIQUE REFERENCES orders (id),
    merchant_id BIGINT NOT NULL REFERENCES merchants (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    provider_ref TEXT,
    failure TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX refunds_due ON refunds (status, next_attempt_at);

-- How far the money worker has read the order events it follows (cancellations, deliveries).
CREATE TABLE payment_cursors (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);

-- Payout batches: staff collect every shop's available balance in one currency above a minimum, export the batch
-- for the bank and mark it paid. Each payout moves the amount in the ledger when batched and when paid.
CREATE TABLE payout_batches (
    id BIGSERIAL PRIMARY KEY,
    currency TEXT NOT NULL,
    minimum_minor BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    paid_by BIGINT REFERENCES users (id),
    paid_at TIMESTAMP
);

CREATE TABLE payouts (
    id BIGSERIAL PRIMARY KEY,
    batch_id BIGINT NOT NULL REFERENCES payout_batches (id),
    merchant_id BIGINT NOT NULL REFERENCES merchants (id),
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    UNIQUE (batch_id, merchant_id)
);
CREATE INDEX payouts_merchant ON payouts (merchant_id);
