//! Catalogue rules: what each shopper page shows, computed from the database for one shopper. The
//! shopper's view (`shopper.rs`) and product pages (`product_page.rs`) are re-exported here for other features.

use std::collections::HashMap;
use std::sync::Arc;

use super::cards::{self, ProductCard};
use super::listing::{ListingQuery, Sort, PAGE_SIZE};
use super::repo::{self, FacetGroup, Filters, Order, Position, Scope, Skip};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::{CountryCode, ORIGINS};
use crate::i18n::Locale;
use crate::money::{Currency, Money, Rounding};
use crate::search::Analyzer;

use super::product_page::quote_cards;
pub use super::product_page::{product, product_names, GalleryImage, ProductData, ProductName};
pub use super::shopper::{rates_at, tree_now, Shopper, ShownPrice};

pub struct CategoryTile {
    pub name: String,
    pub url: String,
    pub key: String,
}

pub struct OriginTile {
    pub cc: CountryCode,
    pub name: String,
    pub url: String,
    pub count_label: String,
    pub flag_url: String,
}

pub struct HomeData {
    pub categories: Vec<CategoryTile>,
    pub origins: Vec<OriginTile>,
    pub newest: Vec<ProductCard>,
}

pub fn home(
    conn: &mut DbConnection,
    shop: &Shopper,
    flag_url: impl Fn(CountryCode) -> String,
) -> AppResult<HomeData> {
    let l = shop.locale();
    let categories = shop
        .tree
        .roots()
        .into_iter()
        .map(|c| CategoryTile {
            name: c.name(l),
            url: crate::routes::category(l, &c.slug(l)),
            key: c.key.clone(),
        })
        .collect();
    let mut totals: HashMap<String, i64> = HashMap::new();
    for g in shop
        .facets(conn, &Scope::All, &Filters::default(), Skip::None)?
        .iter()
    {
        *totals.entry(g.origin.clone()).or_default() += g.count;
    }
    let origins = ORIGINS
        .iter()
        .map(|(cc, _)| {
            let n = totals.get(cc.as_str()).copied().unwrap_or(0);
            OriginTile {
                cc: *cc,
                name: shop.tr.t(&cc.name_id()),
                url: crate::routes::origin(l, *cc),
                count_label: shop.tr.t_count("catalogue-product-count", n),
                flag_url: flag_url(*cc),
            }
        })
        .collect();
    let newest = Position::Offset(0);
    let keys = shop.page_keys(
        conn,
        &Scope::All,
        &Filters::default(),
        Order::Newest,
        12,
        newest,
    )?;
    let ids: Vec<i64> = keys.iter().map(|(id, _)| *id).collect();
    let newest = cards::load(conn, shop, &ids)?;
    Ok(HomeData {
        categories,
        origins,
        newest,
    })
}

// ---------- listings (category, search, origin, shop) ----------

pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: String,
    pub checked: bool,
}

pub struct FacetLink {
    pub label: String,
    pub count: String,
    pub href: String,
}

pub struct ListingData {
    pub cards: Vec<ProductCard>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub origins: Vec<FacetOption>,
    pub categories: Vec<FacetLink>,
    pub in_stock_count: String,
    /// Products rated 4★ and up among the matches (with every other filter); None when none is and the filter
    /// is off (the facet is left out).
    pub top_rated_count: Option<String>,
    pub price_hint_min: String,
    pub price_hint_max: String,
    pub sort: Sort,
    pub searched: bool,
    /// Set when the query typed cannot be searched for (one letter, or only overlong words).
    pub unusable: Option<crate::search::Unusable>,
    /// The query with its misspelt words corrected, when typo tolerance corrected any ("Did you mean").
    pub suggestion: Option<String>,
    /// Categories whose names match the query, on a search page with few or no results: (name, link).
    pub matching_categories: Vec<(String, String)>,
    /// Sizes, colours… of the listed products, with counts.
    pub value_facets: Vec<super::value_facets::ValueFacet>,
    /// Where the next page starts (sort key, id of this page's last product), for a keyset "next" link.
    pub next_after: Option<(i64, i64)>,
    /// Why staff closed the shopper's destination, when they did and the shopper asked for what ships there.
    pub closed: Option<(crate::destinations::model::Reason, crate::geo::CountryCode)>,
}

