//! Catalogue rules: what each shopper page shows, computed from the database for one shopper.

use std::collections::HashMap;
use std::sync::Arc;

use super::cards::{self, ProductCard};
use super::listing::{ListingQuery, Sort, PAGE_SIZE};
use super::repo::{self, FacetGroup, Filters, Order, Position, Scope, Skip};
use super::search::Analyzer;
use super::slots;
use crate::cache::Cache;
use crate::campaigns::pricing::{LivePromos, ProductKey};
use crate::categories::tree::CategoryTree;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::{CountryCode, ORIGINS};
use crate::i18n::{Locale, Translator};
use crate::money::{Currency, Money, Rates, Rounding};

/// Who is looking: language, display currency, and the data every page needs (rates, categories).
pub struct Shopper {
    pub tr: Translator,
    pub currency: Currency,
    pub rates: Arc<Rates>,
    pub tree: Arc<CategoryTree>,
    pub cache: Arc<Cache>,
    /// The instant prices are shown for (now, or a staff preview's instant).
    pub at: time::PrimitiveDateTime,
    /// Campaigns live at `at`.
    pub promos: Arc<LivePromos>,
}

/// A price as shown: in the shopper's currency, the merchant's own, the pre-campaign price struck through and
/// the campaign that gives it.
pub struct ShownPrice {
    pub price: String,
    pub merchant_price: Option<String>,
    pub old_price: Option<String>,
    /// (badge text, promo page URL).
    pub promo: Option<(String, String)>,
    pub promo_ends: Option<time::PrimitiveDateTime>,
}

impl Shopper {
    pub fn load(
        conn: &mut DbConnection,
        tr: Translator,
        currency: Currency,
        cache: Arc<Cache>,
        at: time::PrimitiveDateTime,
    ) -> AppResult<Self> {
        let basics = cache.get_or_load(
            conn,
            slots::BASICS,
            String::new(),
            |conn| -> AppResult<slots::Basics> {
                // Shared by every request until reloaded in the background, so read at the moment of loading, never
                // at one request's instant (a staff preview's may be months ahead).
                let rates = rates_at(conn, crate::clock::system_now())?;
                let (rows, names) = crate::categories::repo::category_tree_rows(conn)?;
                Ok((Arc::new(CategoryTree::build(rows, names)), Arc::new(rates)))
            },
        )?;
        let (tree, rates) = (basics.0.clone(), basics.1.clone());
        // Which campaigns are live is picked from the cached schedule at this request's instant (prices change
        // exactly at the start and end); what they target is cached with the catalogue and cleared with it.
        let schedule = cache.get_or_load(
            conn,
            crate::campaigns::pricing::SCHEDULE,
            String::new(),
            |conn| crate::campaigns::pricing::Schedule::load(conn).map_err(AppError::from),
        )?;
        let rows = schedule.live_rows(at);
        let promos = if rows.is_empty() {
            Arc::new(crate::campaigns::pricing::LivePromos::default())
        } else {
            let key = format!("{rows:?}");
            let t = tree.clone();
            cache.get_or_load(conn, crate::campaigns::pricing::LIVE, key, move |conn| {
                crate::campaigns::pricing::live_from(conn, rows, &t).map_err(AppError::from)
            })?
        };
        Ok(Self {
            tr,
            currency,
            tree,
            rates,
            cache,
            at,
            promos,
        })
    }

    /// The campaign giving a product its price now, if any.
    pub fn promo_for(
        &self,
        p: &super::model::ProductRow,
    ) -> Option<&crate::campaigns::pricing::LivePromo> {
        self.promos.best(ProductKey {
            id: p.id,
            merchant_id: p.merchant_id,
            category_id: p.category_id,
            origin: &p.origin,
        })
    }

