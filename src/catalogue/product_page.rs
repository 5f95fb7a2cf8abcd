//! A product's page (gallery, texts, seller, delivery to the shopper's market), a shop's page, and product
//! names for other features.

use std::collections::HashMap;

use super::cards::{self, ProductCard};
use super::repo::{self};
use crate::db::DbConnection;
use crate::destinations::model::Reason;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::i18n::Locale;
use crate::money::{Currency, Money, Rounding};

use super::shopper::{PriceVat, Shopper};
use super::slots;
use super::variant_picker::{self, Chosen, Picker, Selection};
use crate::variants::VariantRow;

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
    /// "incl. 19% VAT", or that duties may be due on delivery, for the shopper's market.
    pub tax_note: Option<String>,
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
    /// The option groups and which variant the query chose.
    pub picker: Picker,
    /// The variant shown (none when the chosen values make none on sale).
    pub variant: Option<VariantRow>,
    /// "Size: 39 · Colour: Red" of the shown variant ("" without options).
    pub variant_label: String,
    /// Every variant on sale, for the structured data (none for a product without options).
    pub offers: Vec<VariantOffer>,
    /// The rating summary and the first reviews, in the page's language first.
    pub reviews: crate::reviews::read::Reviews,
}

/// One variant as search engines read it.
pub struct VariantOffer {
    pub sku: String,
    pub label: String,
    pub price_minor: i64,
    pub in_stock: bool,
    pub url: String,
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
    (own, vat): (Currency, Option<&PriceVat>),
    to: CountryCode,
) -> Option<(String, &'r crate::shops::model::ShippingRate)> {
    if shop.closed.reason(to).is_some() {
        return None;
    }
    let rate = crate::shops::shop::quote(rates, to)?;
    let cost = Money::new(rate.rate_minor, own);
    let cost = vat.map_or(cost, |v| v.shipping(cost));
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

/// When a parcel ordered now arrives ("arrives Dec 16 – 22"), or the transit days when no window can be given.
fn arrival_text(
    shop: &Shopper,
    merchant: &crate::shops::model::MerchantRow,
    (rate, to): (&crate::shops::model::ShippingRate, CountryCode),
) -> String {
    let transit = ((rate.days_min, rate.days_max), to);
    let holidays = &shop.tr.i18n().holidays;
    match crate::arrival::for_order(shop.at, merchant.sender(), transit, holidays) {
        Some(w) => {
            let dates = shop
                .tr
                .i18n()
                .formatters
                .date_range(shop.locale(), w.from, w.to);
            shop.tr.t_args(
                "delivery-arrives",
                &[("dates", crate::i18n::Arg::Str(&dates))],
            )
        }
        None => shop.tr.t_args("cart-delivery-days", &days_args(rate)),
    }
}

/// Shipping to the shopper's country from this shop, for the product page, or that the shop does not ship there.
fn delivery_line(
    conn: &mut DbConnection,
    shop: &Shopper,
    (merchant, vat): (&crate::shops::model::MerchantRow, Option<&PriceVat>),
    to: CountryCode,
) -> AppResult<Result<String, String>> {
    let country = shop.tr.country(to);
    let rates = crate::shops::shop::shipping(conn, merchant.id)?;
    let own = Currency::parse(&merchant.currency).unwrap_or(Currency::BASE);
    Ok(match quote_for(shop, &rates, (own, vat), to) {
        Some((cost, rate)) => Ok(shop.tr.t_args(
            "product-delivery",
            &[
                ("country", crate::i18n::Arg::Str(&country)),
                ("cost", crate::i18n::Arg::Str(&cost)),
                (
                    "days",
                    crate::i18n::Arg::Str(&arrival_text(shop, merchant, (rate, to))),
                ),
            ],
        )),
        None => Err(shop.tr.t_args(
            &Reason::message_or(shop.closed.reason(to), "product-no-delivery"),
            &[("country", crate::i18n::Arg::Str(&country))],
        )),
    })
}

/// Adds "Delivery 9,00 € · arrives Dec 16 – 22" to each card (one query for the page's shops' rates, one for
/// the shops themselves).
pub(super) fn quote_cards(
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
    let senders: HashMap<i64, crate::shops::model::MerchantRow> =
        crate::shops::repo::by_ids(conn, &shops)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    for card in cards.iter_mut() {
        let rates = by_shop
            .get(&card.merchant_id)
            .map_or(&[][..], Vec::as_slice);
        let quote = quote_for(shop, rates, (card.currency, card.vat.as_ref()), to);
        card.delivery = quote.map(|(cost, rate)| match senders.get(&card.merchant_id) {
            Some(m) => shop.tr.t_args(
                "card-delivery-dates",
                &[
                    ("cost", crate::i18n::Arg::Str(&cost)),
                    (
                        "dates",
                        crate::i18n::Arg::Str(&arrival_text(shop, m, (rate, to))),
                    ),
                ],
            ),
            None => {
                let [min, max] = days_args(rate);
                shop.tr.t_args(
                    "card-delivery",
                    &[("cost", crate::i18n::Arg::Str(&cost)), min, max],
                )
            }
        });
    }
    Ok(())
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

/// The product's variants, their options and the choice the query makes.
struct Variants {
    all: Vec<VariantRow>,
    options: Vec<crate::variants::model::ProductOption>,
    texts: std::sync::Arc<crate::variants::OptionTexts>,
    picker: Picker,
}

fn variants_of(
    conn: &mut DbConnection,
    shop: &Shopper,
    id: i64,
    selection: &Selection,
) -> AppResult<Variants> {
    let all = crate::variants::repo::of_product(conn, id)?;
    let options = crate::variants::repo::product_options(conn, id)?;
    let option_ids: Vec<i64> = options.iter().map(|o| o.option_id).collect();
    // Names change rarely and are shared by many products: read once per set of options, from the cache.
    let key = format!("{option_ids:?}");
    let texts = shop
        .cache
        .get_or_load(conn, slots::OPTION_TEXTS, key, move |c| {
            crate::variants::repo::texts(c, &option_ids).map_err(AppError::from)
        })?;
    let picker = variant_picker::pick(&all, &options, &texts, selection, shop.locale());
    Ok(Variants {
        all,
        options,
        texts,
        picker,
    })
}

impl Variants {
    /// The variants on sale for structured data, each priced as the page prices it (`priced`: with the market's
    /// VAT, each variant judged on its own price).
    fn offers(
        &self,
        shop: &Shopper,
        (l, id, slug): (Locale, i64, &str),
        priced: impl Fn(i64) -> i64,
    ) -> Vec<VariantOffer> {
        if self.options.is_empty() {
            return Vec::new();
        }
        self.all
            .iter()
            .filter(|v| v.active)
            .map(|v| VariantOffer {
                sku: v.sku.clone(),
                label: self.texts.label(&self.options, v, &shop.tr),
                price_minor: priced(v.price_minor),
                in_stock: v.stock > 0,
                url: crate::routes::product_variant(l, id, slug, &v.sku),
            })
            .collect()
    }
}

pub fn product(
    conn: &mut DbConnection,
    shop: &Shopper,
    id: i64,
    ship_to: CountryCode,
    selection: &Selection,
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
    let seller = merchant.identity(&shop.tr);
    let vs = variants_of(conn, shop, id, selection)?;
    let variant = match &vs.picker.chosen {
        Chosen::Variant(v) => Some(v.clone()),
        _ => None,
    };
    let mut images = repo::images(conn, id)?;
    // The chosen variant's own image leads the gallery.
    if let Some(at) = variant
        .as_ref()
        .and_then(|v| v.image_id)
        .and_then(|img| images.iter().position(|i| i.id == img))
    {
        let img = images.remove(at);
        images.insert(0, img);
    }
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
    let mut priced = p.clone();
    if let Some(v) = &variant {
        priced.price_minor = v.price_minor;
    }
    let shown = shop.price_of(&priced);
    let delivery = delivery_line(conn, shop, (&merchant, shown.vat.as_ref()), ship_to)?;
    let tax_note = shop.tax_note(shown.tax());
    let promo_ends = shown
        .promo_ends
        .map(|end| crate::campaigns::schedule::time_left(&shop.tr, shop.at, end));
    let (price, merchant_price, old_price, promo) = (
        shown.price,
        shown.merchant_price,
        shown.old_price,
        shown.promo,
    );
    let own_slug = cards::pick(&by_locale, l, original)
        .map(|(_, t)| t.slug.clone())
        .unwrap_or_default();
    let currency = Currency::parse(&p.currency).unwrap_or(Currency::BASE);
    let with_vat = |minor: i64| {
        let m = Money::new(minor, currency);
        shop.vat_of(p.merchant_id, p.category_id, m)
            .map_or(minor, |v| v.shown(m).minor)
    };
    let offers = vs.offers(shop, (l, id, &own_slug), with_vat);
    let list_price = Money::new(priced.price_minor, currency);
    let variant_label = variant
        .as_ref()
        .map(|v| vs.texts.label(&vs.options, v, &shop.tr))
        .unwrap_or_default();
    Ok(ProductData {
        tax_note,
        reviews: crate::reviews::read::Reviews::default(),
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
        price_minor: shown.vat.map_or(list_price, |v| v.shown(list_price)).minor,
        currency: p.currency.clone(),
        stock: variant.as_ref().map_or(0, |v| v.stock),
        sku: variant
            .as_ref()
            .map_or_else(|| p.sku.clone(), |v| v.sku.clone()),
        origin: CountryCode::parse(&p.origin).unwrap_or(CountryCode::US),
        shop_name: merchant.name,
        shop_slug: merchant.slug,
        breadcrumbs,
        images,
        listed_on: shop.tr.i18n().formatters.date(l, p.created_at.date()),
        delivery,
        seller,
        picker: vs.picker,
        variant,
        variant_label,
        offers,
    })
}
