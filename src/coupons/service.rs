//! Coupon rules the cart and the checkout share: whether a code may be used now by this account in this market,
//! and taking a use when the orders are placed (inside that transaction, so a refused placing takes none).

use diesel::QueryResult;
use time::PrimitiveDateTime;

use super::model::{CouponRow, Refusal};
use super::repo;
use crate::db::DbConnection;
use crate::geo::CountryCode;

/// The code `code` (as stored: normalized) if `user` may use it in `market` at `at`; the cart's amounts are
/// checked by the orders' coupon totals.
pub fn check(
    conn: &mut DbConnection,
    code: &str,
    user: Option<i64>,
    market: CountryCode,
    at: PrimitiveDateTime,
) -> QueryResult<Result<CouponRow, Refusal>> {
    let Some(row) = repo::by_code(conn, code)? else {
        return Ok(Err(Refusal::Unknown));
    };
    if let Some(r) = row.refusal(market, at) {
        return Ok(Err(r));
    }
    if let Some(limit) = row.per_account {
        let Some(uid) = user else {
            return Ok(Err(Refusal::SignIn));
        };
        if repo::uses_by(conn, row.id, uid)? >= i64::from(limit) {
            return Ok(Err(Refusal::AlreadyUsed));
        }
    }
    Ok(Ok(row))
}

/// Takes one use of `coupon` for `user`'s checkout `token`. Call inside the transaction that places the orders:
/// on a refusal the caller rolls back (the use taken here goes with it). The total limit holds by the
/// conditional update; the per-account count is read after it, while the coupon's row is locked.
pub fn redeem(
    conn: &mut DbConnection,
    coupon: &CouponRow,
    user: i64,
    token: &str,
    now: PrimitiveDateTime,
) -> QueryResult<Result<(), Refusal>> {
    if !repo::take_use(conn, coupon.id)? {
        return Ok(Err(Refusal::UsedUp));
    }
    if let Some(limit) = coupon.per_account {
        if repo::uses_by(conn, coupon.id, user)? >= i64::from(limit) {
            return Ok(Err(Refusal::AlreadyUsed));
        }
    }
    repo::record_use(conn, coupon.id, user, token, now)?;
    Ok(Ok(()))
}

/// Gives back the use a checkout took (all its orders were cancelled): the redemption goes, and the total count
/// comes down by one, so a cancelled order never uses up a limited code or an account's allowance.
pub fn give_back(conn: &mut DbConnection, user: i64, token: &str) -> QueryResult<usize> {
    use crate::db::schema::{coupon_redemptions, coupons};
    use diesel::prelude::*;
    let taken: Vec<(i64, i64)> = coupon_redemptions::table
        .filter(coupon_redemptions::user_id.eq(user))
        .filter(coupon_redemptions::checkout_token.eq(token))
        .select((coupon_redemptions::id, coupon_redemptions::coupon_id))
        .load(conn)?;
    for (id, coupon) in &taken {
        diesel::delete(coupon_redemptions::table.find(id)).execute(conn)?;
        diesel::update(coupons::table.find(coupon).filter(coupons::used.gt(0)))
            .set(coupons::used.eq(coupons::used - 1))
            .execute(conn)?;
    }
    Ok(taken.len())
}

/// Creates the codes of the form for `owner` (audited): how many, or the errors.
#[allow(clippy::too_many_arguments)]
pub fn create(
    conn: &mut DbConnection,
    f: &super::form::CouponForm,
    owner: super::form::Owner,
    l: crate::i18n::Locale,
    zone: &str,
    actor: i64,
    now: PrimitiveDateTime,
) -> crate::error::AppResult<Result<usize, crate::http::forms::FormErrors>> {
    let (codes, terms) = match super::form::validate(conn, f, owner, l, zone)? {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    let n = match repo::insert(conn, &codes, &terms, actor, now) {
        Ok(n) => n,
        // The same code created a moment ago by someone else.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {
            let mut e = crate::http::forms::FormErrors::default();
            e.add("code", "coupon-code-taken");
            return Ok(Err(e));
        }
        Err(e) => return Err(e.into()),
    };
    let subject = if terms.batch.is_empty() {
        codes.join(",")
    } else {
        terms.batch.clone()
    };
    let detail = format!("{n} codes, shop {:?}", owner.shop);
    crate::audit::record(conn, actor, "coupon.create", &subject, &detail, now)?;
    Ok(Ok(n))
}

/// Switches code `id` (with its whole batch) on or off, if `shop` owns it (`None`: the marketplace's codes).
pub fn set_active(
    conn: &mut DbConnection,
    id: i64,
    shop: Option<i64>,
    active: bool,
    actor: i64,
    now: PrimitiveDateTime,
) -> crate::error::AppResult<bool> {
    let Some(row) = repo::owned(conn, id, shop)? else {
        return Ok(false);
    };
    let targets: Vec<i64> = if row.batch.is_empty() {
        vec![row.id]
    } else {
        repo::batch(conn, &row.batch, shop)?
            .iter()
            .map(|r| r.id)
            .collect()
    };
    for t in &targets {
        repo::set_active(conn, *t, shop, active)?;
    }
    let action = if active {
        "coupon.activate"
    } else {
        "coupon.deactivate"
    };
    let subject = if row.batch.is_empty() {
        &row.code
    } else {
        &row.batch
    };
    crate::audit::record(conn, actor, action, subject, "", now)?;
    Ok(true)
}
