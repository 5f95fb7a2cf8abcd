//! Coupon queries and writes. A use is taken with a conditional update (never past `max_uses`, whatever runs
//! at the same moment: PostgreSQL re-checks the condition on the locked row, SQLite writers take turns), and the
//! per-account count is read after it, under that row lock.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::CouponRow;
use crate::db::schema::{coupon_redemptions, coupons};
use crate::db::DbConnection;

/// What a new code (or each code of a batch) is.
#[derive(Debug, Clone)]
pub struct NewCoupon {
    pub merchant_id: Option<i64>,
    pub kind: &'static str,
    pub percent: i32,
    pub amount_minor: i64,
    pub currency: String,
    pub min_spend_minor: i64,
    pub markets: String,
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub max_uses: Option<i32>,
    pub per_account: Option<i32>,
    pub batch: String,
}

pub fn by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<CouponRow>> {
    coupons::table
        .filter(coupons::code.eq(code))
        .select(CouponRow::as_select())
        .first(conn)
        .optional()
}

pub fn codes_taken(conn: &mut DbConnection, codes: &[String]) -> QueryResult<Vec<String>> {
    coupons::table
        .filter(coupons::code.eq_any(codes))
        .select(coupons::code)
        .load(conn)
}

/// Inserts `codes` with the same terms, in one transaction.
pub fn insert(
    conn: &mut DbConnection,
    codes: &[String],
    c: &NewCoupon,
    actor: i64,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    crate::db::write_tx(conn, |tx| {
        for code in codes {
            diesel::insert_into(coupons::table)
                .values((
                    coupons::code.eq(code),
                    coupons::merchant_id.eq(c.merchant_id),
                    coupons::kind.eq(c.kind),
                    coupons::percent.eq(c.percent),
                    coupons::amount_minor.eq(c.amount_minor),
                    coupons::currency.eq(&c.currency),
                    coupons::min_spend_minor.eq(c.min_spend_minor),
                    coupons::markets.eq(&c.markets),
                    coupons::starts_at.eq(c.starts_at),
                    coupons::ends_at.eq(c.ends_at),
                    coupons::max_uses.eq(c.max_uses),
                    coupons::per_account.eq(c.per_account),
                    coupons::batch.eq(&c.batch),
                    coupons::created_by.eq(actor),
                    coupons::created_at.eq(now),
                ))
                .execute(tx)?;
        }
        Ok(codes.len())
    })
}

/// The codes of the marketplace (`shop` None) or of one shop, newest first; batches shown by their first code.
pub fn list(conn: &mut DbConnection, shop: Option<i64>) -> QueryResult<Vec<CouponRow>> {
    let q = coupons::table
        .order((coupons::created_at.desc(), coupons::id.asc()))
        .select(CouponRow::as_select())
        .limit(2_000);
    match shop {
        Some(s) => q.filter(coupons::merchant_id.eq(s)).load(conn),
        None => q.filter(coupons::merchant_id.is_null()).load(conn),
    }
}

/// Code `id` if `shop` owns it (`None`: the marketplace's codes).
pub fn owned(
    conn: &mut DbConnection,
    id: i64,
    shop: Option<i64>,
) -> QueryResult<Option<CouponRow>> {
    let q = coupons::table
        .filter(coupons::id.eq(id))
        .select(CouponRow::as_select());
    match shop {
        Some(s) => q.filter(coupons::merchant_id.eq(s)).first(conn).optional(),
        None => q
            .filter(coupons::merchant_id.is_null())
            .first(conn)
            .optional(),
    }
}

/// Every code of a batch, of the marketplace or of one shop.
pub fn batch(
    conn: &mut DbConnection,
    label: &str,
    shop: Option<i64>,
) -> QueryResult<Vec<CouponRow>> {
    let q = coupons::table
        .filter(coupons::batch.eq(label))
        .order(coupons::id)
        .select(CouponRow::as_select());
    match shop {
        Some(s) => q.filter(coupons::merchant_id.eq(s)).load(conn),
        None => q.filter(coupons::merchant_id.is_null()).load(conn),
    }
}

/// Switches a code (or a whole batch) on or off; only the owner's (marketplace or shop).
pub fn set_active(
    conn: &mut DbConnection,
    id: i64,
    shop: Option<i64>,
    active: bool,
) -> QueryResult<usize> {
    let target = coupons::table.filter(coupons::id.eq(id));
    match shop {
        Some(s) => diesel::update(target.filter(coupons::merchant_id.eq(s)))
            .set(coupons::active.eq(active))
            .execute(conn),
        None => diesel::update(target.filter(coupons::merchant_id.is_null()))
            .set(coupons::active.eq(active))
            .execute(conn),
    }
}

/// Takes one use of coupon `id`: false when every use is taken.
pub fn take_use(conn: &mut DbConnection, id: i64) -> QueryResult<bool> {
    let n = diesel::update(
        coupons::table.filter(coupons::id.eq(id)).filter(
            coupons::max_uses
                .is_null()
                .or(coupons::used.lt(coupons::max_uses.assume_not_null())),
        ),
    )
    .set(coupons::used.eq(coupons::used + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// How many checkouts of `user` used coupon `id`.
pub fn uses_by(conn: &mut DbConnection, id: i64, user: i64) -> QueryResult<i64> {
    coupon_redemptions::table
        .filter(coupon_redemptions::coupon_id.eq(id))
        .filter(coupon_redemptions::user_id.eq(user))
        .count()
        .get_result(conn)
}

pub fn record_use(
    conn: &mut DbConnection,
    id: i64,
    user: i64,
    token: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(coupon_redemptions::table)
        .values((
            coupon_redemptions::coupon_id.eq(id),
            coupon_redemptions::user_id.eq(user),
            coupon_redemptions::checkout_token.eq(token),
            coupon_redemptions::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