    /// A product's price as shoppers see it at `at`.
    pub fn price_of(&self, p: &super::model::ProductRow) -> ShownPrice {
        let promo = self.promo_for(p);
        let percent = promo.map_or(0, |x| x.discount_percent);
        let (price, merchant_price, old_price) =
            super::cards::prices(self, p.price_minor, &p.currency, percent);
        let l = self.locale();
        ShownPrice {
            price,
            merchant_price,
            old_price,
            promo: promo.map(|x| {
                let (title, slug) = x.name(l).unwrap_or(("", ""));
                (
                    self.tr.t_args(
                        "promo-badge",
                        &[
                            (
                                "percent",
                                crate::i18n::Arg::Num(i64::from(x.discount_percent)),
                            ),
                            ("title", crate::i18n::Arg::Str(title)),
                        ],
                    ),
                    crate::routes::promo(l, slug),
                )
            }),
            promo_ends: promo.map(|x| x.ends_at),
        }
    }

    /// Facet groups of a listing, from the short-lived cache.
    pub fn facets(
        &self,
        conn: &mut DbConnection,
        scope: &Scope,
        f: &Filters,
        skip: Skip,
    ) -> AppResult<Arc<Vec<FacetGroup>>> {
        let key = format!("{scope:?}|{f:?}|{skip:?}");
        let (scope, f) = (scope.clone(), f.clone());
        self.cache
            .get_or_load(conn, slots::FACETS, key, move |conn| {
                repo::facet_groups(conn, &scope, &f, skip).map_err(AppError::from)
            })
    }

    /// One listing page's (id, sort key) pairs, through the cache.
    pub fn page_keys(
        &self,
        conn: &mut DbConnection,
        scope: &Scope,
        f: &Filters,
        order: Order,
        limit: i64,
        pos: Position,
    ) -> AppResult<Arc<Vec<(i64, i64)>>> {
        let key = format!("{scope:?}|{f:?}|{order:?}|{limit}|{pos:?}");
        let (scope, f) = (scope.clone(), f.clone());
        self.cache
            .get_or_load(conn, slots::PAGE_KEYS, key, move |conn| {
                repo::page_keys(conn, &scope, &f, &order, limit, pos).map_err(AppError::from)
            })
    }

    pub fn locale(&self) -> Locale {
        self.tr.locale()
    }

    pub fn money(&self, m: Money) -> String {
        self.tr.i18n().formatters.money(self.locale(), m)
    }

    pub fn count(&self, n: i64) -> String {
        self.tr.i18n().formatters.number(self.locale(), n)
    }
}

/// The exchange rates in force at `at` (the newest row per currency that has started).
pub fn rates_at(
    conn: &mut DbConnection,
    at: time::PrimitiveDateTime,
) -> diesel::QueryResult<Rates> {
    let mut rates = Rates::new();
    let mut seen = Vec::new();
    for r in repo::rates_at(conn, at)? {
        if let Some(c) = Currency::parse(&r.currency) {
            if !seen.contains(&c) {
                seen.push(c);
                rates.set(c, r.per_base_micros);
            }
        }
    }
    Ok(rates)
}

/// The category tree as stored (uncached), for writers.
pub fn tree_now(conn: &mut DbConnection) -> diesel::QueryResult<CategoryTree> {
    let (rows, names) = crate::categories::repo::category_tree_rows(conn)?;
    Ok(CategoryTree::build(rows, names))
}

// ---------- home ----------

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
    pub price_hint_min: String,
    pub price_hint_max: String,
    pub sort: Sort,
    pub searched: bool,
    /// Where the next page starts (sort key, id of this page's last product), for a keyset "next" link.
    pub next_after: Option<(i64, i64)>,
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
    let analyzer = Analyzer::new();
    let terms = analyzer.query_terms(&lq.q, l);
    let searched = !terms.is_empty();
    let filter_category = match (&links, &lq.category) {
        (CategoryLinks::Filter { .. }, Some(slug)) => shop
            .tree
            .by_slug(l, slug)
            .map(|c| shop.tree.subtree_ids(c.id)),
        _ => None,
    };
    let to_base = |minor: i64, rounding: Rounding| {
        shop.rates
            .convert(Money::new(minor, shop.currency), Currency::BASE, rounding)
            .map(|m| m.minor)
    };
    let filters = Filters {
        terms,
        origins: lq.origins.iter().map(|c| c.as_str().to_string()).collect(),
        categories: filter_category,
        base_min: lq.price_min.and_then(|m| to_base(m, Rounding::Floor)),
        base_max: lq.price_max.and_then(|m| to_base(m, Rounding::Ceil)),
        in_stock: lq.in_stock,
        ships_to: lq
            .ship_to
            .filter(|_| lq.ships_to_me)
            .map(|cc| cc.as_str().to_string()),
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

    let in_stock_count = if filters.in_stock {
        shop.count(total)
    } else {
        shop.count(main.iter().map(|g| g.in_stock.unwrap_or(0)).sum())
    };
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
        price_hint_min: from_base(lo, Rounding::Floor),
        price_hint_max: from_base(hi, Rounding::Ceil),
        sort,
        searched,
        next_after,
    })
}

