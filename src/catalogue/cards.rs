//! Product cards for lists: one query per kind of data for the whole list, never one per card.

use std::collections::HashMap;

use super::repo;
use super::service::Shopper;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::geo::CountryCode;
use crate::i18n::Locale;
use crate::merchants;
use crate::money::{Currency, Money, Rounding};
use crate::web::routes;

pub struct ProductCard {
    pub id: i64,
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
/// campaign's `percent` off (struck through). The discount is taken in the merchant's currency first, as on
/// the order (see `orders::totals`).
pub fn prices(
    shop: &Shopper,
    minor: i64,
    currency: &str,
    percent: i32,
) -> (String, Option<String>, Option<String>) {
    let f = &shop.tr.i18n().formatters;
    let l = shop.tr.locale();
    let Some(cur) = Currency::parse(currency) else {
        return (format!("{minor} {currency}"), None, None);
    };
    let before = Money::new(minor, cur);
    let own = crate::orders::totals::discounted(before, percent).unwrap_or(before);
    let shown = |m: Money| match shop.rates.convert(m, shop.currency, Rounding::HalfUp) {
        Some(converted) => f.money(l, converted),
        None => f.money(l, m),
    };
    let merchant =
        (cur != shop.currency && shop.rates.get(shop.currency).is_some()).then(|| f.money(l, own));
    let old = (percent > 0).then(|| shown(before));
    (shown(own), merchant, old)
}

pub fn load(conn: &mut DbConnection, shop: &Shopper, ids: &[i64]) -> AppResult<Vec<ProductCard>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let l = shop.tr.locale();
    let rows = repo::products_by_ids(conn, ids)?;
    let mut titles: HashMap<i64, HashMap<Locale, (String, String)>> = HashMap::new();
    for (pid, locale, title, slug) in repo::card_translations(conn, ids)? {
        if let Some(loc) = Locale::parse(&locale) {
            titles.entry(pid).or_default().insert(loc, (title, slug));
        }
    }
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
    let shops: HashMap<i64, String> = merchants::repo::by_ids(conn, &merchant_ids)?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();

    let by_id: HashMap<i64, _> = rows.into_iter().map(|r| (r.id, r)).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(p) = by_id.get(id) else { continue };
        let original = Locale::parse(&p.original_lang).unwrap_or(Locale::FALLBACK);
        let empty = HashMap::new();
        let (title_locale, title, slug) = match pick(titles.get(id).unwrap_or(&empty), l, original)
        {
            Some((loc, (t, s))) => (loc, t.clone(), s.clone()),
            None => (l, format!("#{id}"), id.to_string()),
        };
        let origin = CountryCode::parse(&p.origin).unwrap_or(CountryCode::US);
        let shown = shop.price_of(p);
        let cover = covers.get(id);
        let alt = cover
            .and_then(|c| alts.get(&c.id))
            .and_then(|m| pick(m, l, original).map(|(_, a)| a.clone()))
            .unwrap_or_else(|| title.clone());
        out.push(ProductCard {
            id: *id,
            url: routes::product(l, *id, &slug),
            title_lang: (title_locale != l).then(|| title_locale.code()),
            title,
            image_url: cover.map(|c| routes::media(c.card_path())),
            image_alt: alt,
            price: shown.price,
            merchant_price: shown.merchant_price,
            old_price: shown.old_price,
            promo: shown.promo.map(|(label, _)| label),
            origin_name: shop.tr.t(&origin.name_id()),
            origin,
            in_stock: p.stock > 0,
            shop_name: shops.get(&p.merchant_id).cloned().unwrap_or_default(),
        });
    }
    Ok(out)
}