/// Where category facet links lead: child category pages, or a `category=` filter on the same page.
pub enum CategoryLinks<'a> {
    Children { parent: i64 },
    Filter { base_path: &'a str },
}

pub fn listing(
    conn: &mut DbConnection,
    shop: &Shopper,
    scope: Scope,
    lq: &ListingQuery,
    links: CategoryLinks<'_>,
) -> AppResult<ListingData> {
    let l = shop.locale();
    let mut query = shop.analyzer(conn)?.query(&lq.q, l);
    let expansion = match query.unusable {
        None if !query.required.is_empty() => shop.typos(conn)?.expand(&mut query),
        _ => None,
    };
    let searched = !query.required.is_empty();
    let unusable = query.unusable;
    // A query that cannot be searched for finds nothing (not the whole catalogue): one word with no terms.
    let terms = match unusable {
        Some(_) => vec![Vec::new()],
        None => query.required,
    };
    let filter_category = match (&links, &lq.category) {
        (CategoryLinks::Filter { .. }, Some(slug)) => shop
            .tree
            .by_slug(l, slug)
            .map(|c| shop.tree.subtree_ids(c.id)),
        _ => None,
    };
    let options = super::value_facets::options(conn, shop)?;
    let to_base = |minor: i64, rounding: Rounding| {
        shop.rates
            .convert(Money::new(minor, shop.currency), Currency::BASE, rounding)
            .map(|m| m.minor)
    };
    let filters = Filters {
        terms,
        optional: query.optional,
        fuzzy: expansion
            .as_ref()
            .map(|e| e.fuzzy.clone())
            .unwrap_or_default(),
        origins: lq.origins.iter().map(|c| c.as_str().to_string()).collect(),
        categories: filter_category,
        base_min: lq.price_min.and_then(|m| to_base(m, Rounding::Floor)),
        base_max: lq.price_max.and_then(|m| to_base(m, Rounding::Ceil)),
        in_stock: lq.in_stock,
        // A destination staff closed: no shop ships there, and "" matches no shipping row.
        ships_to: lq.ship_to.filter(|_| lq.ships_to_me).map(|cc| {
            if shop.closed.reason(cc).is_some() {
                String::new()
            } else {
                cc.as_str().to_string()
            }
        }),
        values: super::value_facets::groups(&options, &lq.values),
        top_rated: lq.top_rated,
    };
    let sort = match lq.sort {
        Sort::Relevance if !searched => Sort::Newest,
        s => s,
    };

    let main = shop.facets(conn, &scope, &filters, Skip::None)?;
    let total: i64 = main.iter().map(|g| g.count).sum();
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).clamp(1, super::listing::MAX_PAGE);
    let page = lq.page.min(pages);
    let offset = (page - 1) * PAGE_SIZE;
    // A "next" link's position is used on the page it names; any other page is counted from the start.
    let pos = match lq.after {
        Some((key, id)) if page == lq.page && page > 1 => Position::After { key, id },
        _ => Position::Offset(offset),
    };
    let order = match sort {
        Sort::Relevance => None,
        Sort::Newest => Some(Order::Newest),
        Sort::PriceAsc => Some(Order::PriceAsc),
        Sort::PriceDesc => Some(Order::PriceDesc),
        Sort::BestRated => Some(Order::BestRated),
    };
    let (ids, next_after) = match order {
        None => (ranked_ids(shop, conn, &scope, &filters, offset)?, None),
        Some(order) => {
            let keys = shop.page_keys(conn, &scope, &filters, order, PAGE_SIZE, pos)?;
            let last = keys.last().map(|(id, key)| (*key, *id));
            (keys.iter().map(|(id, _)| *id).collect(), last)
        }
    };
    let mut cards = cards::load(conn, shop, &ids)?;
    if let Some(to) = lq.ship_to.filter(|_| lq.ships_to_me) {
        quote_cards(conn, shop, &mut cards, to)?;
    }

    // A facet whose own filter is active is counted without it, so shoppers see what adding more would give.
    let mut without = |skip: Skip, active: bool| -> AppResult<Option<Arc<Vec<FacetGroup>>>> {
        Ok(if active {
            Some(shop.facets(conn, &scope, &filters, skip)?)
        } else {
            None
        })
    };
    let origin_groups = without(Skip::Origin, !filters.origins.is_empty())?;
    let category_groups = without(Skip::Category, filters.categories.is_some())?;
    let price_groups = without(
        Skip::Price,
        filters.base_min.is_some() || filters.base_max.is_some(),
    )?;
    let mut origin_counts: HashMap<String, i64> = HashMap::new();
    for g in origin_groups.as_ref().unwrap_or(&main).iter() {
        *origin_counts.entry(g.origin.clone()).or_default() += g.count;
    }
    // An origin with nothing to show is left out (unless chosen, so it can be unticked).
    let origins = ORIGINS
        .iter()
        .map(|(cc, _)| (cc, origin_counts.get(cc.as_str()).copied().unwrap_or(0)))
        .filter(|(cc, n)| *n > 0 || lq.origins.contains(cc))
        .map(|(cc, n)| FacetOption {
            value: cc.as_str().to_string(),
            label: shop.tr.t(&cc.name_id()),
            count: shop.count(n),
            checked: lq.origins.contains(cc),
        })
        .collect();

    let per_leaf: Vec<(i64, i64)> = category_groups
        .as_ref()
        .unwrap_or(&main)
        .iter()
        .map(|g| (g.category_id, g.count))
        .collect();
    let candidates: Vec<_> = match links {
        CategoryLinks::Children { parent } => shop.tree.children(parent),
        CategoryLinks::Filter { .. } => shop.tree.roots(),
    };
    let candidate_ids: Vec<i64> = candidates.iter().map(|c| c.id).collect();
    let mut rolled: HashMap<i64, i64> = HashMap::new();
    for (leaf, n) in per_leaf {
        if let Some(a) = shop.tree.ancestor_among(leaf, &candidate_ids) {
            *rolled.entry(a).or_default() += n;
        }
    }
    let categories = candidates
        .iter()
        .filter_map(|c| {
            let n = rolled.get(&c.id).copied().unwrap_or(0);
            if n == 0 {
                return None;
            }
            let href = match &links {
                CategoryLinks::Children { .. } => {
                    let mut q = lq.clone();
                    q.category = None;
                    format!(
                        "{}{}",
                        crate::routes::category(l, &c.slug(l)),
                        crate::routes::query(&q.to_pairs(1))
                    )
                }
                CategoryLinks::Filter { base_path } => {
                    let mut q = lq.clone();
                    q.category = Some(c.slug(l));
                    format!("{base_path}{}", crate::routes::query(&q.to_pairs(1)))
                }
            };
            Some(FacetLink {
                label: c.name(l),
                count: shop.count(n),
                href,
            })
        })
        .collect();

    let value_facets =
        super::value_facets::facets(conn, shop, &options, &scope, &filters, &lq.values)?;
    let in_stock_count = if filters.in_stock {
        shop.count(total)
    } else {
        shop.count(main.iter().map(|g| g.in_stock.unwrap_or(0)).sum())
    };
    let top_rated = if filters.top_rated {
        total
    } else {
        *shop.top_rated_count(conn, &scope, &filters)?
    };
    let top_rated_count = (top_rated > 0 || filters.top_rated).then(|| shop.count(top_rated));
    let bounds = price_groups.as_ref().unwrap_or(&main);
    let lo = bounds.iter().filter_map(|g| g.min_price).min();
    let hi = bounds.iter().filter_map(|g| g.max_price).max();
    let from_base = |minor: Option<i64>, rounding: Rounding| {
        minor
            .and_then(|m| {
                shop.rates
                    .convert(Money::new(m, Currency::BASE), shop.currency, rounding)
            })
            .map(|m| {
                shop.count(
                    m.minor.div_euclid(shop.currency.minor_per_major())
                        + i64::from(rounding == Rounding::Ceil),
                )
            })
            .unwrap_or_default()
    };
    Ok(ListingData {
        cards,
        total,
        page,
        pages,
        origins,
        categories,
        in_stock_count,
        top_rated_count,
        price_hint_min: from_base(lo, Rounding::Floor),
        price_hint_max: from_base(hi, Rounding::Ceil),
        sort,
        searched,
        unusable,
        suggestion: expansion.map(|e| e.suggestion),
        matching_categories: Vec::new(),
        value_facets,
        next_after,
        closed: lq
            .ship_to
            .filter(|_| lq.ships_to_me)
            .and_then(|cc| Some((shop.closed.reason(cc)?, cc))),
    })
}

