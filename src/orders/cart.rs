//! The cart in the database: a guest's is found by a random token kept in the session, a signed-in
//! shopper's by user; at sign-in the guest cart merges into the account's. Quantities never exceed stock.

use std::collections::HashMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::totals::{LineIn, ShippingIn, MAX_QUANTITY};
use crate::campaigns::pricing::{LivePromos, ProductKey};
use crate::catalogue::model::{ProductRow, ProductTranslation};
use crate::catalogue::repo as catalogue_repo;
use crate::categories::tree::CategoryTree;
use crate::db::schema::{cart_lines, carts, product_variants, products};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::i18n::{Locale, Translator};
use crate::money::{Currency, Money};
use crate::shops::model::{MerchantRow, ShippingRate};
use crate::variants::model::ProductOption;
use crate::variants::{OptionTexts, VariantRow};

/// Whose cart.
#[derive(Debug, Clone)]
pub enum CartKey {
    User(i64),
    Guest(String),
}

pub fn find(conn: &mut DbConnection, key: &CartKey) -> QueryResult<Option<i64>> {
    match key {
        CartKey::User(uid) => carts::table
            .filter(carts::user_id.eq(uid))
            .select(carts::id)
            .first(conn)
            .optional(),
        CartKey::Guest(token) => carts::table
            .filter(carts::token.eq(token))
            .filter(carts::user_id.is_null())
            .select(carts::id)
            .first(conn)
            .optional(),
    }
}

pub fn find_or_create(
    conn: &mut DbConnection,
    key: &CartKey,
    now: PrimitiveDateTime,
) -> QueryResult<i64> {
    if let Some(id) = find(conn, key)? {
        return Ok(id);
    }
    let (token, user) = match key {
        CartKey::User(uid) => (None, Some(*uid)),
        CartKey::Guest(t) => (Some(t.clone()), None),
    };
    diesel::insert_into(carts::table)
        .values((
            carts::token.eq(token),
            carts::user_id.eq(user),
            carts::created_at.eq(now),
            carts::updated_at.eq(now),
        ))
        .returning(carts::id)
        .get_result(conn)
}

/// What happened to a requested quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjusted {
    /// The line now holds exactly what was asked.
    Exact(i32),
    /// Less than asked: only this many are in stock (or the per-line maximum).
    Capped(i32),
    /// Nothing left; the line was removed.
    SoldOut,
}

/// The variant a cart form names: its `variant_id`, or with only a `product_id` that product's one active
/// variant. A product sold in several variants needs the shopper's choice: a bad request.
pub fn variant_of(
    conn: &mut DbConnection,
    variant: Option<i64>,
    product: Option<i64>,
) -> AppResult<i64> {
    if let Some(v) = variant {
        return Ok(v);
    }
    let product = product.ok_or_else(|| AppError::new(crate::error::ErrorCode::BadRequest))?;
    let ids: Vec<i64> = product_variants::table
        .filter(product_variants::product_id.eq(product))
        .filter(product_variants::active)
        .select(product_variants::id)
        .limit(2)
        .load(conn)?;
    match ids[..] {
        [one] => Ok(one),
        [] => Err(AppError::not_found()),
        _ => Err(AppError::new(crate::error::ErrorCode::BadRequest)),
    }
}

/// (product, units left) of a variant shoppers can buy: active, of a listed product; else not found.
fn available(conn: &mut DbConnection, variant_id: i64) -> AppResult<(i64, i32)> {
    let row: Option<(i64, i32)> = product_variants::table
        .inner_join(products::table)
        .filter(product_variants::id.eq(variant_id))
        .filter(product_variants::active)
        .filter(products::listed)
        .select((product_variants::product_id, product_variants::stock))
        .first(conn)
        .optional()?;
    let (product_id, stock) = row.ok_or_else(AppError::not_found)?;
    Ok((product_id, stock.clamp(0, MAX_QUANTITY)))
}

/// Sets a line's quantity (0 removes it), capped by the variant's stock.
pub fn set_quantity(
    conn: &mut DbConnection,
    cart_id: i64,
    variant_id: i64,
    quantity: i32,
    now: PrimitiveDateTime,
) -> AppResult<Adjusted> {
    crate::db::write_tx(conn, |c| {
        let line = cart_lines::table
            .filter(cart_lines::cart_id.eq(cart_id))
            .filter(cart_lines::variant_id.eq(variant_id));
        if quantity <= 0 {
            diesel::delete(line).execute(c)?;
            return Ok(Adjusted::Exact(0));
        }
        let (product_id, stock) = available(c, variant_id)?;
        if stock == 0 {
            diesel::delete(line).execute(c)?;
            return Ok(Adjusted::SoldOut);
        }
        let q = quantity.min(stock);
        let updated = diesel::update(line)
            .set(cart_lines::quantity.eq(q))
            .execute(c)?;
        if updated == 0 {
            diesel::insert_into(cart_lines::table)
                .values((
                    cart_lines::cart_id.eq(cart_id),
                    cart_lines::variant_id.eq(variant_id),
                    cart_lines::product_id.eq(product_id),
                    cart_lines::quantity.eq(q),
                    cart_lines::added_at.eq(now),
                ))
                .execute(c)?;
        }
        diesel::update(carts::table.find(cart_id))
            .set(carts::updated_at.eq(now))
            .execute(c)?;
        Ok(if q < quantity {
            Adjusted::Capped(q)
        } else {
            Adjusted::Exact(q)
        })
    })
}

