#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Integration tests through the real HTTP stack on a fresh database per test.
//! SQLite always; the same suite on PostgreSQL when `CARAVAN_TEST_PG` is set.

mod support;

mod accounts;
mod analytics;
mod audience;
mod bank_accounts;
mod browser;
mod catalogue;
mod cli;
mod coupons;
mod delivery;
mod disputes;
mod email_change;
mod facet_counts;
mod faults;
mod formatting;
mod i18n;
mod mail;
mod merchant_area;
mod merchant_csv;
mod merchants;
mod migrations;
mod ops;
mod option_names;
mod orders;
mod page_cache;
mod participation;
mod password_reset;
mod payment_faults;
mod payment_step;
mod payments;
mod payouts;
mod promos;
mod refunds;
mod reviews;
mod routes;
mod scale_out;
mod search;
mod seed;
mod staff;
mod stored;
mod structure;
mod trust;
mod variants;
