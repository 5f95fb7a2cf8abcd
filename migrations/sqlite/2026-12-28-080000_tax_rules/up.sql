-- VAT per ship-to country, kept by staff with history like exchange rates: the rule in force for a country at an
-- instant is its row with the latest effective_from at or before that instant (src/tax/rules.rs applies it).
-- scheme: 'eu' (a member state: destination VAT on goods from other member states under the one-stop shop, and
-- on goods from outside the EU up to threshold_minor EUR under the import one-stop shop, IOSS), 'low_value' (the
-- seller collects VAT up to the threshold: the UK, £135), 'none' (no collection by a foreign seller: import taxes
-- and duties may be due on delivery). A country without a row is 'none'. Rates are basis points (19% = 1900);
-- reduced_bp is the country's main reduced rate, the one its food takes (one per country for now: some
-- countries tax books or staples lower still, e.g. Italy 4%, and the UK's food and books are zero-rated).
--
-- Seeded with the rates in force on 2026-01-01. Sources: European Commission, "VAT rates applied in the Member
-- States of the European Union" (taxation-customs.ec.europa.eu), with the changes of 2024-2025 (Finland 25.5%
-- from 2024-09-01 and 13.5% reduced from 2026-01-01, Slovakia 23% and 19% from 2025-01-01, Romania 21% and 11% from 2025-08-01, Estonia 24% from
-- 2025-07-01); Council Directive (EU) 2017/2455 for the IOSS threshold (EUR 150); HMRC, "VAT rates on different
-- goods and services" and "VAT and overseas goods sold directly to customers in the UK" (GBP 135); Russia: Tax
-- Code art. 164 as amended for 2026 (22%, reduced 10%); Turkey: KDV 20%, reduced 10%; Kazakhstan: Tax Code of
-- 2025 (16% from 2026-01-01); Belarus: Tax Code art. 122 (20%, reduced 10%); Azerbaijan 18%; Uzbekistan 12%;
-- the United States levy no VAT (state sales taxes are out of scope). Staff correct any of them on /staff/taxes.
CREATE TABLE tax_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    country TEXT NOT NULL,
    scheme TEXT NOT NULL CHECK (scheme IN ('eu', 'low_value', 'none')),
    standard_bp INTEGER NOT NULL CHECK (standard_bp BETWEEN 0 AND 10000),
    reduced_bp INTEGER CHECK (reduced_bp BETWEEN 0 AND 10000),
    threshold_minor BIGINT,
    threshold_currency TEXT,
    effective_from TIMESTAMP NOT NULL,
    CHECK ((threshold_minor IS NULL) = (threshold_currency IS NULL)),
    CHECK (scheme = 'none' OR (threshold_minor IS NOT NULL AND threshold_minor > 0)),
    CHECK (reduced_bp IS NULL OR reduced_bp <= standard_bp)
);
CREATE INDEX tax_rules_country ON tax_rules (country, effective_from);

INSERT INTO tax_rules (country, scheme, standard_bp, reduced_bp, threshold_minor, threshold_currency, effective_from)
VALUES
    ('AT', 'eu', 2000, 1000, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('BE', 'eu', 2100, 600, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('BG', 'eu', 2000, 900, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('HR', 'eu', 2500, 1300, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('CY', 'eu', 1900, 500, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('CZ', 'eu', 2100, 1200, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('DK', 'eu', 2500, NULL, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('EE', 'eu', 2400, 900, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('FI', 'eu', 2550, 1350, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('FR', 'eu', 2000, 550, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('DE', 'eu', 1900, 700, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('GR', 'eu', 2400, 1300, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('HU', 'eu', 2700, 500, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('IE', 'eu', 2300, 1350, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('IT', 'eu', 2200, 1000, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('LV', 'eu', 2100, 1200, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('LT', 'eu', 2100, 900, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('LU', 'eu', 1700, 800, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('MT', 'eu', 1800, 700, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('NL', 'eu', 2100, 900, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('PL', 'eu', 2300, 800, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('PT', 'eu', 2300, 600, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('RO', 'eu', 2100, 1100, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('SK', 'eu', 2300, 1900, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('SI', 'eu', 2200, 950, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('ES', 'eu', 2100, 1000, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('SE', 'eu', 2500, 1200, 15000, 'EUR', '2026-01-01 00:00:00'),
    ('GB', 'low_value', 2000, 0, 13500, 'GBP', '2026-01-01 00:00:00'),
    ('RU', 'none', 2200, 1000, NULL, NULL, '2026-01-01 00:00:00'),
    ('TR', 'none', 2000, 1000, NULL, NULL, '2026-01-01 00:00:00'),
    ('KZ', 'none', 1600, NULL, NULL, NULL, '2026-01-01 00:00:00'),
    ('BY', 'none', 2000, 1000, NULL, NULL, '2026-01-01 00:00:00'),
    ('AZ', 'none', 1800, NULL, NULL, NULL, '2026-01-01 00:00:00'),
    ('UZ', 'none', 1200, NULL, NULL, NULL, '2026-01-01 00:00:00'),
    ('US', 'none', 0, NULL, NULL, NULL, '2026-01-01 00:00:00'),
    -- Sweden halves its food VAT from 12% to 6% from 1 April 2026 to 31 December 2027 (Prop. 2025/26:55).
    ('SE', 'eu', 2500, 600, 15000, 'EUR', '2026-04-01 00:00:00');
