//! Product cards for lists: one query per kind of data for the whole list, never one per card.

use std::collections::HashMap;
use std::sync::Arc;

use super::model::ProductRow;
use super::repo;
use super::service::Shopper;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::geo::CountryCode;
use crate::i18n::Locale;
use crate::money::{Currency, Money, Rounding};
use crate::routes;

#[derive(Clone)]
pub struct ProductCard {
    pub id: i64,
    pub merchant_id: i64,
    /// The product's (and its shop's) currency.
    pub currency: Currency,
    /// "Delivery €9.00 · 2–4 days" to the shopper's country, on listings filtered by "ships to me".
    pub delivery: Option<String>,
    pub url: String,
    pub title: String,
    /// Set when the title is shown in another language than the page's (screen readers switch voice).
    pub title_lang: Option<&'static str>,
    pub image_url: Option<String>,
    pub image_alt: String,
    pub price: String,
    /// The merchant's own price when it is in another currency.
    pub merchant_price: Option<String>,
    /// The price before a live campaign's discount.
    pub old_price: Option<String>,
    /// The campaign badge.
    pub promo: Option<String>,
    pub origin: CountryCode,
    pub origin_name: String,
    pub in_stock: bool,
    pub shop_name: String,
    /// Sold in several variants: the card links to the choice instead of adding to the cart.
    pub choose: bool,
    /// Its variants differ in price: the price is "from" the lowest.
    pub from: bool,
    /// The price in the shop's currency after any campaign discount, in minor units.
    pub own_minor: i64,
    /// The average rating ("4.7"), the number of reviews ("12") and what a screen reader says ("Rated 4.7 out
    /// of 5, 12 reviews").
    pub rating: Option<(String, String, String)>,
    /// "incl. 19% VAT", or that duties may be due on delivery, for the shopper's market.
    pub tax_note: Option<String>,
    /// How VAT applies to it for the shopper's market (its shipping charge is shown with it).
    pub vat: Option<super::shopper::PriceVat>,
}

/// Picks the translation for `l`, else the original language's, else any.
pub fn pick<T>(
    by_locale: &HashMap<Locale, T>,
    l: Locale,
    original: Locale,
) -> Option<(Locale, &T)> {
    by_locale
        .get(&l)
        .map(|t| (l, t))
        .or_else(|| by_locale.get(&original).map(|t| (original, t)))
        .or_else(|| by_locale.iter().next().map(|(k, t)| (*k, t)))
}

/// Display price in the shopper's currency, the merchant's own price if it differs, and the price before a
/// campaign's `percent` off (struck through). The discount is taken in the merchant's currency first, then the
/// market's VAT rule applied (`vat`), as on the order (see `orders::totals`).
pub fn prices(
    shop: &Shopper,
    minor: i64,
    currency: &str,
    percent: i32,
    vat: Option<&super::shopper::PriceVat>,
) -> (String, Option<String>, Option<String>) {
    let f = &shop.tr.i18n().formatters;
    let l = shop.tr.locale();
    let Some(cur) = Currency::parse(currency) else {
        return (format!("{minor} {currency}"), None, None);
    };
    let before = Money::new(minor, cur);
    let own = crate::money::percent_off(before, percent).unwrap_or(before);
    let (before, own) = match vat {
        Some(v) => (v.shown(before), v.shown(own)),
        None => (before, own),
    };
    let shown = |m: Money| match shop.rates.convert(m, shop.currency, Rounding::HalfUp) {
        Some(converted) => f.money(l, converted),
        None => f.money(l, m),
    };
    let merchant =
        (cur != shop.currency && shop.rates.get(shop.currency).is_some()).then(|| f.money(l, own));
    let old = (percent > 0).then(|| shown(before));
    (shown(own), merchant, old)
}

/// What a card shows of one product in any locale, as read from the database; cached by product id (see
/// [`crate::cache::Cache::item`]).
pub struct CardData {
    pub product: ProductRow,
    /// (locale, title, slug).
    pub titles: HashMap<Locale, (String, String)>,
    pub image_url: Option<String>,
    pub alts: HashMap<Locale, String>,
    pub shop_name: String,
    /// Active variants, and whether their prices differ.
    pub variants: usize,
    pub price_varies: bool,
    /// Visible reviews: (count, sum of stars).
    pub rating: (i32, i32),
}