/// How many matching products (newest first) relevance ranking considers.
pub const RELEVANCE_WINDOW: i64 = 2_000;

/// Relevance: per query word the best weight among its terms (title beats description), summed; ties newest.
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
            let all: Vec<String> = f.terms.iter().flatten().cloned().collect();
            let hits = repo::search_hits(conn, &scope, &f, &all, RELEVANCE_WINDOW)?;
            let mut best: HashMap<i64, Vec<i32>> = HashMap::new();
            for (pid, term, weight) in hits {
                let slots = best.entry(pid).or_insert_with(|| vec![0; f.terms.len()]);
                for (i, alts) in f.terms.iter().enumerate() {
                    if alts.contains(&term) {
                        slots[i] = slots[i].max(weight);
                    }
                }
            }
            let mut scored: Vec<(i32, i64)> = best
                .into_iter()
                .map(|(pid, s)| (s.iter().sum(), pid))
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

// ---------- product page ----------

pub struct GalleryImage {
    pub url: String,
    pub alt: String,
    pub alt_lang: Option<&'static str>,
    pub width: i32,
    pub height: i32,
}

pub struct ProductData {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// Language of the shown text when it is not the page's.
    pub text_lang: Option<&'static str>,
    pub slugs: Vec<(Locale, String)>,
    pub price: String,
    pub merchant_price: Option<String>,
    pub old_price: Option<String>,
    /// (badge, promo page URL).
    pub promo: Option<(String, String)>,
    /// "Ends in 2 days 4 hours".
    pub promo_ends: Option<String>,
    pub price_minor: i64,
    pub currency: String,
    pub stock: i32,
    pub sku: String,
    pub origin: CountryCode,
    pub shop_name: String,
    pub shop_slug: String,
    pub breadcrumbs: Vec<(String, String)>,
    pub images: Vec<GalleryImage>,
    pub listed_on: String,
    /// Shipping to the shopper's ship-to country from this shop: "Shipping to Kazakhstan: 9,00 € · delivery in
    /// 2–4 days", or that the shop does not ship there (`Err`), as the cart would say.
    pub delivery: Result<String, String>,
    pub seller: Option<crate::shops::model::SellerIdentity>,
}

impl ProductData {
    /// The product's slug in `l` ("" when it has none).
    pub fn slug_in(&self, l: Locale) -> String {
        self.slugs
            .iter()
            .find(|(x, _)| *x == l)
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }
}

/// What the shop charges to ship to `to`, in the shopper's currency ("9,00 €"), and its rate (for the days);
/// `None` when it does not ship there. Converted as the cart's totals convert it (half up), so both say the same.
fn quote_for<'r>(
    shop: &Shopper,
    rates: &'r [crate::shops::model::ShippingRate],
    own: Currency,
    to: CountryCode,
) -> Option<(String, &'r crate::shops::model::ShippingRate)> {
    let rate = crate::shops::shop::quote(rates, to)?;
    let cost = Money::new(rate.rate_minor, own);
    let cost = shop
        .rates
        .convert(cost, shop.currency, Rounding::HalfUp)
        .unwrap_or(cost);
    let cost = if cost.minor == 0 {
        shop.tr.t("product-free-shipping")
    } else {
        shop.money(cost)
    };
    Some((cost, rate))
}

