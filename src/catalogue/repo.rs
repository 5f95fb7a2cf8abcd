//! Catalogue queries (Diesel only). Listing filters are built once in `filtered` and reused for results and
//! every facet count, each facet leaving out its own filter.

use std::collections::HashMap;

use diesel::dsl::{case_when, count_star, max, min, sum};
use diesel::prelude::*;

use super::model::*;
use crate::db::schema::*;
use crate::db::{Db, DbConnection};

/// What a listing page lists before facets.
#[derive(Clone, Debug)]
pub enum Scope {
    All,
    Categories(Vec<i64>),
    Origin(String),
    Merchant(i64),
    /// A campaign's products: any of these origins, shops, categories (already expanded) or products.
    Promo(crate::campaigns::model::Targets),
}

/// The filters of one listing request, resolved to database values.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Per query word, the terms any of which must match.
    pub terms: Vec<Vec<String>>,
    /// Per optional query word (a stop word), the terms that rank a product higher without being required.
    pub optional: Vec<Vec<String>>,
    /// Terms found by typo correction: they match like the others but rank below exact and stemmed ones.
    pub fuzzy: Vec<String>,
    pub origins: Vec<String>,
    pub categories: Option<Vec<i64>>,
    /// Bounds on the base-currency price.
    pub base_min: Option<i64>,
    pub base_max: Option<i64>,
    pub in_stock: bool,
    /// Only shops with a shipping rate to this country (or to "everywhere else").
    pub ships_to: Option<String>,
    /// Option values, one group per option: a product has one of each group's values (with `in_stock`, in a
    /// variant in stock).
    pub values: Vec<Vec<i64>>,
    /// Only products whose shown average is [`TOP_RATED_TENTHS`] or more ("4★ and up").
    pub top_rated: bool,
}

/// The "4★ and up" facet's bound on a product's average, in tenths of a star as shoppers see it.
pub const TOP_RATED_TENTHS: i32 = 40;

/// The shops that ship to `cc`: a rate for it, its zone or everywhere else (see `shops::shop::quote`); none
/// for a value that is not a country code (a destination staff closed, see `catalogue::service`).
macro_rules! shipping_to {
    ($cc:expr) => {
        shipping_rates::table
            .filter(shipping_rates::destination.eq_any(crate::shops::shipping_zones::keys(&$cc)))
            .select(shipping_rates::merchant_id)
    };
}
pub(crate) use shipping_to;

// The chosen option values as a filter: its own name, so a count that reads `product_values` can filter too.
diesel::alias!(crate::db::schema::product_values as chosen_values: ChosenValues);

/// Which facet a count leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    None,
    Origin,
    Category,
    Price,
    Rating,
}

