//! Commission rates: a default and per-shop overrides in basis points (1250 = 12.5%), each in force from the
//! instant staff set it (rows are never changed, so the history is kept), and what a sale owes at a rate.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{commission_rates, merchants};
use crate::db::DbConnection;

/// Highest rate staff may set (50%).
pub const MAX_BP: i32 = 5_000;

/// The commission on `amount_minor` at `rate_bp`, rounded half up to the minor unit (amounts are never negative).
pub fn commission(amount_minor: i64, rate_bp: i32) -> i64 {
    let scaled = i128::from(amount_minor) * i128::from(rate_bp);
    let q = (scaled + 5_000) / 10_000;
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// The rate in force for a shop at `at`: its own latest override from before `at`, else the default's.
pub fn rate_at(
    conn: &mut DbConnection,
    merchant_id: i64,
    at: PrimitiveDateTime,
) -> QueryResult<i32> {
    let own: Option<i32> = commission_rates::table
        .filter(commission_rates::merchant_id.eq(merchant_id))
        .filter(commission_rates::effective_from.le(at))
        .order((
            commission_rates::effective_from.desc(),
            commission_rates::id.desc(),
        ))
        .select(commission_rates::rate_bp)
        .first(conn)
        .optional()?;
    match own {
        Some(bp) => Ok(bp),
        None => default_at(conn, at),
    }
}

/// The default rate in force at `at` (0 when none was ever set).
pub fn default_at(conn: &mut DbConnection, at: PrimitiveDateTime) -> QueryResult<i32> {
    Ok(commission_rates::table
        .filter(commission_rates::merchant_id.is_null())
        .filter(commission_rates::effective_from.le(at))
        .order((
            commission_rates::effective_from.desc(),
            commission_rates::id.desc(),
        ))
        .select(commission_rates::rate_bp)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// Sets the default (`None`) or a shop's rate from `now` on (the caller audits it).
pub fn set(
    conn: &mut DbConnection,
    actor: i64,
    merchant_id: Option<i64>,
    rate_bp: i32,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(commission_rates::table)
        .values((
            commission_rates::merchant_id.eq(merchant_id),
            commission_rates::rate_bp.eq(rate_bp),
            commission_rates::effective_from.eq(now),
            commission_rates::set_by.eq(Some(actor)),
            commission_rates::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// One rate as set: (shop name or none for the default, rate, from).
pub type RateLine = (Option<String>, i32, PrimitiveDateTime);

/// The latest `limit` rates set, newest first.
pub fn history(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<RateLine>> {
    commission_rates::table
        .left_join(merchants::table.on(commission_rates::merchant_id.eq(merchants::id.nullable())))
        .order((
            commission_rates::effective_from.desc(),
            commission_rates::id.desc(),
        ))
        .limit(limit)
        .select((
            merchants::name.nullable(),
            commission_rates::rate_bp,
            commission_rates::effective_from,
        ))
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commission_rounds_half_up_to_the_minor_unit() {
        assert_eq!(commission(10_000, 1_250), 1_250);
        assert_eq!(commission(19_950, 1_000), 1_995);
        // 12.5% of 1.01 = 0.12625 → 0.13; of 1.03 = 0.12875 → 0.13; 10% of 0.05 = 0.005 → 0.01.
        assert_eq!(commission(101, 1_250), 13);
        assert_eq!(commission(103, 1_250), 13);
        assert_eq!(commission(5, 1_000), 1);
        assert_eq!(commission(4, 1_000), 0);
        assert_eq!(commission(0, 1_250), 0);
        assert_eq!(commission(1_000_000_000_000, 5_000), 500_000_000_000);
    }
}
