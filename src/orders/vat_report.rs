//! VAT collected over a period, by destination, scheme and rate: what an IOSS or OSS return needs (staff, in
//! euros) and what a shop declares itself (the shop, in its own currency). Orders count from the moment they were
//! placed; orders awaiting payment or cancelled are left out (no payment accepted, or refunded).

use std::collections::BTreeMap;

use diesel::prelude::*;
use time::Date;

use super::model::OrderStatus;
use crate::db::schema::{order_taxes, orders};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::money::{Currency, Money, Rates, Rounding};

/// Whose VAT: every order in euros, or one shop's in its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Staff,
    Shop(i64),
}

/// VAT collected at one rate for one destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatSum {
    pub country: String,
    /// `collect` or `duties` (sold net: no VAT, counted for the record).
    pub treatment: String,
    /// `platform`, `shop` or `buyer`.
    pub remitted_by: String,
    pub rate_bp: i32,
    pub orders: i64,
    /// Amounts with VAT, and the VAT in them.
    pub gross: Money,
    pub vat: Money,
}

type Row = (
    String,
    String,
    String,
    i32,
    i64,
    String,
    i64,
    i64,
    i64,
    String,
    i64,
    i64,
);

/// The sums for orders placed from `from` to `to` (both days included, UTC), by country, treatment, remitter and
/// rate. Staff sums are in euros, each order converted at the rate it was placed at (half up); a shop's are in
/// its currency, as its orders were.
pub fn collected(
    conn: &mut DbConnection,
    scope: Scope,
    from: Date,
    to: Date,
) -> AppResult<Vec<VatSum>> {
    let mut q = order_taxes::table
        .inner_join(orders::table)
        .filter(orders::created_at.ge(from.midnight()))
        .filter(orders::status.ne_all([
            OrderStatus::AwaitingPayment.as_str(),
            OrderStatus::Cancelled.as_str(),
        ]))
        .into_boxed();
    if let Some(next) = to.next_day() {
        q = q.filter(orders::created_at.lt(next.midnight()));
    }
    if let Scope::Shop(id) = scope {
        q = q.filter(orders::merchant_id.eq(id));
    }
    let rows: Vec<Row> = q
        .order((order_taxes::country, order_taxes::rate_bp.desc()))
        .select((
            order_taxes::country,
            order_taxes::treatment,
            order_taxes::remitted_by,
            order_taxes::rate_bp,
            orders::id,
            orders::currency,
            orders::shopper_rate_micros,
            order_taxes::gross_minor,
            order_taxes::vat_minor,
            orders::merchant_currency,
            order_taxes::merchant_gross_minor,
            order_taxes::merchant_vat_minor,
        ))
        .load(conn)?;
    let mut sums: BTreeMap<(String, String, String, i32), VatSum> = BTreeMap::new();
    for (
        country,
        treatment,
        remitted_by,
        rate_bp,
        _,
        cur,
        micros,
        gross,
        vat,
        mcur,
        mgross,
        mvat,
    ) in rows
    {
        let (gross, vat) = match scope {
            Scope::Staff => (in_euros(gross, &cur, micros), in_euros(vat, &cur, micros)),
            Scope::Shop(_) => {
                let c = Currency::parse(&mcur).unwrap_or(Currency::BASE);
                (Money::new(mgross, c), Money::new(mvat, c))
            }
        };
        let key = (
            country.clone(),
            treatment.clone(),
            remitted_by.clone(),
            rate_bp,
        );
        let zero = Money::new(0, gross.currency);
        let s = sums.entry(key).or_insert_with(|| VatSum {
            country,
            treatment,
            remitted_by,
            rate_bp,
            orders: 0,
            gross: zero,
            vat: zero,
        });
        if s.gross.currency == gross.currency {
            s.orders += 1;
            s.gross.minor = s.gross.minor.saturating_add(gross.minor);
            s.vat.minor = s.vat.minor.saturating_add(vat.minor);
        }
    }
    Ok(sums.into_values().collect())
}

/// An order's amount in euros at the rate it was placed at (units of its currency per euro, in millionths).
fn in_euros(minor: i64, currency: &str, per_euro_micros: i64) -> Money {
    let cur = Currency::parse(currency).unwrap_or(Currency::BASE);
    let mut rates = Rates::new();
    rates.set(cur, per_euro_micros.max(1));
    let m = Money::new(minor, cur);
    rates
        .convert(m, Currency::Eur, Rounding::HalfUp)
        .unwrap_or(Money::new(0, Currency::Eur))
}