/// Adds to a variant's line (creating it), capped by stock.
pub fn add(
    conn: &mut DbConnection,
    cart_id: i64,
    variant_id: i64,
    quantity: i32,
    now: PrimitiveDateTime,
) -> AppResult<Adjusted> {
    let current: i32 = cart_lines::table
        .filter(cart_lines::cart_id.eq(cart_id))
        .filter(cart_lines::variant_id.eq(variant_id))
        .select(cart_lines::quantity)
        .first(conn)
        .optional()?
        .unwrap_or(0);
    let wanted = current.saturating_add(quantity.max(1));
    set_quantity(conn, cart_id, variant_id, wanted, now)
}

/// Moves a guest cart's lines into the user's cart (quantities add up, capped by stock) and drops it.
pub fn merge_guest(
    conn: &mut DbConnection,
    token: &str,
    user_id: i64,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    let Some(guest) = find(conn, &CartKey::Guest(token.to_string()))? else {
        return Ok(());
    };
    let lines: Vec<(i64, i32)> = cart_lines::table
        .filter(cart_lines::cart_id.eq(guest))
        .select((cart_lines::variant_id, cart_lines::quantity))
        .load(conn)?;
    let mine = find_or_create(conn, &CartKey::User(user_id), now)?;
    for (variant, q) in lines {
        match add(conn, mine, variant, q, now) {
            Ok(_) => {}
            // A product that left the catalogue meanwhile is simply not carried over.
            Err(e) if e.code == crate::error::ErrorCode::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    // A code entered as a guest comes along unless the account's cart has its own.
    let code: String = carts::table
        .find(guest)
        .select(carts::coupon_code)
        .first(conn)?;
    if !code.is_empty() {
        diesel::update(carts::table.find(mine).filter(carts::coupon_code.eq("")))
            .set(carts::coupon_code.eq(&code))
            .execute(conn)?;
    }
    diesel::delete(carts::table.find(guest)).execute(conn)?;
    Ok(())
}

/// At sign-in: merges the session's guest cart (if any) into the account's and returns the units in it.
pub fn adopt(
    conn: &mut DbConnection,
    guest_token: Option<&str>,
    user_id: i64,
    now: PrimitiveDateTime,
) -> AppResult<i64> {
    if let Some(token) = guest_token {
        merge_guest(conn, token, user_id, now)?;
    }
    Ok(match find(conn, &CartKey::User(user_id))? {
        Some(id) => count(conn, id)?,
        None => 0,
    })
}

/// Units in the cart (for the header badge).
pub fn count(conn: &mut DbConnection, cart_id: i64) -> QueryResult<i64> {
    let n: Option<i64> = cart_lines::table
        .filter(cart_lines::cart_id.eq(cart_id))
        .select(diesel::dsl::sum(cart_lines::quantity))
        .first(conn)?;
    Ok(n.unwrap_or(0))
}

/// Empties the cart after its orders were placed (its coupon code goes with it).
pub fn clear(conn: &mut DbConnection, cart_id: i64) -> QueryResult<usize> {
    set_coupon(conn, cart_id, "")?;
    diesel::delete(cart_lines::table.filter(cart_lines::cart_id.eq(cart_id))).execute(conn)
}

/// Coupon codes one client may enter in [`CODE_WINDOW_SECS`]: plenty for a shopper, too few to guess codes.
pub const CODES_PER_WINDOW: i64 = 20;
pub const CODE_WINDOW_SECS: i64 = 600;

/// Enters `code` in the cart of `key` ("" takes the code off; `None` is a code that cannot exist), at most
/// [`CODES_PER_WINDOW`] codes per client: the message the cart page shows next.
pub fn enter_coupon(
    conn: &mut DbConnection,
    key: &CartKey,
    code: Option<String>,
    ip: &str,
    now: PrimitiveDateTime,
) -> AppResult<&'static str> {
    use crate::limits::{allow, Scope};
    let Some(code) = code else {
        return Ok("coupon-unknown");
    };
    if !code.is_empty()
        && allow(
            conn,
            (Scope::CouponIp, ip),
            CODES_PER_WINDOW,
            CODE_WINDOW_SECS,
            now,
        )?
        .is_err()
    {
        return Ok("coupon-throttled");
    }
    let id = find_or_create(conn, key, now)?;
    set_coupon(conn, id, &code)?;
    Ok(if code.is_empty() {
        "coupon-removed"
    } else {
        "coupon-entered"
    })
}

/// The coupon code the cart carries ("" for none); checked again on every read and when placing.
pub fn set_coupon(conn: &mut DbConnection, cart_id: i64, code: &str) -> QueryResult<usize> {
    diesel::update(carts::table.find(cart_id))
        .set(carts::coupon_code.eq(code))
        .execute(conn)
}

/// One line of a cart with what the pages and the checkout need.
#[derive(Debug, Clone)]
pub struct SnapLine {
    pub product: ProductRow,
    pub variant: VariantRow,
    /// "Size: 39 · Colour: Red" in the shopper's language ("" for a product without options).
    pub label: String,
    pub quantity: i32,
    pub title: String,
    pub title_locale: Locale,
    pub slug: String,
    pub thumb: Option<String>,
}

/// A cart as it stands now: live products, their shops, and each shop's shipping to the shopper.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub lines: Vec<SnapLine>,
    pub shops: Vec<MerchantRow>,
    /// Per merchant: the rate that applies to the destination, if any.
    pub shipping: Vec<(i64, Option<ShippingRate>)>,
    /// Variants of lines no longer sold (removed from the cart by this read).
    pub gone: Vec<i64>,
    /// Per product with options, its options in order; with the names of them all.
    pub options: HashMap<i64, Vec<ProductOption>>,
    pub texts: OptionTexts,
    /// The coupon code the shopper entered ("" for none), not yet checked.
    pub coupon_code: String,
    /// The instant the cart is priced at (arrival dates are counted from it).
    pub at: Option<time::PrimitiveDateTime>,
    /// Why staff closed the destination, if they did: then no shop ships there.
    pub closed: Option<crate::destinations::model::Reason>,
}

