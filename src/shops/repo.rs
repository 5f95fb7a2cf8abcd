use diesel::prelude::*;

use super::model::{MerchantRow, MerchantStatus, MerchantTranslation};
use crate::db::schema::{merchant_translations, merchants};
use crate::db::DbConnection;

pub fn approved_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<MerchantRow>> {
    merchants::table
        .filter(merchants::slug.eq(slug))
        .filter(merchants::status.eq(MerchantStatus::Approved.as_str()))
        .select(MerchantRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_ids(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<MerchantRow>> {
    crate::load_by_ids!(conn, merchants::id, ids, |one_of| merchants::table
        .filter(one_of)
        .select(MerchantRow::as_select()))
}

pub fn translations(
    conn: &mut DbConnection,
    merchant_id: i64,
) -> QueryResult<Vec<MerchantTranslation>> {
    merchant_translations::table
        .filter(merchant_translations::merchant_id.eq(merchant_id))
        .select(MerchantTranslation::as_select())
        .load(conn)
}

pub fn approved_slugs(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    merchants::table
        .filter(merchants::status.eq(MerchantStatus::Approved.as_str()))
        .order(merchants::id)
        .select(merchants::slug)
        .load(conn)
}

/// (slug, name) of every approved shop, by name (what the search box completes shop names from).
pub fn approved_slug_names(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    merchants::table
        .filter(merchants::status.eq(MerchantStatus::Approved.as_str()))
        .order(merchants::name)
        .select((merchants::slug, merchants::name))
        .load(conn)
}

/// Every shop's VAT setting: (id, home country, whether its prices include its home VAT).
pub fn vat_settings(conn: &mut DbConnection) -> QueryResult<Vec<(i64, String, bool)>> {
    merchants::table
        .select((
            merchants::id,
            merchants::country,
            merchants::prices_include_vat,
        ))
        .load(conn)
}

/// (id, name) of every approved shop, by name.
pub fn approved_names(conn: &mut DbConnection) -> QueryResult<Vec<(i64, String)>> {
    merchants::table
        .filter(merchants::status.eq(MerchantStatus::Approved.as_str()))
        .order(merchants::name)
        .select((merchants::id, merchants::name))
        .load(conn)
}
