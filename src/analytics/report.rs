//! Reports summed from the facts: totals, and tables by market, origin, shop, product and day.

use std::collections::{BTreeMap, HashMap, HashSet};

use time::{Date, PrimitiveDateTime};

use super::facts::{self, Fact, Scope, View};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::money::{Currency, Rates};

/// One line of a table: what it is about (a country code, a shop or product id, a day) and its sums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub key: String,
    pub orders: i64,
    pub units: i64,
    pub revenue: i64,
    pub views: i64,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub currency: Currency,
    pub views: i64,
    pub orders: i64,
    pub units: i64,
    pub revenue: i64,
    pub by_market: Vec<Line>,
    pub by_origin: Vec<Line>,
    pub by_shop: Vec<Line>,
    pub top_products: Vec<Line>,
    /// Every day of the period, days without sales included.
    pub daily: Vec<Line>,
    /// Shop and product names by id.
    pub names: HashMap<String, String>,
    /// Whether views are product page views (then each product has its own).
    pub product_views: bool,
}

fn line(key: String, views: i64) -> Line {
    Line {
        key,
        orders: 0,
        units: 0,
        revenue: 0,
        views,
    }
}

/// Adds `n` views to the line of `key`, or a line of its own.
fn add_views(lines: &mut Vec<Line>, key: &str, n: i64) {
    match lines.iter_mut().find(|l| l.key == key) {
        Some(l) => l.views += n,
        None => lines.push(line(key.to_string(), n)),
    }
}

fn group(facts: &[Fact], key: impl Fn(&Fact) -> String) -> Vec<Line> {
    let mut m: BTreeMap<String, (HashSet<i64>, i64, i64)> = BTreeMap::new();
    for f in facts {
        let e = m.entry(key(f)).or_default();
        e.0.insert(f.order);
        e.1 += f.units;
        e.2 += f.revenue;
    }
    let mut v: Vec<Line> = m
        .into_iter()
        .map(|(key, (o, units, revenue))| Line {
            key,
            orders: i64::try_from(o.len()).unwrap_or(0),
            units,
            revenue,
            views: 0,
        })
        .collect();
    v.sort_by(|a, b| b.revenue.cmp(&a.revenue).then(a.key.cmp(&b.key)));
    v
}

/// Sums `facts` and `views` over the days `from..=to`.
pub fn build(
    facts: &[Fact],
    views: &[View],
    (from, to): (Date, Date),
    currency: Currency,
) -> Report {
    let orders: HashSet<i64> = facts.iter().map(|f| f.order).collect();
    let mut by_market = group(facts, |f| f.market.clone());
    let mut top_products = group(facts, |f| f.product.to_string());
    for v in views {
        add_views(&mut by_market, &v.market, v.n);
        if let Some(p) = v.product {
            add_views(&mut top_products, &p.to_string(), v.n);
        }
    }
    // Best sellers first; among products that sold nothing, the most viewed.
    top_products.sort_by(|a, b| {
        (b.revenue, b.views)
            .cmp(&(a.revenue, a.views))
            .then(a.key.cmp(&b.key))
    });
    top_products.truncate(10);
    let per_day = group(facts, |f| f.day.to_string());
    let mut daily = Vec::new();
    let mut d = from;
    while d <= to && daily.len() < 400 {
        let key = d.to_string();
        let mut l = per_day
            .iter()
            .find(|l| l.key == key)
            .cloned()
            .unwrap_or_else(|| line(key.clone(), 0));
        l.views = views.iter().filter(|v| v.day == key).map(|v| v.n).sum();
        daily.push(l);
        match d.next_day() {
            Some(n) => d = n,
            None => break,
        }
    }
    let names = facts
        .iter()
        .map(|f| (format!("p{}", f.product), f.title.clone()))
        .collect();
    Report {
        currency,
        views: views.iter().map(|v| v.n).sum(),
        orders: i64::try_from(orders.len()).unwrap_or(0),
        units: facts.iter().map(|f| f.units).sum(),
        revenue: facts.iter().map(|f| f.revenue).sum(),
        by_market,
        by_origin: group(facts, |f| f.origin.clone()),
        by_shop: group(facts, |f| f.shop.to_string()),
        top_products,
        daily,
        names,
        product_views: views.iter().any(|v| v.product.is_some()),
    }
}

/// Shop names of a report's shops.
fn shop_names(conn: &mut DbConnection, r: &mut Report) -> AppResult<()> {
    for (id, name) in crate::shops::repo::approved_names(conn)? {
        r.names.insert(format!("s{id}"), name);
    }
    Ok(())
}