impl Snapshot {
    /// Lines for the totals, with the discount of the campaign live for each product and whether its category
    /// takes the reduced VAT rate.
    pub fn line_inputs(&self, promos: &LivePromos, tree: &CategoryTree) -> Vec<LineIn> {
        self.lines
            .iter()
            .map(|l| {
                let promo = promos.best(ProductKey {
                    id: l.product.id,
                    merchant_id: l.product.merchant_id,
                    category_id: l.product.category_id,
                    origin: &l.product.origin,
                });
                LineIn {
                    product_id: l.product.id,
                    variant_id: l.variant.id,
                    merchant_id: l.product.merchant_id,
                    unit: Money::new(
                        l.variant.price_minor,
                        Currency::parse(&l.product.currency).unwrap_or(Currency::BASE),
                    ),
                    quantity: l.quantity,
                    discount_percent: promo.map_or(0, |p| p.discount_percent),
                    promo_id: promo.map(|p| p.id.0),
                    reduced: tree.reduced_vat(l.product.category_id),
                }
            })
            .collect()
    }

    pub fn shipping_inputs(&self) -> Vec<ShippingIn> {
        self.shipping
            .iter()
            .map(|(m, r)| {
                let cur = self
                    .shops
                    .iter()
                    .find(|s| s.id == *m)
                    .and_then(|s| Currency::parse(&s.currency))
                    .unwrap_or(Currency::BASE);
                ShippingIn {
                    merchant_id: *m,
                    rate: r.as_ref().map(|r| Money::new(r.rate_minor, cur)),
                }
            })
            .collect()
    }

    /// Each shop's VAT setting (id, home country, prices include VAT), for the tax book.
    pub fn vat_shops(&self) -> Vec<(i64, CountryCode, bool)> {
        self.shops
            .iter()
            .filter_map(|s| Some((s.id, CountryCode::parse(&s.country)?, s.prices_include_vat)))
            .collect()
    }

    pub fn shop(&self, id: i64) -> Option<&MerchantRow> {
        self.shops.iter().find(|s| s.id == id)
    }

    /// The line of a variant.
    pub fn line(&self, variant_id: i64) -> Option<&SnapLine> {
        self.lines.iter().find(|l| l.variant.id == variant_id)
    }

    /// A line's variant label in another language (the shop's, for its copy of the order).
    pub fn label_in(&self, line: &SnapLine, tr: &Translator) -> String {
        match self.options.get(&line.product.id) {
            Some(opts) => self.texts.label(opts, &line.variant, tr),
            None => String::new(),
        }
    }
}

