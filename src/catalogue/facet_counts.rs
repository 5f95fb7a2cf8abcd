//! Facets read from `facet_counts`: listed products per (shop, category, origin) with in-stock count and price
//! ranges, kept exact by triggers on `products` (see the `facet_counts` migration). A listing without search
//! words or a price filter reads a few hundred summary rows here instead of aggregating every matching product,
//! so its cost does not grow with the catalogue.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::repo::{FacetGroup, Filters, Scope, Skip};
use crate::db::schema::{facet_counts, products, shipping_rates};
use crate::db::{Db, DbConnection};

/// Whether the summary can answer these facets: no search words or ratings, and no price bounds unless the
/// price facet is the one being counted without its filter.
pub fn applies(f: &Filters, skip: Skip) -> bool {
    f.terms.is_empty()
        && f.values.is_empty()
        && (skip == Skip::Rating || !f.top_rated)
        && (skip == Skip::Price || (f.base_min.is_none() && f.base_max.is_none()))
}

/// One summary row (or one product a campaign names by id).
#[derive(Queryable)]
struct Row {
    category_id: i64,
    origin: String,
    product_count: i64,
    in_stock: i64,
    min_price: i64,
    max_price: i64,
    stock_min_price: Option<i64>,
    stock_max_price: Option<i64>,
}

/// The same groups [`super::repo::facet_groups`] computes by scanning products. Callers check [`applies`].
pub fn groups(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    skip: Skip,
) -> QueryResult<Vec<FacetGroup>> {
    let mut q = facet_counts::table
        .select((
            facet_counts::category_id,
            facet_counts::origin,
            facet_counts::product_count,
            facet_counts::in_stock,
            facet_counts::min_price,
            facet_counts::max_price,
            facet_counts::stock_min_price,
            facet_counts::stock_max_price,
        ))
        .into_boxed::<Db>();
    q = match scope {
        Scope::All => q,
        Scope::Categories(ids) if ids.len() == 1 => q.filter(facet_counts::category_id.eq(ids[0])),
        Scope::Categories(ids) => q.filter(facet_counts::category_id.eq_any(ids.clone())),
        Scope::Origin(cc) => q.filter(facet_counts::origin.eq(cc.clone())),
        Scope::Merchant(id) => q.filter(facet_counts::merchant_id.eq(*id)),
        Scope::Promo(t) => q.filter(
            facet_counts::origin
                .eq_any(t.origins.clone())
                .or(facet_counts::merchant_id.eq_any(t.merchants.clone()))
                .or(facet_counts::category_id.eq_any(t.categories.clone())),
        ),
    };
    if skip != Skip::Origin && !f.origins.is_empty() {
        q = q.filter(facet_counts::origin.eq_any(f.origins.clone()));
    }
    if skip != Skip::Category {
        if let Some(ids) = &f.categories {
            q = q.filter(facet_counts::category_id.eq_any(ids.clone()));
        }
    }
    if let Some(cc) = &f.ships_to {
        q = q.filter(facet_counts::merchant_id.eq_any(super::repo::shipping_to!(cc)));
    }
    let mut rows: Vec<Row> = q.load(conn)?;
    if let Scope::Promo(t) = scope {
        rows.extend(campaign_products(conn, t, f.ships_to.as_deref())?);
    }

    let mut out: BTreeMap<(String, i64), FacetGroup> = BTreeMap::new();
    for r in rows {
        if skip != Skip::Origin && !f.origins.is_empty() && !f.origins.contains(&r.origin) {
            continue;
        }
        if skip != Skip::Category {
            if let Some(ids) = &f.categories {
                if !ids.contains(&r.category_id) {
                    continue;
                }
            }
        }
        let (count, lo, hi) = if f.in_stock {
            (r.in_stock, r.stock_min_price, r.stock_max_price)
        } else {
            (r.product_count, Some(r.min_price), Some(r.max_price))
        };
        if count <= 0 {
            continue;
        }
        let g = out
            .entry((r.origin.clone(), r.category_id))
            .or_insert_with(|| FacetGroup {
                origin: r.origin,
                category_id: r.category_id,
                count: 0,
                in_stock: Some(0),
                min_price: None,
                max_price: None,
            });
        g.count += count;
        g.in_stock = Some(g.in_stock.unwrap_or(0) + r.in_stock);
        g.min_price = [g.min_price, lo].into_iter().flatten().min();
        g.max_price = [g.max_price, hi].into_iter().flatten().max();
    }
    Ok(out.into_values().collect())
}

/// Listed products a campaign names by id that none of its origin, shop or category targets already covers, as
/// one-product rows.
fn campaign_products(
    conn: &mut DbConnection,
    t: &crate::campaigns::model::Targets,
    ships_to: Option<&str>,
) -> QueryResult<Vec<Row>> {
    if t.products.is_empty() {
        return Ok(Vec::new());
    }
    let shipping: Option<Vec<i64>> = match ships_to {
        Some(cc) => Some(super::repo::shipping_to!(cc).load(conn)?),
        None => None,
    };
    let found: Vec<(i64, i64, String, i32, i64)> =
        crate::load_by_ids!(conn, products::id, t.products.as_slice(), |one_of| {
            products::table
                .filter(one_of)
                .filter(products::listed)
                .select((
                    products::merchant_id,
                    products::category_id,
                    products::origin,
                    products::stock,
                    products::base_price_minor,
                ))
        })?;
    Ok(found
        .into_iter()
        .filter(|(merchant, category, origin, _, _)| {
            !t.origins.contains(origin)
                && !t.merchants.contains(merchant)
                && !t.categories.contains(category)
                && shipping.as_ref().is_none_or(|ids| ids.contains(merchant))
        })
        .map(|(_, category_id, origin, stock, price)| {
            let in_stock = stock > 0;
            Row {
                category_id,
                origin,
                product_count: 1,
                in_stock: i64::from(in_stock),
                min_price: price,
                max_price: price,
                stock_min_price: in_stock.then_some(price),
                stock_max_price: in_stock.then_some(price),
            }
        })
        .collect())
}

/// Counts every group again from `products` (after a bulk load that ran without the triggers); call it in the
/// transaction that recreates them.
pub fn rebuild(conn: &mut DbConnection) -> QueryResult<()> {
    use diesel::connection::SimpleConnection;
    conn.batch_execute(
            "DELETE FROM facet_counts; \
             INSERT INTO facet_counts (merchant_id, category_id, origin, product_count, in_stock, min_price, \
                 max_price, stock_min_price, stock_max_price) \
             SELECT merchant_id, category_id, origin, count(*), count(*) FILTER (WHERE stock > 0), \
                 min(base_price_minor), max(base_price_minor), \
                 min(base_price_minor) FILTER (WHERE stock > 0), max(base_price_minor) FILTER (WHERE stock > 0) \
             FROM products WHERE listed GROUP BY merchant_id, category_id, origin",
    )
}
