//! The facts every report sums: one per order line of an order that was not cancelled (its market, origin,
//! shop, product, UTC day, units and revenue in the reporting currency), and promo page views.

use std::collections::HashMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{order_coupons, order_lines, orders, product_views, products, promo_views};
use crate::db::DbConnection;
use crate::money::{Currency, Money, Rates, Rounding};
use crate::orders::model::OrderStatus;

/// Which order lines a report reads.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// Lines a campaign discounted.
    Campaign(i64),
    /// Every line placed since the instant.
    Since(PrimitiveDateTime),
    /// A shop's lines placed since the instant.
    Shop(i64, PrimitiveDateTime),
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub order: i64,
    pub market: String,
    pub origin: String,
    pub shop: i64,
    pub product: i64,
    pub title: String,
    pub day: time::Date,
    pub units: i64,
    /// In the reporting currency's minor units.
    pub revenue: i64,
}

type Row = (
    i64,
    String,
    i64,
    PrimitiveDateTime,
    String,
    i64,
    i64,
    i32,
    i64,
    String,
);

/// The facts of `scope`, revenue converted to `to`: each line from the shop's currency to the euro at the rate
/// the order was placed with, then to `to` at `rates` (half up each time).
pub fn load(
    conn: &mut DbConnection,
    scope: Scope,
    rates: &Rates,
    to: Currency,
) -> QueryResult<Vec<Fact>> {
    let q = order_lines::table
        .inner_join(orders::table)
        .filter(orders::status.ne(OrderStatus::Cancelled.as_str()))
        .select((
            orders::id,
            orders::ship_country,
            orders::merchant_id,
            orders::created_at,
            orders::merchant_currency,
            orders::merchant_rate_micros,
            order_lines::line_minor,
            order_lines::quantity,
            order_lines::product_id,
            order_lines::title,
        ))
        .into_boxed();
    let rows: Vec<Row> = match scope {
        Scope::Campaign(id) => q.filter(order_lines::promo_id.eq(id)).load(conn)?,
        Scope::Since(t) => q.filter(orders::created_at.ge(t)).load(conn)?,
        Scope::Shop(s, t) => q
            .filter(orders::merchant_id.eq(s))
            .filter(orders::created_at.ge(t))
            .load(conn)?,
    };
    let mut ids: Vec<i64> = rows.iter().map(|r| r.8).collect();
    ids.sort_unstable();
    ids.dedup();
    let origins: HashMap<i64, String> = products::table
        .filter(products::id.eq_any(&ids))
        .select((products::id, products::origin))
        .load(conn)?
        .into_iter()
        .collect();
    // What a coupon code took off an order is taken off its lines in proportion (what the shopper paid).
    let mut orders_of: Vec<i64> = rows.iter().map(|r| r.0).collect();
    orders_of.sort_unstable();
    orders_of.dedup();
    let codes: HashMap<i64, i64> = order_coupons::table
        .filter(order_coupons::order_id.eq_any(&orders_of))
        .select((
            order_coupons::order_id,
            order_coupons::merchant_discount_minor,
        ))
        .load(conn)?
        .into_iter()
        .collect();
    let mut goods: HashMap<i64, i64> = HashMap::new();
    for r in &rows {
        *goods.entry(r.0).or_insert(0) += r.6;
    }
    let net = |order: i64, line: i64| -> i64 {
        match (codes.get(&order), goods.get(&order)) {
            (Some(off), Some(all)) if *all > 0 => {
                let share = i128::from(*off) * i128::from(line) / i128::from(*all);
                line - i64::try_from(share).unwrap_or(0)
            }
            _ => line,
        }
    };
    Ok(rows
        .into_iter()
        .map(
            |(order, market, shop, at, cur, rate, line, qty, product, title)| {
                let from = Currency::parse(&cur).unwrap_or(Currency::BASE);
                let line = net(order, line);
                Fact {
                    order,
                    market,
                    origin: origins.get(&product).cloned().unwrap_or_default(),
                    shop,
                    product,
                    title,
                    day: at.date(),
                    units: i64::from(qty),
                    revenue: revenue(Money::new(line, from), rate, rates, to),
                }
            },
        )
        .collect())
}

/// A line's amount in `to`: to the euro at the order's rate, then to `to` at today's (zero when a rate is
/// missing, never a guess).
fn revenue(m: Money, order_rate: i64, rates: &Rates, to: Currency) -> i64 {
    let mut at_order = Rates::new();
    at_order.set(Currency::BASE, 1_000_000);
    at_order.set(m.currency, order_rate);
    at_order
        .convert(m, Currency::BASE, Rounding::HalfUp)
        .and_then(|eur| rates.convert(eur, to, Rounding::HalfUp))
        .map_or(0, |x| x.minor)
}

/// Page views on one day in one market, of one product when the page was a product's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub day: String,
    pub market: String,
    pub product: Option<i64>,
    pub n: i64,
}

fn view((day, market, n): (String, String, i64)) -> View {
    View {
        day,
        market,
        product: None,
        n,
    }
}

/// Promo page views of campaign `id`.
pub fn views_of(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<View>> {
    let rows: Vec<(String, String, i64)> = promo_views::table
        .filter(promo_views::promo_id.eq(id))
        .select((promo_views::day, promo_views::market, promo_views::views))
        .load(conn)?;
    Ok(rows.into_iter().map(view).collect())
}

/// Promo page views of every campaign from `since` (a `YYYY-MM-DD` day) on.
pub fn views_since(conn: &mut DbConnection, since: &str) -> QueryResult<Vec<View>> {
    let rows: Vec<(String, String, i64)> = promo_views::table
        .filter(promo_views::day.ge(since))
        .select((promo_views::day, promo_views::market, promo_views::views))
        .load(conn)?;
    Ok(rows.into_iter().map(view).collect())
}

/// Product page views of shop `shop`'s products from `since` (a `YYYY-MM-DD` day) on.
pub fn shop_views_since(conn: &mut DbConnection, shop: i64, since: &str) -> QueryResult<Vec<View>> {
    let rows: Vec<(i64, String, String, i64)> = product_views::table
        .inner_join(products::table)
        .filter(products::merchant_id.eq(shop))
        .filter(product_views::day.ge(since))
        .select((
            product_views::product_id,
            product_views::day,
            product_views::market,
            product_views::views,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(p, day, market, n)| View {
            day,
            market,
            product: Some(p),
            n,
        })
        .collect())
}