/// Reads a cart: lines of variants still sold (others are dropped), titles and variant labels in the
/// translator's language (else the original), each shop's shipping to `to`.
pub fn snapshot(
    conn: &mut DbConnection,
    cart_id: i64,
    tr: &Translator,
    to: CountryCode,
) -> AppResult<Snapshot> {
    use crate::db::schema::{merchants, product_translations, shipping_rates};
    let locale = tr.locale();
    let rows: Vec<(i32, VariantRow, ProductRow)> = cart_lines::table
        .inner_join(product_variants::table)
        .inner_join(products::table)
        .filter(cart_lines::cart_id.eq(cart_id))
        .order((cart_lines::added_at, cart_lines::variant_id))
        .select((
            cart_lines::quantity,
            VariantRow::as_select(),
            ProductRow::as_select(),
        ))
        .load(conn)?;
    let mut snap = Snapshot {
        coupon_code: carts::table
            .find(cart_id)
            .select(carts::coupon_code)
            .first(conn)
            .optional()?
            .unwrap_or_default(),
        closed: crate::destinations::service::reason_now(conn, to)?,
        ..Snapshot::default()
    };
    let mut ids: Vec<i64> = rows.iter().map(|(_, _, p)| p.id).collect();
    ids.sort_unstable();
    ids.dedup();
    for o in crate::variants::repo::options_of_products(conn, &ids)? {
        snap.options.entry(o.product_id).or_default().push(o);
    }
    let mut option_ids: Vec<i64> = snap
        .options
        .values()
        .flatten()
        .map(|o| o.option_id)
        .collect();
    option_ids.sort_unstable();
    option_ids.dedup();
    snap.texts = crate::variants::repo::texts(conn, &option_ids)?;
    let texts: Vec<ProductTranslation> = product_translations::table
        .filter(product_translations::product_id.eq_any(&ids))
        .select(ProductTranslation::as_select())
        .load(conn)?;
    let covers = catalogue_repo::cover_images(conn, &ids)?;
    let own: Vec<i64> = rows.iter().filter_map(|(_, v, _)| v.image_id).collect();
    let own_images = catalogue_repo::images_by_ids(conn, &own)?;
    let merchant_ids: Vec<i64> = rows.iter().map(|(_, _, p)| p.merchant_id).collect();
    snap.shops = merchants::table
        .filter(merchants::id.eq_any(&merchant_ids))
        .select(MerchantRow::as_select())
        .load(conn)?;
    let rates: Vec<ShippingRate> = shipping_rates::table
        .filter(shipping_rates::merchant_id.eq_any(&merchant_ids))
        .select(ShippingRate::as_select())
        .load(conn)?;
    let mut by_product: HashMap<i64, Vec<&ProductTranslation>> = HashMap::new();
    for t in &texts {
        by_product.entry(t.product_id).or_default().push(t);
    }
    for (quantity, v, p) in rows {
        if !p.listed || !v.active {
            snap.gone.push(v.id);
            continue;
        }
        let original = Locale::parse(&p.original_lang).unwrap_or(Locale::FALLBACK);
        let ts = by_product.get(&p.id).cloned().unwrap_or_default();
        let pick = ts
            .iter()
            .find(|t| t.locale == locale.code())
            .or_else(|| ts.iter().find(|t| t.locale == original.code()))
            .or_else(|| ts.first());
        let (title, title_locale, slug) = match pick {
            Some(t) => (
                t.title.clone(),
                Locale::parse(&t.locale).unwrap_or(original),
                t.slug.clone(),
            ),
            None => (p.sku.clone(), original, String::new()),
        };
        if !snap.shipping.iter().any(|(m, _)| *m == p.merchant_id) {
            let own: Vec<ShippingRate> = rates
                .iter()
                .filter(|r| r.merchant_id == p.merchant_id)
                .cloned()
                .collect();
            let rate = crate::shops::shop::quote(&own, to)
                .filter(|_| snap.closed.is_none())
                .cloned();
            snap.shipping.push((p.merchant_id, rate));
        }
        let label = match snap.options.get(&p.id) {
            Some(opts) => snap.texts.label(opts, &v, tr),
            None => String::new(),
        };
        // The variant's own image, else the product's cover.
        let thumb = own_images
            .iter()
            .find(|i| Some(i.id) == v.image_id)
            .or_else(|| covers.iter().find(|c| c.product_id == p.id))
            .map(|c| c.card_path().to_string());
        snap.lines.push(SnapLine {
            thumb,
            variant: v,
            label,
            quantity: quantity.min(MAX_QUANTITY),
            title,
            title_locale,
            slug,
            product: p,
        });
    }
    if !snap.gone.is_empty() {
        diesel::delete(
            cart_lines::table
                .filter(cart_lines::cart_id.eq(cart_id))
                .filter(cart_lines::variant_id.eq_any(&snap.gone)),
        )
        .execute(conn)?;
    }
    Ok(snap)
}