/// Applies scope and filters (except the skipped facet) to a boxed `products` query of any selection and
/// grouping. A macro because Diesel needs `group_by` before boxing, which changes the boxed type.
///
/// With `ordered`, the origin and stock filters are written so no index is chosen for them (`origin || ''`,
/// `stock + 0`): a page then walks its ordered `(scope, sort key)` index and stops after one page, instead of the
/// planner preferring a facet index and sorting every match.
macro_rules! apply_filters {
    ($q:expr, $scope:expr, $f:expr, $skip:expr) => {
        apply_filters!($q, $scope, $f, $skip, false)
    };
    ($q:expr, $scope:expr, $f:expr, $skip:expr, $ordered:expr) => {{
        let (scope, f, skip, ordered): (&Scope, &Filters, Skip, bool) =
            ($scope, $f, $skip, $ordered);
        let mut q = $q.filter(products::listed);
        q = match scope {
            Scope::All => q,
            // One category (every page of a leaf) is a plain comparison, a statement prepared once.
            Scope::Categories(ids) if ids.len() == 1 => q.filter(products::category_id.eq(ids[0])),
            Scope::Categories(ids) => q.filter(products::category_id.eq_any(ids.clone())),
            Scope::Origin(cc) => q.filter(products::origin.eq(cc.clone())),
            Scope::Merchant(id) => q.filter(products::merchant_id.eq(*id)),
            Scope::Promo(t) => q.filter(
                products::origin
                    .eq_any(t.origins.clone())
                    .or(products::merchant_id.eq_any(t.merchants.clone()))
                    .or(products::category_id.eq_any(t.categories.clone()))
                    .or(products::id.eq_any(t.products.clone())),
            ),
        };
        for alts in &f.terms {
            q = q.filter(
                products::id.eq_any(
                    search_terms::table
                        .filter(search_terms::term.eq_any(alts.clone()))
                        .select(search_terms::product_id),
                ),
            );
        }
        if skip != Skip::Origin && !f.origins.is_empty() {
            q = if ordered {
                q.filter(products::origin.concat("").eq_any(f.origins.clone()))
            } else {
                q.filter(products::origin.eq_any(f.origins.clone()))
            };
        }
        if skip != Skip::Category {
            if let Some(ids) = &f.categories {
                q = q.filter(products::category_id.eq_any(ids.clone()));
            }
        }
        if skip != Skip::Price {
            if let Some(min) = f.base_min {
                q = q.filter(products::base_price_minor.ge(min));
            }
            if let Some(max) = f.base_max {
                q = q.filter(products::base_price_minor.le(max));
            }
        }
        if f.in_stock {
            q = if ordered {
                q.filter((products::stock + 0).gt(0))
            } else {
                q.filter(products::stock.gt(0))
            };
        }
        if let Some(cc) = &f.ships_to {
            q = q.filter(products::merchant_id.eq_any(shipping_to!(cc)));
        }
        if f.top_rated && skip != Skip::Rating {
            q = q.filter(products::rating_tenths.ge(TOP_RATED_TENTHS));
        }
        for group in &f.values {
            // With "in stock", a variant with one of the values must be in stock.
            let stocked = chosen_values
                .field(product_values::in_stock)
                .or((!f.in_stock).into_sql::<diesel::sql_types::Bool>());
            q = q.filter(
                products::id.eq_any(
                    chosen_values
                        .filter(
                            chosen_values
                                .field(product_values::value_id)
                                .eq_any(group.clone()),
                        )
                        .filter(stocked)
                        .select(chosen_values.field(product_values::product_id)),
                ),
            );
        }
        q
    }};
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Newest,
    PriceAsc,
    PriceDesc,
    /// Best rated: the Bayesian score, unrated products last.
    BestRated,
}

/// Where a page starts: after so many products, or (keyset) right after a given product. "Next" links carry
/// the last product's sort key and id, so reading page 150 that way costs what page 2 does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Offset(i64),
    /// `key` is the product's sort key as [`page_keys`] returns it.
    After {
        key: i64,
        id: i64,
    },
}

/// Ids of one page (see [`page_keys`]).
pub fn page_ids(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    order: Order,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<i64>> {
    Ok(
        page_keys(conn, scope, f, &order, limit, Position::Offset(offset))?
            .into_iter()
            .map(|(id, _)| id)
            .collect(),
    )
}

/// (id, sort key) of one page; the sort key is the listing time in nanoseconds (newest), the base price or the
/// rating score. A
/// scope of several categories (a parent and its children) is read as one ordered range per category, merged
/// here: each range walks its own `(category_id, sort key)` index instead of sorting every product of the
/// subtree, so the cost stays at (rows skipped + one page) × categories, and at one page × categories from a
/// keyset position, however large the catalogue grows.
pub fn page_keys(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    order: &Order,
    limit: i64,
    pos: Position,
) -> QueryResult<Vec<(i64, i64)>> {
    match scope {
        Scope::Categories(ids) if ids.len() > 1 => {
            let (want, skip, from) = match pos {
                Position::Offset(o) => (limit + o, o, Position::Offset(0)),
                after => (limit, 0, after),
            };
            let mut rows: Vec<(i64, i64)> = Vec::new();
            for id in ids {
                let one = Scope::Categories(vec![*id]);
                rows.extend(sorted_keys(conn, &one, f, order, want, from)?);
            }
            match order {
                Order::Newest | Order::PriceDesc | Order::BestRated => {
                    rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)))
                }
                Order::PriceAsc => rows.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0))),
            }
            Ok(rows
                .into_iter()
                .skip(skip as usize)
                .take(limit as usize)
                .collect())
        }
        _ => sorted_keys(conn, scope, f, order, limit, pos),
    }
}

/// A sort key of the newest order back to the listing time.
fn listed_at(nanos: i64) -> Option<time::PrimitiveDateTime> {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(nanos)).ok()?;
    Some(time::PrimitiveDateTime::new(t.date(), t.time()))
}

