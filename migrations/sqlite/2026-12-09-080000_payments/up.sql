-- Card payments: one per checkout (the orders of one checkout share its token), in the shopper's currency. The
-- provider's reference is unique, so a PaymentIntent settles one payment; settling moves `status` from pending
-- exactly once (a conditional update), whichever of the return and the webhook comes first.
CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    checkout_token TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    provider TEXT NOT NULL,
    provider_ref TEXT UNIQUE,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    failure_code TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Webhook events already handled (a replay finds its row and does nothing), and what came of each.
CREATE TABLE payment_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    PRIMARY KEY (provider, event_id)
);
CREATE INDEX payment_events_received ON payment_events (received_at);