/// Reads the card data of `ids` (any order, missing ids left out): six queries whatever the number of ids.
fn read(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<CardData>> {
    let rows = repo::products_by_ids(conn, ids)?;
    let mut prices: HashMap<i64, Vec<i64>> = HashMap::new();
    for v in crate::variants::repo::of_products(conn, ids)? {
        if v.active {
            prices.entry(v.product_id).or_default().push(v.price_minor);
        }
    }
    let mut titles: HashMap<i64, HashMap<Locale, (String, String)>> = HashMap::new();
    for (pid, locale, title, slug) in repo::card_translations(conn, ids)? {
        if let Some(loc) = Locale::parse(&locale) {
            titles.entry(pid).or_default().insert(loc, (title, slug));
        }
    }
    let mut ratings: HashMap<i64, (i32, i32)> = crate::reviews::read::ratings(conn, ids)?
        .into_iter()
        .map(|(id, count, sum)| (id, (count, sum)))
        .collect();
    let covers = repo::cover_images(conn, ids)?;
    let cover_ids: Vec<i64> = covers.iter().map(|c| c.id).collect();
    let mut alts: HashMap<i64, HashMap<Locale, String>> = HashMap::new();
    for a in repo::image_alts(conn, &cover_ids)? {
        if let Some(loc) = Locale::parse(&a.locale) {
            alts.entry(a.image_id).or_default().insert(loc, a.alt);
        }
    }
    let covers: HashMap<i64, _> = covers.into_iter().map(|c| (c.product_id, c)).collect();
    let mut merchant_ids: Vec<i64> = rows.iter().map(|r| r.merchant_id).collect();
    merchant_ids.sort_unstable();
    merchant_ids.dedup();
    let shops: HashMap<i64, String> = crate::shops::repo::by_ids(conn, &merchant_ids)?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|p| {
            let cover = covers.get(&p.id);
            let own = prices.remove(&p.id).unwrap_or_default();
            CardData {
                rating: ratings.remove(&p.id).unwrap_or_default(),
                variants: own.len(),
                price_varies: own.iter().any(|x| Some(x) != own.first()),
                titles: titles.remove(&p.id).unwrap_or_default(),
                image_url: cover.map(|c| routes::media(c.card_path())),
                alts: cover.and_then(|c| alts.remove(&c.id)).unwrap_or_default(),
                shop_name: shops.get(&p.merchant_id).cloned().unwrap_or_default(),
                product: p,
            }
        })
        .collect())
}

/// The cards of `ids`, in that order, for `shop`'s locale, currency and instant. Card data comes from the
/// catalogue cache; only the ids it lacks are read, in one batch.
pub fn load(conn: &mut DbConnection, shop: &Shopper, ids: &[i64]) -> AppResult<Vec<ProductCard>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let cache = &shop.cache;
    let generation = cache.generation();
    let mut by_id: HashMap<i64, Arc<CardData>> = HashMap::with_capacity(ids.len());
    let mut missing = Vec::new();
    for id in ids {
        match cache.item(super::slots::CARDS, *id) {
            Some(d) => {
                by_id.insert(*id, d);
            }
            None => missing.push(*id),
        }
    }
    if !missing.is_empty() {
        for d in read(conn, &missing)? {
            let d = Arc::new(d);
            cache.store_item(super::slots::CARDS, d.product.id, generation, d.clone());
            by_id.insert(d.product.id, d);
        }
    }
    Ok(ids
        .iter()
        .filter_map(|id| by_id.get(id).map(|d| card(shop, d)))
        .collect())
}

/// A card's rating: the average and the count in the shopper's number format, and their spoken form; none
/// without reviews.
fn rating_of(shop: &Shopper, (count, sum): (i32, i32)) -> Option<(String, String, String)> {
    if count <= 0 {
        return None;
    }
    let tenths = crate::reviews::model::average_tenths(count, sum);
    let average = shop.tr.i18n().formatters.decimal(shop.locale(), tenths, 1);
    let n = shop
        .tr
        .i18n()
        .formatters
        .number(shop.locale(), i64::from(count));
    let spoken = shop.tr.t_args(
        "review-rated-count",
        &[
            ("average", crate::i18n::Arg::Str(&average)),
            ("count", crate::i18n::Arg::Num(i64::from(count))),
            ("n", crate::i18n::Arg::Str(&n)),
        ],
    );
    Some((average, n, spoken))
}

fn card(shop: &Shopper, d: &CardData) -> ProductCard {
    let l = shop.tr.locale();
    let p = &d.product;
    let original = Locale::parse(&p.original_lang).unwrap_or(Locale::FALLBACK);
    let (title_locale, title, slug) = match pick(&d.titles, l, original) {
        Some((loc, (t, s))) => (loc, t.clone(), s.clone()),
        None => (l, format!("#{}", p.id), p.id.to_string()),
    };
    let origin = CountryCode::parse(&p.origin).unwrap_or(CountryCode::US);
    let shown = shop.price_of(p);
    let alt = pick(&d.alts, l, original).map_or_else(|| title.clone(), |(_, a)| a.clone());
    ProductCard {
        id: p.id,
        merchant_id: p.merchant_id,
        currency: Currency::parse(&p.currency).unwrap_or(Currency::BASE),
        delivery: None,
        url: routes::product(l, p.id, &slug),
        title_lang: (title_locale != l).then(|| title_locale.code()),
        title,
        image_url: d.image_url.clone(),
        image_alt: alt,
        own_minor: shown.own_minor,
        tax_note: shop.card_tax_note(shown.tax()),
        vat: shown.vat,
        rating: rating_of(shop, d.rating),
        price: shown.price,
        merchant_price: shown.merchant_price,
        old_price: shown.old_price,
        promo: shown.promo.map(|(label, _)| label),
        origin_name: shop.tr.t(&origin.name_id()),
        origin,
        in_stock: p.stock > 0,
        shop_name: d.shop_name.clone(),
        choose: d.variants > 1,
        from: d.price_varies,
    }
}