/// How many matching products (newest first) relevance ranking considers.
pub const RELEVANCE_WINDOW: i64 = 2_000;

/// Relevance: per query word (stop words too) the best weight among its terms (title beats description; the
/// word with the diacritics typed beats the word folded, which beats its stem or transliteration, which beats a
/// typo's correction), summed; then products in stock first, then the better rated (the Bayesian score), then
/// the newest.
/// The order of the first [`RELEVANCE_WINDOW`] matches is cached, so paging a search costs a slice.
fn ranked_ids(
    shop: &Shopper,
    conn: &mut DbConnection,
    scope: &Scope,
    f: &Filters,
    offset: i64,
) -> AppResult<Vec<i64>> {
    let key = format!("{scope:?}|{f:?}");
    let (scope, f) = (scope.clone(), f.clone());
    let ranked = shop.cache.get_or_load(
        conn,
        super::slots::RANKED,
        key,
        move |conn| -> AppResult<Vec<i64>> {
            let words: Vec<&Vec<String>> = f.terms.iter().chain(&f.optional).collect();
            let all: Vec<String> = words.iter().copied().flatten().cloned().collect();
            let (hits, facts) = repo::search_hits(conn, &scope, &f, &all, RELEVANCE_WINDOW)?;
            let mut best: HashMap<i64, Vec<i32>> = HashMap::new();
            for (pid, term, weight) in hits {
                let slots = best.entry(pid).or_insert_with(|| vec![0; words.len()]);
                let times = match_strength(&f, &term);
                for (i, alts) in words.iter().enumerate() {
                    if alts.contains(&term) {
                        let times = if alts.first() == Some(&term) {
                            4
                        } else {
                            times
                        };
                        slots[i] = slots[i].max(weight * times);
                    }
                }
            }
            let mut scored: Vec<((i32, bool, i32), i64)> = best
                .into_iter()
                .map(|(pid, s)| {
                    let fact = facts.get(&pid);
                    let in_stock = fact.is_some_and(|x| x.in_stock);
                    let rating = fact.map_or(0, |x| x.rating_score);
                    ((s.iter().sum(), in_stock, rating), pid)
                })
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
            Ok(scored.into_iter().map(|(_, id)| id).collect())
        },
    )?;
    Ok(ranked
        .iter()
        .skip(usize::try_from(offset).unwrap_or(0))
        .take(PAGE_SIZE as usize)
        .copied()
        .collect())
}

