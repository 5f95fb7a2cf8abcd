//! A cart priced as the shopper will pay it: the totals with the campaigns live for their market and language,
//! then the cart's coupon code, checked for this account, market and instant. The cart, the review and the
//! placing all read it, so they agree to the minor unit.

use time::PrimitiveDateTime;

use super::cart::Snapshot;
use super::coupon_totals::with_coupon;
use super::totals::{Totals, TotalsError};
use super::vat_totals::Vat;
use crate::campaigns::pricing::LivePromos;
use crate::categories::tree::CategoryTree;
use crate::coupons::model::{CouponRow, Refusal};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::geo::CountryCode;
use crate::money::{Currency, Rates};

/// What the cart's code did.
#[derive(Debug, Clone)]
pub enum CouponOutcome {
    /// No code entered.
    None,
    Applied(CouponRow),
    /// The code as entered, and why it does not apply (the totals are without it).
    Refused(String, Refusal),
}

/// Who is buying, where, and when.
#[derive(Debug, Clone, Copy)]
pub struct Buyer {
    pub user: Option<i64>,
    pub market: CountryCode,
    pub currency: Currency,
    pub at: PrimitiveDateTime,
}

/// The snapshot's totals in `buyer.currency`, campaigns, VAT for `buyer.market` and the coupon code included.
pub fn priced(
    conn: &mut DbConnection,
    snap: &Snapshot,
    rates: &Rates,
    live: (&LivePromos, &CategoryTree),
    buyer: Buyer,
) -> AppResult<Result<(Totals, CouponOutcome), TotalsError>> {
    let book = crate::tax::service::book_at(conn, buyer.at, snap.vat_shops())?;
    let vat = Vat {
        book: &book,
        to: buyer.market,
    };
    let t = match super::place::price(snap, rates, buyer.currency, live, Some(vat)) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let code = snap.coupon_code.as_str();
    if code.is_empty() {
        return Ok(Ok((t, CouponOutcome::None)));
    }
    let row = match crate::coupons::service::check(conn, code, buyer.user, buyer.market, buyer.at)?
    {
        Ok(row) => row,
        Err(r) => return Ok(Ok((t, CouponOutcome::Refused(code.to_string(), r)))),
    };
    Ok(match with_coupon(t.clone(), &row.terms(), rates) {
        Ok(Ok(with)) => Ok((with, CouponOutcome::Applied(row))),
        Ok(Err(r)) => Ok((t, CouponOutcome::Refused(code.to_string(), r))),
        Err(e) => Err(e),
    })
}