fn days_args(
    rate: &crate::shops::model::ShippingRate,
) -> [(&'static str, crate::i18n::Arg<'static>); 2] {
    [
        ("min", crate::i18n::Arg::Num(i64::from(rate.days_min))),
        ("max", crate::i18n::Arg::Num(i64::from(rate.days_max))),
    ]
}

/// Shipping to the shopper's country from this shop, for the product page, or that the shop does not ship there.
fn delivery_line(
    conn: &mut DbConnection,
    shop: &Shopper,
    merchant: &crate::shops::model::MerchantRow,
    to: CountryCode,
) -> AppResult<Result<String, String>> {
    let country = shop.tr.t(&to.name_id());
    let rates = crate::shops::shop::shipping(conn, merchant.id)?;
    let own = Currency::parse(&merchant.currency).unwrap_or(Currency::BASE);
    Ok(match quote_for(shop, &rates, own, to) {
        Some((cost, rate)) => Ok(shop.tr.t_args(
            "product-delivery",
            &[
                ("country", crate::i18n::Arg::Str(&country)),
                ("cost", crate::i18n::Arg::Str(&cost)),
                (
                    "days",
                    crate::i18n::Arg::Str(&shop.tr.t_args("cart-delivery-days", &days_args(rate))),
                ),
            ],
        )),
        None => Err(shop.tr.t_args(
            "product-no-delivery",
            &[("country", crate::i18n::Arg::Str(&country))],
        )),
    })
}

/// Adds "Delivery 9,00 € · 2–4 days" to each card (one query for the page's shops).
fn quote_cards(
    conn: &mut DbConnection,
    shop: &Shopper,
    cards: &mut [ProductCard],
    to: CountryCode,
) -> AppResult<()> {
    let mut shops: Vec<i64> = cards.iter().map(|c| c.merchant_id).collect();
    shops.sort_unstable();
    shops.dedup();
    let mut by_shop: HashMap<i64, Vec<crate::shops::model::ShippingRate>> = HashMap::new();
    for r in crate::shops::shop::shipping_of(conn, &shops)? {
        by_shop.entry(r.merchant_id).or_default().push(r);
    }
    for card in cards.iter_mut() {
        let rates = by_shop
            .get(&card.merchant_id)
            .map_or(&[][..], Vec::as_slice);
        card.delivery = quote_for(shop, rates, card.currency, to).map(|(cost, rate)| {
            let [min, max] = days_args(rate);
            shop.tr.t_args(
                "card-delivery",
                &[("cost", crate::i18n::Arg::Str(&cost)), min, max],
            )
        });
    }
    Ok(())
}

/// A shop's page: the shop, its description in the reader's language (else its original language, marked),
/// and its products as a listing.
pub struct ShopListing {
    pub merchant: crate::shops::model::MerchantRow,
    /// (language of the text when it is not the page's, the text).
    pub description: (Option<&'static str>, String),
    pub data: ListingData,
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
        merchant,
        description,
        data,
    })
}

/// A product as other features name it in their lists (reports, later reviews and wishlists).
#[derive(Debug, Clone)]
pub struct ProductName {
    /// In the reader's language, else the original's, else any.
    pub title: String,
    /// The product page (answers 404 while the product is not listed).
    pub url: String,
    pub listed: bool,
    pub shop_name: String,
}

/// Names of the products among `ids` that exist, listed or not.
pub fn product_names(
    conn: &mut DbConnection,
    ids: &[i64],
    l: Locale,
) -> AppResult<HashMap<i64, ProductName>> {
    let mut texts: HashMap<i64, HashMap<Locale, (String, String)>> = HashMap::new();
    for (id, loc, title, slug) in repo::card_translations(conn, ids)? {
        if let Some(loc) = Locale::parse(&loc) {
            texts.entry(id).or_default().insert(loc, (title, slug));
        }
    }
    Ok(repo::product_heads(conn, ids)?
        .into_iter()
        .map(|(id, original, listed, shop_name)| {
            let original = Locale::parse(&original).unwrap_or(Locale::FALLBACK);
            let (title, slug) = texts
                .get(&id)
                .and_then(|m| cards::pick(m, l, original))
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| (format!("#{id}"), String::new()));
            let url = crate::routes::product(l, id, &slug);
            let name = ProductName {
                title,
                url,
                listed,
                shop_name,
            };
            (id, name)
        })
        .collect())
}

