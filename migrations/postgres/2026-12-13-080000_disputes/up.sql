-- Card disputes (chargebacks) as the provider reports them by webhook: one row per provider dispute, about one
-- payment. While a dispute is open no sale of that payment's orders is released to its shop (buyer protection);
-- won or closed, the delivered orders are released as usual; lost, each order's sale is reversed (a chargeback
-- posting in the ledger). event_at is the provider's time of the last event applied (Unix seconds), so an
-- older event arriving late never overwrites a newer state; released_at marks a closed dispute whose held
-- releases were made.
CREATE TABLE disputes (
    id BIGSERIAL PRIMARY KEY,
    payment_id BIGINT NOT NULL REFERENCES payments (id),
    provider_ref TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    event_at BIGINT NOT NULL,
    released_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX disputes_payment ON disputes (payment_id);