/// (id, sort key) of `n` products of a scope in `order` from `pos`. A keyset position is a range on the sort key
/// (`key <= k` descending, `key >= k` ascending, which the index walks) with ties broken by id.
fn sorted_keys(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    order: &Order,
    n: i64,
    pos: Position,
) -> QueryResult<Vec<(i64, i64)>> {
    let offset = match pos {
        Position::Offset(o) => o,
        Position::After { .. } => 0,
    };
    match order {
        Order::Newest => {
            let mut q = apply_filters!(
                products::table
                    .select((products::id, products::created_at))
                    .into_boxed::<Db>(),
                scope,
                f,
                Skip::None,
                true
            );
            if let Position::After { key, id } = pos {
                let Some(t) = listed_at(key) else {
                    return Ok(Vec::new());
                };
                q = q
                    .filter(products::created_at.le(t))
                    .filter(products::created_at.lt(t).or(products::id.lt(id)));
            }
            let rows: Vec<(i64, time::PrimitiveDateTime)> = q
                .order((products::created_at.desc(), products::id.desc()))
                .limit(n)
                .offset(offset)
                .load(conn)?;
            Ok(rows
                .into_iter()
                // Listing times are set by the application (years 1677–2262 fit); saturating keeps the order.
                .map(|(id, t)| {
                    let nanos = t.assume_utc().unix_timestamp_nanos();
                    let key =
                        i64::try_from(nanos).unwrap_or(if nanos < 0 { i64::MIN } else { i64::MAX });
                    (id, key)
                })
                .collect())
        }
        Order::PriceAsc | Order::PriceDesc => {
            let mut q = apply_filters!(
                products::table
                    .select((products::id, products::base_price_minor))
                    .into_boxed::<Db>(),
                scope,
                f,
                Skip::None,
                true
            );
            let asc = matches!(order, Order::PriceAsc);
            if let Position::After { key, id } = pos {
                q = if asc {
                    q.filter(products::base_price_minor.ge(key))
                        .filter(products::base_price_minor.gt(key).or(products::id.gt(id)))
                } else {
                    q.filter(products::base_price_minor.le(key))
                        .filter(products::base_price_minor.lt(key).or(products::id.lt(id)))
                };
            }
            let q = if asc {
                q.order((products::base_price_minor.asc(), products::id.asc()))
            } else {
                q.order((products::base_price_minor.desc(), products::id.desc()))
            };
            q.limit(n).offset(offset).load(conn)
        }
        Order::BestRated => {
            let mut q = apply_filters!(
                products::table
                    .select((products::id, products::rating_score))
                    .into_boxed::<Db>(),
                scope,
                f,
                Skip::None,
                true
            );
            if let Position::After { key, id } = pos {
                let Ok(key) = i32::try_from(key) else {
                    return Ok(Vec::new());
                };
                q = q
                    .filter(products::rating_score.le(key))
                    .filter(products::rating_score.lt(key).or(products::id.lt(id)));
            }
            let rows: Vec<(i64, i32)> = q
                .order((products::rating_score.desc(), products::id.desc()))
                .limit(n)
                .offset(offset)
                .load(conn)?;
            Ok(rows
                .into_iter()
                .map(|(id, score)| (id, i64::from(score)))
                .collect())
        }
    }
}

/// How many products of a listing (every filter but the rating's) are rated [`TOP_RATED_TENTHS`] or more.
pub fn top_rated_count(conn: &mut DbConnection, scope: &Scope, f: &Filters) -> QueryResult<i64> {
    let q = apply_filters!(
        products::table.select(count_star()).into_boxed::<Db>(),
        scope,
        f,
        Skip::Rating
    );
    q.filter(products::rating_tenths.ge(TOP_RATED_TENTHS))
        .first(conn)
}

/// One row of the facet aggregate: products per (origin, category) with in-stock count and price range.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct FacetGroup {
    pub origin: String,
    pub category_id: i64,
    pub count: i64,
    pub in_stock: Option<i64>,
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
}

/// Every facet of a listing: from the maintained `facet_counts` when no search word or price bound applies,
/// else from one grouped scan (covered by the `*_facets` indexes): totals, origins, categories, in-stock and
/// price range. Call again with a `skip` only for facets whose own filter is active.
pub fn facet_groups(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    skip: Skip,
) -> QueryResult<Vec<FacetGroup>> {
    if super::facet_counts::applies(f, skip) {
        super::facet_counts::groups(conn, scope, f, skip)
    } else {
        scan_facet_groups(conn, scope, f, skip)
    }
}