/// How strongly a matched term other than the word's folded form counts: a typo's correction 1 (even one
/// written with diacritics), the word as typed with its diacritics 5, a stem or transliteration 2 (the folded
/// word itself counts 4).
fn match_strength(f: &Filters, term: &String) -> i32 {
    if f.fuzzy.contains(term) {
        1
    } else if crate::search::analyzer::is_accented(term) {
        5
    } else {
        2
    }
}

// ---------- product page ----------

/// A shop's page: the shop, its description in the reader's language (else its original language, marked),
/// and its products as a listing.
pub struct ShopListing {
    pub merchant: crate::shops::model::MerchantRow,
    /// (language of the text when it is not the page's, the text).
    pub description: (Option<&'static str>, String),
    pub data: ListingData,
    /// The shop's rating from its products' visible reviews: (count, sum of stars).
    pub rating: (i32, i32),
}

pub fn shop_listing(
    conn: &mut DbConnection,
    shop: &Shopper,
    slug: &str,
    lq: &ListingQuery,
) -> AppResult<ShopListing> {
    let l = shop.locale();
    let merchant =
        crate::shops::repo::approved_by_slug(conn, slug)?.ok_or_else(AppError::not_found)?;
    let texts = crate::shops::repo::translations(conn, merchant.id)?;
    let original = Locale::parse(&merchant.original_lang).unwrap_or(Locale::FALLBACK);
    let text_in = |loc: Locale| texts.iter().find(|t| t.locale == loc.code());
    let description = text_in(l)
        .map(|t| (None, t.description.clone()))
        .or_else(|| text_in(original).map(|t| (Some(original.code()), t.description.clone())))
        .unwrap_or((None, String::new()));
    let base = crate::routes::shop(l, slug);
    let links = CategoryLinks::Filter { base_path: &base };
    let data = listing(conn, shop, Scope::Merchant(merchant.id), lq, links)?;
    Ok(ShopListing {
        rating: crate::reviews::read::shop(conn, merchant.id)?,
        merchant,
        description,
        data,
    })
}

/// Products whose title (in any language) has every word of `q`, for staff picking products: (id, title in `l`
/// or the original language, SKU), at most `limit`, newest first.
pub fn find_products(
    conn: &mut DbConnection,
    q: &str,
    l: Locale,
    limit: usize,
) -> AppResult<Vec<(i64, String, String)>> {
    use crate::db::schema::search_terms;
    use diesel::prelude::*;
    let words = Analyzer::new().query_terms(q, l);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Option<Vec<i64>> = None;
    for alternatives in words.iter().take(6) {
        let mut found: Vec<i64> = search_terms::table
            .filter(search_terms::term.eq_any(alternatives))
            .select(search_terms::product_id)
            .distinct()
            .limit(5_000)
            .load(conn)?;
        found.sort_unstable();
        ids = Some(match ids {
            None => found,
            Some(prev) => prev
                .into_iter()
                .filter(|i| found.binary_search(i).is_ok())
                .collect(),
        });
    }
    let mut ids = ids.unwrap_or_default();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.truncate(limit);
    let rows = repo::products_by_ids(conn, &ids)?;
    let titles = repo::titles_of(conn, &ids)?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|p| p.id == *id))
        .map(|p| {
            let own: Vec<&(i64, String, String)> = titles.iter().filter(|t| t.0 == p.id).collect();
            let title = own
                .iter()
                .find(|t| t.1 == l.code())
                .or_else(|| own.iter().find(|t| t.1 == p.original_lang))
                .map_or_else(|| p.sku.clone(), |t| t.2.clone());
            (p.id, title, p.sku.clone())
        })
        .collect())
}

/// Each of `ids`' title in the language its shop wrote it in (the SKU when it has none): (id, title).
pub fn original_titles(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<(i64, String)>> {
    let rows = repo::products_by_ids(conn, ids)?;
    let titles = repo::titles_of(conn, ids)?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let title = titles
                .iter()
                .find(|t| t.0 == p.id && t.1 == p.original_lang)
                .map_or_else(|| p.sku.clone(), |t| t.2.clone());
            (p.id, title)
        })
        .collect())
}

/// Listed product `id` (none when it does not exist or is not on sale), for other features' reads.
pub fn listed_product(
    conn: &mut DbConnection,
    id: i64,
) -> AppResult<Option<super::model::ProductRow>> {
    Ok(repo::product(conn, id)?)
}

/// Which of `ids` are listed products, for other features' lists.
pub fn listed_among(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<i64>> {
    Ok(repo::products_by_ids(conn, ids)?
        .into_iter()
        .map(|p| p.id)
        .collect())
}
