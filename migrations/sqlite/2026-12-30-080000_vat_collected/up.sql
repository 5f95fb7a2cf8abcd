-- VAT in prices and orders (issue #27, src/tax). Whether a shop's prices include its home VAT: every shop so far
-- typed the price its home shoppers pay, and consumer prices include VAT in each pilot country, so existing shops
-- do; a shop selling net says so on its shipping and taxes page.
ALTER TABLE merchants ADD COLUMN prices_include_vat BOOLEAN NOT NULL DEFAULT TRUE;
-- Categories whose goods take a country's reduced rate (food, books), the subcategories with them.
ALTER TABLE categories ADD COLUMN reduced_vat BOOLEAN NOT NULL DEFAULT FALSE;
-- What an order's consignment bore, as judged when it was placed: one row per VAT rate in it ('collect': the
-- destination's VAT is in the prices and was collected, remitted by the marketplace as deemed supplier or by the
-- shop; 'duties': sold net, the buyer may owe import VAT and duties on delivery, one row with rate 0).
CREATE TABLE order_taxes (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    treatment TEXT NOT NULL CHECK (treatment IN ('collect', 'duties')),
    country TEXT NOT NULL,
    remitted_by TEXT NOT NULL CHECK (remitted_by IN ('platform', 'shop', 'buyer')),
    -- Gross amount at this rate and the VAT in it, in the order's currency and in the shop's.
    gross_minor BIGINT NOT NULL,
    vat_minor BIGINT NOT NULL CHECK (vat_minor >= 0),
    merchant_gross_minor BIGINT NOT NULL,
    merchant_vat_minor BIGINT NOT NULL CHECK (merchant_vat_minor >= 0),
    PRIMARY KEY (order_id, rate_bp)
);
CREATE INDEX order_taxes_country ON order_taxes (country);