/// Names of the report's products that were viewed but not sold (sold ones are named by their order lines).
fn product_names(conn: &mut DbConnection, r: &mut Report) -> AppResult<()> {
    let unnamed: Vec<i64> = r
        .top_products
        .iter()
        .filter(|l| !r.names.contains_key(&format!("p{}", l.key)))
        .filter_map(|l| l.key.parse().ok())
        .collect();
    for (id, title) in crate::catalogue::service::original_titles(conn, &unnamed)? {
        r.names.insert(format!("p{id}"), title);
    }
    Ok(())
}

/// Campaign `promo`'s report: its window's days (the last one today at most).
pub fn campaign(
    conn: &mut DbConnection,
    promo: &crate::campaigns::model::PromoRow,
    rates: &Rates,
    to: Currency,
    now: PrimitiveDateTime,
) -> AppResult<Report> {
    let facts = facts::load(conn, Scope::Campaign(promo.id.0), rates, to)?;
    let views = facts::views_of(conn, promo.id.0)?;
    let first = facts
        .iter()
        .map(|f| f.day)
        .min()
        .unwrap_or(promo.starts_at.date());
    let from = first.min(promo.starts_at.date());
    let until = promo.ends_at.date().min(now.date()).max(from);
    let mut r = build(&facts, &views, (from, until), to);
    shop_names(conn, &mut r)?;
    Ok(r)
}

/// The marketplace's (`shop` None) or one shop's sales over the last `days` days.
pub fn period(
    conn: &mut DbConnection,
    shop: Option<i64>,
    days: i64,
    rates: &Rates,
    to: Currency,
    now: PrimitiveDateTime,
) -> AppResult<Report> {
    let since = (now - time::Duration::days(days - 1)).date().midnight();
    let scope = match shop {
        Some(s) => Scope::Shop(s, since),
        None => Scope::Since(since),
    };
    let facts = facts::load(conn, scope, rates, to)?;
    let day = since.date().to_string();
    let views = match shop {
        None => facts::views_since(conn, &day)?,
        Some(s) => facts::shop_views_since(conn, s, &day)?,
    };
    let mut r = build(&facts, &views, (since.date(), now.date()), to);
    shop_names(conn, &mut r)?;
    product_names(conn, &mut r)?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn fact(order: i64, market: &str, day: Date, revenue: i64) -> Fact {
        Fact {
            order,
            market: market.into(),
            origin: "IT".into(),
            shop: 1,
            product: order % 2,
            title: "x".into(),
            day,
            units: 1,
            revenue,
        }
    }

    #[test]
    fn tables_count_orders_once_and_days_without_sales_show_zero() {
        let d = date!(2026 - 11 - 27);
        let next = date!(2026 - 11 - 29);
        let facts = vec![
            fact(1, "DE", d, 1_000),
            fact(1, "DE", d, 500),
            fact(2, "ES", next, 2_000),
        ];
        let views = vec![View {
            day: "2026-11-27".into(),
            market: "DE".into(),
            product: None,
            n: 40,
        }];
        let r = build(&facts, &views, (d, next), Currency::Eur);
        assert_eq!((r.orders, r.units, r.revenue, r.views), (2, 3, 3_500, 40));
        assert_eq!(r.by_market[0].key, "ES");
        let de = r.by_market.iter().find(|l| l.key == "DE").unwrap();
        assert_eq!((de.orders, de.revenue, de.views), (1, 1_500, 40));
        let daily: Vec<(String, i64)> =
            r.daily.iter().map(|l| (l.key.clone(), l.revenue)).collect();
        assert_eq!(
            daily,
            vec![
                ("2026-11-27".into(), 1_500),
                ("2026-11-28".into(), 0),
                ("2026-11-29".into(), 2_000)
            ]
        );
    }

    #[test]
    fn product_views_join_sales_and_products_never_sold_still_show() {
        let d = date!(2026 - 11 - 27);
        let facts = vec![fact(1, "DE", d, 1_000)];
        let seen = |product: i64, market: &str, n: i64| View {
            day: "2026-11-27".into(),
            market: market.into(),
            product: Some(product),
            n,
        };
        let views = vec![seen(1, "DE", 30), seen(1, "ES", 10), seen(7, "ES", 5)];
        let r = build(&facts, &views, (d, d), Currency::Eur);
        assert!(r.product_views);
        let lines: Vec<(String, i64, i64)> = r
            .top_products
            .iter()
            .map(|l| (l.key.clone(), l.orders, l.views))
            .collect();
        assert_eq!(lines, vec![("1".into(), 1, 40), ("7".into(), 0, 5)]);
        let es = r.by_market.iter().find(|l| l.key == "ES").unwrap();
        assert_eq!((es.orders, es.views), (0, 15));
        assert_eq!((r.views, r.daily[0].views), (45, 45));
    }
}
