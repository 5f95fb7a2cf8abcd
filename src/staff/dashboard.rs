//! What marketing steers by: applications waiting, catalogue growth, how searches fare per language and
//! which found nothing.

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{merchants, products, search_misses};
use crate::db::DbConnection;
use crate::shops::model::MerchantStatus;

pub struct Overview {
    pub pending_merchants: i64,
    pub approved_merchants: i64,
    pub listed_products: i64,
    pub new_products_week: i64,
    /// (locale, query, times) of the last 7 days, most frequent first per locale.
    pub misses: Vec<(String, String, i64)>,
    /// (locale, counts) of the last 7 days' searches.
    pub searches: Vec<(String, crate::search::stats::Tally)>,
    /// The corrections offered most in the last 7 days.
    pub corrections: Vec<crate::search::stats::CorrectionRow>,
}

/// Corrections listed on the dashboard at most.
const CORRECTIONS_SHOWN: usize = 20;

pub fn overview(conn: &mut DbConnection, now: PrimitiveDateTime) -> QueryResult<Overview> {
    let week = now - time::Duration::days(7);
    let pending_merchants = merchants::table
        .filter(merchants::status.eq(MerchantStatus::Pending))
        .select(count_star())
        .first(conn)?;
    let approved_merchants = merchants::table
        .filter(merchants::status.eq(MerchantStatus::Approved))
        .select(count_star())
        .first(conn)?;
    let listed_products = products::table
        .filter(products::listed)
        .select(count_star())
        .first(conn)?;
    let new_products_week = products::table
        .filter(products::created_at.gt(week))
        .select(count_star())
        .first(conn)?;
    let mut misses: Vec<(String, String, i64)> = search_misses::table
        .filter(search_misses::created_at.gt(week))
        .group_by((search_misses::locale, search_misses::query))
        .select((search_misses::locale, search_misses::query, count_star()))
        .load(conn)?;
    misses.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    let mut per_locale: Vec<(String, String, i64)> = Vec::new();
    for m in misses {
        if per_locale.iter().filter(|x| x.0 == m.0).count() < 10 {
            per_locale.push(m);
        }
    }
    Ok(Overview {
        pending_merchants,
        approved_merchants,
        listed_products,
        new_products_week,
        misses: per_locale,
        searches: crate::search::stats::tallies_since(conn, first_day(now))?,
        corrections: crate::search::stats::corrections_since(
            conn,
            first_day(now),
            CORRECTIONS_SHOWN,
        )?,
    })
}

/// The first of the last 7 UTC days, today included (search figures are kept per day).
fn first_day(now: PrimitiveDateTime) -> time::Date {
    (now - time::Duration::days(6)).date()
}