pub fn product(
    conn: &mut DbConnection,
    shop: &Shopper,
    id: i64,
    ship_to: CountryCode,
) -> AppResult<ProductData> {
    let l = shop.locale();
    let p = repo::product(conn, id)?.ok_or_else(AppError::not_found)?;
    let original = Locale::parse(&p.original_lang).unwrap_or(Locale::FALLBACK);
    let translations = repo::translations(conn, id)?;
    let by_locale: HashMap<Locale, _> = translations
        .iter()
        .filter_map(|t| Locale::parse(&t.locale).map(|loc| (loc, t)))
        .collect();
    let (shown_locale, t) = cards::pick(&by_locale, l, original).ok_or_else(AppError::not_found)?;
    let slugs = Locale::ALL
        .iter()
        .map(|loc| {
            (
                *loc,
                cards::pick(&by_locale, *loc, original)
                    .map(|(_, t)| t.slug.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let merchant = crate::shops::repo::by_ids(conn, &[p.merchant_id])?
        .into_iter()
        .next()
        .ok_or_else(AppError::not_found)?;
    let delivery = delivery_line(conn, shop, &merchant, ship_to)?;
    let seller = merchant.identity(&shop.tr);
    let images = repo::images(conn, id)?;
    let image_ids: Vec<i64> = images.iter().map(|i| i.id).collect();
    let mut alts: HashMap<i64, HashMap<Locale, String>> = HashMap::new();
    for a in repo::image_alts(conn, &image_ids)? {
        if let Some(loc) = Locale::parse(&a.locale) {
            alts.entry(a.image_id).or_default().insert(loc, a.alt);
        }
    }
    let images = images
        .into_iter()
        .map(|img| {
            let (alt_lang, alt) = alts
                .get(&img.id)
                .and_then(|m| cards::pick(m, l, original))
                .map(|(loc, a)| ((loc != l).then(|| loc.code()), a.clone()))
                .unwrap_or((None, t.title.clone()));
            GalleryImage {
                url: crate::routes::media(&img.path),
                alt,
                alt_lang,
                width: img.width,
                height: img.height,
            }
        })
        .collect();
    let mut breadcrumbs: Vec<(String, String)> = shop
        .tree
        .path(p.category_id)
        .into_iter()
        .map(|c| (c.name(l), crate::routes::category(l, &c.slug(l))))
        .collect();
    breadcrumbs.insert(0, (shop.tr.t("nav-home"), crate::routes::home(l)));
    let shown = shop.price_of(&p);
    let promo_ends = shown
        .promo_ends
        .map(|end| crate::campaigns::schedule::time_left(&shop.tr, shop.at, end));
    let (price, merchant_price, old_price, promo) = (
        shown.price,
        shown.merchant_price,
        shown.old_price,
        shown.promo,
    );
    Ok(ProductData {
        old_price,
        promo,
        promo_ends,
        id,
        title: t.title.clone(),
        description: t.description.clone(),
        text_lang: (shown_locale != l).then(|| shown_locale.code()),
        slugs,
        price,
        merchant_price,
        price_minor: p.price_minor,
        currency: p.currency.clone(),
        stock: p.stock,
        sku: p.sku.clone(),
        origin: CountryCode::parse(&p.origin).unwrap_or(CountryCode::US),
        shop_name: merchant.name,
        shop_slug: merchant.slug,
        breadcrumbs,
        images,
        listed_on: shop.tr.i18n().formatters.date(l, p.created_at.date()),
        delivery,
        seller,
    })
}
