-- Where a shop is paid: the account holder, the IBAN (stored in its electronic form, validated with its country's
-- format and checksum) and the BIC when the shop gives one. One row per shop; each change is audited (with the
-- IBAN masked) because changing where money goes is what an account takeover would do first.
CREATE TABLE shop_bank_accounts (
    merchant_id BIGINT PRIMARY KEY REFERENCES merchants (id),
    holder TEXT NOT NULL,
    iban TEXT NOT NULL,
    bic TEXT NOT NULL DEFAULT '',
    updated_by BIGINT NOT NULL REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