/// The facet groups by aggregating every matching product (the reference `facet_counts` must agree with).
pub fn scan_facet_groups(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    skip: Skip,
) -> QueryResult<Vec<FacetGroup>> {
    let in_stock = sum(case_when(
        products::stock.gt(0),
        1_i32.into_sql::<diesel::sql_types::Integer>(),
    )
    .otherwise(0_i32.into_sql::<diesel::sql_types::Integer>()));
    let q = products::table
        .group_by((products::origin, products::category_id))
        .select((
            products::origin,
            products::category_id,
            count_star(),
            in_stock,
            min(products::base_price_minor),
            max(products::base_price_minor),
        ))
        .into_boxed::<Db>();
    apply_filters!(q, scope, f, skip).load(conn)
}

/// Products per option value among `values` for a listing: (value, products); with `in_stock`, products with a
/// variant of that value in stock.
pub fn value_counts(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    values: &[i64],
) -> QueryResult<Vec<(i64, i64)>> {
    let mut q = product_values::table
        .inner_join(products::table)
        .filter(product_values::value_id.eq_any(values.to_vec()))
        .group_by(product_values::value_id)
        .select((product_values::value_id, count_star()))
        .into_boxed::<Db>();
    if f.in_stock {
        q = q.filter(product_values::in_stock);
    }
    apply_filters!(q, scope, f, Skip::None).load(conn)
}

/// Every search term with the number of products that have it (the vocabulary typo tolerance corrects to).
pub fn vocabulary(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    search_terms::table
        .group_by(search_terms::term)
        .select((search_terms::term, count_star()))
        .load(conn)
}

/// What relevance ranking reads of one matching product besides its terms: whether it is in stock and its
/// rating score (the popularity signal).
pub struct RankFacts {
    pub in_stock: bool,
    pub rating_score: i32,
}

/// (product, term, weight) rows, and each product's [`RankFacts`].
pub type SearchHits = (Vec<(i64, String, i32)>, HashMap<i64, RankFacts>);

/// Search hits for relevance ranking: (product, term, weight) for the products passing every filter, taking
/// at most `window` products (newest first) into account so ranking cost stays bounded, with each product's
/// [`RankFacts`].
pub fn search_hits(
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    all_terms: &[String],
    window: i64,
) -> QueryResult<SearchHits> {
    let ids = page_ids(conn, scope, f, Order::Newest, window, 0)?;
    let mut out = Vec::new();
    let mut facts = HashMap::new();
    for chunk in ids.chunks(500) {
        out.extend(
            search_terms::table
                .filter(search_terms::term.eq_any(all_terms))
                .filter(search_terms::product_id.eq_any(chunk))
                .select((
                    search_terms::product_id,
                    search_terms::term,
                    search_terms::weight,
                ))
                .load::<(i64, String, i32)>(conn)?,
        );
        let rows: Vec<(i64, i32, i32)> = products::table
            .filter(products::id.eq_any(chunk))
            .select((products::id, products::stock, products::rating_score))
            .load(conn)?;
        facts.extend(rows.into_iter().map(|(id, stock, rating_score)| {
            (
                id,
                RankFacts {
                    in_stock: stock > 0,
                    rating_score,
                },
            )
        }));
    }
    Ok((out, facts))
}

