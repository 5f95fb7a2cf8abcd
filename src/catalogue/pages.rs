//! What each shopper page of the catalogue reads, in one database call: the home page, a category, a search,
//! an origin, a shop, a product.

use super::listing::ListingQuery;
use super::opening::ShopperKey;
use super::repo::Scope;
use super::service::{self, CategoryLinks, HomeData, ListingData, ProductData, ShopListing};
use crate::campaigns::tiles::LiveCampaigns;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::i18n::Locale;
use crate::routes;

/// A page, or the URL segment it now lives under (a renamed slug, another language's slug).
pub enum Found<T> {
    Page(T),
    MovedTo(String),
}

/// A category page: its name, breadcrumbs, its path in every language and the listing.
pub struct CategoryData {
    pub name: String,
    pub crumbs: Vec<(String, String)>,
    pub per_locale: Vec<(Locale, String)>,
    pub data: ListingData,
}

pub fn home_page(
    c: &mut DbConnection,
    key: ShopperKey,
    flag_url: impl Fn(CountryCode) -> String,
) -> AppResult<(HomeData, LiveCampaigns)> {
    let at = key.at;
    let shop = key.load(c)?;
    let data = service::home(c, &shop, flag_url)?;
    let live = LiveCampaigns::read(c, at, shop.market, shop.locale())?;
    Ok((data, live))
}

pub fn category_page(
    c: &mut DbConnection,
    key: ShopperKey,
    slug: &str,
    lq: &ListingQuery,
) -> AppResult<Found<CategoryData>> {
    let shop = key.load(c)?;
    let l = shop.locale();
    let Some(node) = shop.tree.by_slug(l, slug) else {
        // An old slug (renamed or deleted category) leads to the current page.
        let moved = crate::categories::repo::slug_redirect(c, l, slug)?;
        return match moved.and_then(|id| shop.tree.get(id)) {
            Some(n) => Ok(Found::MovedTo(n.slug(l))),
            None => Err(AppError::not_found()),
        };
    };
    let own_slug = node.slug(l);
    if own_slug != slug {
        return Ok(Found::MovedTo(own_slug));
    }
    let node = node.clone();
    let scope = Scope::Categories(shop.tree.subtree_ids(node.id));
    let links = CategoryLinks::Children { parent: node.id };
    let data = service::listing(c, &shop, scope, lq, links)?;
    let mut crumbs: Vec<(String, String)> = vec![(shop.tr.t("nav-home"), routes::home(l))];
    crumbs.extend(
        shop.tree
            .path(node.id)
            .iter()
            .map(|n| (n.name(l), routes::category(l, &n.slug(l)))),
    );
    let per_locale = Locale::ALL
        .iter()
        .map(|x| (*x, format!("/c/{}", node.slug(*x))))
        .collect();
    Ok(Found::Page(CategoryData {
        name: node.name(l),
        crumbs,
        per_locale,
        data,
    }))
}

/// A search listing this many products or fewer also offers the categories whose names match its words.
pub const FEW_RESULTS: i64 = 3;

/// A search's results; a first page without results and without filters is logged for staff (not a query that
/// could not be searched for: one letter, or only overlong words).
pub fn search_page(
    c: &mut DbConnection,
    key: ShopperKey,
    lq: &ListingQuery,
) -> AppResult<ListingData> {
    let at = key.at;
    let shop = key.load(c)?;
    let l = shop.locale();
    let base = routes::search_base(l);
    let links = CategoryLinks::Filter { base_path: &base };
    let mut data = service::listing(c, &shop, Scope::All, lq, links)?;
    if data.searched && data.total <= FEW_RESULTS {
        data.matching_categories = super::suggest::categories_for_any_word(c, &shop, &lq.q, 4)?;
    }
    let unfiltered = lq.origins.is_empty()
        && lq.category.is_none()
        && lq.price_min.is_none()
        && lq.price_max.is_none()
        && !lq.in_stock;
    // A query that could not be searched for (one letter) has no words: `searched` is false.
    if data.total == 0 && lq.page == 1 && unfiltered && data.searched {
        super::repo::log_miss(c, l.code(), &lq.q, at)?;
    }
    Ok(data)
}

/// The search box's completions of `q` (at most 200 characters of it are read).
pub fn suggestions(
    c: &mut DbConnection,
    key: ShopperKey,
    q: &str,
) -> AppResult<Vec<super::suggest::Suggestion>> {
    let shop = key.load(c)?;
    let q: String = q.chars().filter(|ch| !ch.is_control()).take(200).collect();
    super::suggest::suggest(c, &shop, &q)
}

pub fn origin_page(
    c: &mut DbConnection,
    key: ShopperKey,
    cc: CountryCode,
    lq: &ListingQuery,
) -> AppResult<ListingData> {
    let shop = key.load(c)?;
    let base = routes::origin(shop.locale(), cc);
    let links = CategoryLinks::Filter { base_path: &base };
    service::listing(c, &shop, Scope::Origin(cc.as_str().to_string()), lq, links)
}

pub fn shop_page(
    c: &mut DbConnection,
    key: ShopperKey,
    slug: &str,
    lq: &ListingQuery,
) -> AppResult<ShopListing> {
    let shop = key.load(c)?;
    service::shop_listing(c, &shop, slug, lq)
}

pub fn product_page(
    c: &mut DbConnection,
    key: ShopperKey,
    id: i64,
    ship_to: CountryCode,
    selection: &super::variant_picker::Selection,
) -> AppResult<ProductData> {
    let shop = key.load(c)?;
    let mut p = service::product(c, &shop, id, ship_to, selection)?;
    p.reviews = crate::reviews::read::for_product(c, id, shop.locale().code(), SHOWN_REVIEWS)?;
    Ok(p)
}

/// Reviews a product page shows (the rest are on its reviews page).
pub const SHOWN_REVIEWS: usize = 3;

/// A product's reviews page: its title and own slug in `l`, every locale's slug, and the reviews asked for.
pub fn product_reviews(
    c: &mut DbConnection,
    id: i64,
    l: crate::i18n::Locale,
    f: &crate::reviews::repo::Filter,
    page: i64,
) -> AppResult<ReviewsOf> {
    use crate::i18n::Locale;
    use std::collections::HashMap;
    let p = super::repo::product(c, id)?.ok_or_else(AppError::not_found)?;
    let original = Locale::parse(&p.original_lang).unwrap_or(Locale::FALLBACK);
    let translations = super::repo::translations(c, id)?;
    let by_locale: HashMap<Locale, _> = translations
        .iter()
        .filter_map(|t| Locale::parse(&t.locale).map(|loc| (loc, t)))
        .collect();
    let slug_in = |x: Locale| {
        super::cards::pick(&by_locale, x, original)
            .map_or_else(String::new, |(_, t)| t.slug.clone())
    };
    let (_, t) = super::cards::pick(&by_locale, l, original).ok_or_else(AppError::not_found)?;
    Ok(ReviewsOf {
        id,
        title: t.title.clone(),
        slugs: Locale::ALL.iter().map(|x| (*x, slug_in(*x))).collect(),
        reviews: crate::reviews::read::page(c, id, f, l.code(), page)?,
    })
}

/// A product's reviews with what their page needs of the product.
pub struct ReviewsOf {
    pub id: i64,
    pub title: String,
    pub slugs: Vec<(crate::i18n::Locale, String)>,
    pub reviews: crate::reviews::read::Reviews,
}
