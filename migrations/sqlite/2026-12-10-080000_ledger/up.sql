-- Commission rates: the default (merchant_id NULL) and per-shop overrides, in basis points (1250 = 12.5%), each
-- in force from its instant; rows are never changed, so the history is the table.
CREATE TABLE commission_rates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id BIGINT REFERENCES merchants (id),
    rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 5000),
    effective_from TIMESTAMP NOT NULL,
    set_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX commission_rates_shop ON commission_rates (merchant_id, effective_from);
INSERT INTO commission_rates (merchant_id, rate_bp, effective_from, set_by, created_at)
VALUES (NULL, 1000, '2000-01-01 00:00:00', NULL, '2000-01-01 00:00:00');

-- The double-entry ledger, in each merchant's currency: a transaction (a sale, a refund, a payout…) and its
-- entries, signed (+ debit, − credit), summing to zero. `key` makes posting the same event twice a no-op.
-- Append-only: triggers refuse any UPDATE or DELETE.
CREATE TABLE ledger_transactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    merchant_id BIGINT NOT NULL REFERENCES merchants (id),
    order_id BIGINT REFERENCES orders (id),
    payment_id BIGINT REFERENCES payments (id),
    currency TEXT NOT NULL,
    memo TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ledger_transactions_shop ON ledger_transactions (merchant_id, created_at);

CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id),
    account TEXT NOT NULL,
    merchant_id BIGINT NOT NULL,
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL
);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_account ON ledger_entries (merchant_id, account);

CREATE TRIGGER ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