/// The listed products among `ids` (a campaign's featured products may have been taken off sale since).
pub fn products_by_ids(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<ProductRow>> {
    crate::load_by_ids!(conn, products::id, ids, |one_of| products::table
        .filter(one_of)
        .filter(products::listed)
        .select(ProductRow::as_select()))
}

pub fn product(conn: &mut DbConnection, id: i64) -> QueryResult<Option<ProductRow>> {
    products::table
        .filter(products::id.eq(id))
        .filter(products::listed)
        .select(ProductRow::as_select())
        .first(conn)
        .optional()
}

/// (id, original language, listed, shop name) of products, listed or not (for staff and other features' lists).
pub fn product_heads(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String, bool, String)>> {
    crate::load_by_ids!(conn, products::id, ids, |one_of| products::table
        .inner_join(merchants::table)
        .filter(one_of)
        .select((
            products::id,
            products::original_lang,
            products::listed,
            merchants::name,
        )))
}

/// Titles and slugs (no descriptions) of several products, every locale.
pub fn card_translations(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String, String, String)>> {
    crate::load_by_ids!(conn, product_translations::product_id, ids, |one_of| {
        product_translations::table.filter(one_of).select((
            product_translations::product_id,
            product_translations::locale,
            product_translations::title,
            product_translations::slug,
        ))
    })
}

pub fn translations(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<ProductTranslation>> {
    product_translations::table
        .filter(product_translations::product_id.eq(id))
        .select(ProductTranslation::as_select())
        .load(conn)
}

/// First image of each product.
pub fn cover_images(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<ImageRow>> {
    crate::load_by_ids!(conn, product_images::product_id, ids, |one_of| {
        product_images::table
            .filter(one_of)
            .filter(product_images::position.eq(0))
            .select(ImageRow::as_select())
    })
}

/// Images by id (a variant's own image).
pub fn images_by_ids(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<ImageRow>> {
    crate::load_by_ids!(conn, product_images::id, ids, |one_of| {
        product_images::table
            .filter(one_of)
            .select(ImageRow::as_select())
    })
}

pub fn images(conn: &mut DbConnection, product_id: i64) -> QueryResult<Vec<ImageRow>> {
    product_images::table
        .filter(product_images::product_id.eq(product_id))
        .order(product_images::position)
        .select(ImageRow::as_select())
        .load(conn)
}

pub fn image_alts(conn: &mut DbConnection, image_ids: &[i64]) -> QueryResult<Vec<ImageAlt>> {
    crate::load_by_ids!(
        conn,
        product_image_translations::image_id,
        image_ids,
        |one_of| product_image_translations::table
            .filter(one_of)
            .select(ImageAlt::as_select())
    )
}

/// Latest rate per currency in force at `at`.
pub fn rates_at(conn: &mut DbConnection, at: time::PrimitiveDateTime) -> QueryResult<Vec<RateRow>> {
    exchange_rates::table
        .filter(exchange_rates::effective_from.le(at))
        .order((
            exchange_rates::currency,
            exchange_rates::effective_from.desc(),
            exchange_rates::id.desc(),
        ))
        .select(RateRow::as_select())
        .load(conn)
}

/// How many products are listed, and the lowest and highest listed id (for the sitemap's chunks).
pub fn sitemap_span(conn: &mut DbConnection) -> QueryResult<(i64, Option<i64>, Option<i64>)> {
    products::table
        .filter(products::listed)
        .select((count_star(), min(products::id), max(products::id)))
        .first(conn)
}

/// Listed products with `from <= id < to`, each with its original language and every translation's slug:
/// (id, original language, locale, slug), by id.
pub fn sitemap_slugs(
    conn: &mut DbConnection,
    from: i64,
    to: i64,
) -> QueryResult<Vec<(i64, String, String, String)>> {
    products::table
        .inner_join(product_translations::table)
        .filter(products::listed)
        .filter(products::id.ge(from))
        .filter(products::id.lt(to))
        .order((products::id, product_translations::locale))
        .select((
            products::id,
            products::original_lang,
            product_translations::locale,
            product_translations::slug,
        ))
        .load(conn)
}

pub fn insert_search_terms(conn: &mut DbConnection, rows: &[SearchTerm]) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in rows.chunks(5000) {
        n += crate::on_backend!(conn, |c| diesel::insert_into(search_terms::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(n)
}

pub fn delete_search_terms(conn: &mut DbConnection, product_id: i64) -> QueryResult<usize> {
    diesel::delete(search_terms::table.filter(search_terms::product_id.eq(product_id)))
        .execute(conn)
}

/// Logs a search that found nothing: the language and the folded query only.
pub fn log_miss(
    conn: &mut DbConnection,
    locale: &str,
    query: &str,
    now: time::PrimitiveDateTime,
) -> QueryResult<()> {
    let q: String = query.trim().to_lowercase().chars().take(100).collect();
    if q.is_empty() {
        return Ok(());
    }
    diesel::insert_into(search_misses::table)
        .values((
            search_misses::locale.eq(locale),
            search_misses::query.eq(q),
            search_misses::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// A shop's products that are not archived, oldest first.
pub fn shop_products(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Vec<ProductRow>> {
    products::table
        .filter(products::merchant_id.eq(shop_id))
        .filter(products::status.ne("archived"))
        .order(products::id)
        .select(ProductRow::as_select())
        .load(conn)
}

/// (product id, locale, title) of every translation of `ids`.
pub fn titles_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<(i64, String, String)>> {
    product_translations::table
        .filter(product_translations::product_id.eq_any(ids))
        .select((
            product_translations::product_id,
            product_translations::locale,
            product_translations::title,
        ))
        .load(conn)
}

/// How many of `ids` are products (of any shop or status).
pub fn existing_count(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<usize> {
    let n: i64 = products::table
        .filter(products::id.eq_any(ids))
        .count()
        .get_result(conn)?;
    Ok(usize::try_from(n).unwrap_or(0))
}
