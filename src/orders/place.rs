//! Placing a checkout: one order per merchant, all in one transaction. Stock is re-checked and decremented
//! with a conditional update (never below zero, whatever runs at the same moment); the checkout token makes a
//! repeated submission return the orders it already created.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DbError};
use time::PrimitiveDateTime;

use super::cart::{self, Snapshot};
use super::model::{Address, NewOrder, NewOrderLine, OrderStatus, PaymentMethod};
use super::notify;
use super::totals::{self, Totals, TotalsError};
use super::vat_totals::{Vat, VatPart};
use crate::campaigns::pricing::LivePromos;
use crate::categories::tree::CategoryTree;
use crate::db::schema::{carts, order_coupons, order_events, order_lines, orders};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::i18n::{Locale, Translator};
use crate::money::{Currency, Money, Rates};

pub struct PlaceInput {
    pub user_id: i64,
    pub cart_id: i64,
    pub token: String,
    pub address: Address,
    pub payment: PaymentMethod,
    /// Whether card payment is offered: then a shop order whose VAT the marketplace remits (IOSS, the UK) must
    /// be paid by card, so the marketplace holds that VAT (a bank transfer or cash goes to the shop).
    pub card_offered: bool,
    pub currency: Currency,
    pub locale: Locale,
    /// The shopper's language, for the variant labels the orders keep.
    pub tr: Translator,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    /// Order numbers created now.
    Created(Vec<String>),
    /// This token already placed these orders (a double click or a retry).
    Already(Vec<String>),
    Empty,
    /// Some shop does not ship to the address.
    NotShippable,
    /// These products have fewer units left than asked (titles).
    OutOfStock(Vec<String>),
    /// Prices or rates changed between review and placing: the shopper must look again.
    Changed,
    /// The cart's coupon code no longer applies (its last use went to someone else, it expired): nothing placed.
    Coupon(crate::coupons::model::Refusal),
    /// A shop order's VAT is remitted by the marketplace: it must be paid by card.
    CardRequired,
}

enum Abort {
    Db(DbError),
    Outcome(Placed),
    Totals(TotalsError),
    App(AppError),
}

impl From<DbError> for Abort {
    fn from(e: DbError) -> Self {
        Abort::Db(e)
    }
}

/// The orders a checkout token created for this user (numbers, in merchant order).
pub fn numbers_of(conn: &mut DbConnection, user_id: i64, token: &str) -> QueryResult<Vec<String>> {
    orders::table
        .filter(orders::checkout_token.eq(token))
        .filter(orders::user_id.eq(user_id))
        .order(orders::id)
        .select(orders::number)
        .load(conn)
}

/// The numbers of a checkout's orders (the shopper's own only), and whether they were paid by card.
pub fn numbers_and_card(
    conn: &mut DbConnection,
    user_id: i64,
    token: &str,
) -> QueryResult<(Vec<String>, bool)> {
    let rows: Vec<(String, String)> = orders::table
        .filter(orders::checkout_token.eq(token))
        .filter(orders::user_id.eq(user_id))
        .order(orders::id)
        .select((orders::number, orders::payment_method))
        .load(conn)?;
    let card = rows
        .iter()
        .any(|(_, m)| m == super::model::PaymentMethod::Card.as_str());
    Ok((rows.into_iter().map(|(n, _)| n).collect(), card))
}

/// Who gives up a line's campaign discount (merchant currency, whole line): (the marketplace, the shop). The
/// discount is the list price less the discounted one, times the quantity; the marketplace pays its funding share
/// of the campaign's own percent (see [`crate::campaigns::model::PromoRow::platform_points`]), rounded half up,
/// and the shop the rest.
fn discount_split(lo: &super::totals::LineOut, promos: &LivePromos) -> (i64, i64) {
    let Some(id) = lo.promo_id else {
        return (0, 0);
    };
    let given = (lo.list_merchant.minor - lo.unit_merchant.minor)
        .max(0)
        .saturating_mul(i64::from(lo.quantity));
    let points = promos
        .promos
        .iter()
        .find(|p| p.id.0 == id)
        .map_or(0, |p| p.platform_points);
    let platform = split_half_up(given, points, i64::from(lo.discount_percent) * 100).min(given);
    (platform, given - platform)
}

/// `amount × num / den`, half up; 0 when `den` is not positive.
fn split_half_up(amount: i64, num: i64, den: i64) -> i64 {
    if den <= 0 {
        return 0;
    }
    let v = (i128::from(amount) * i128::from(num) * 2 + i128::from(den)) / (i128::from(den) * 2);
    i64::try_from(v).unwrap_or(amount)
}

/// A short, unambiguous order number: `CV-` and 8 Crockford base-32 characters.
pub fn new_number() -> AppResult<String> {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut raw = [0u8; 8];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    let s: String = raw
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % 32]))
        .collect();
    Ok(format!("CV-{}-{}", &s[..4], &s[4..]))
}

/// What a shop order's consignment bore (`order_taxes`): a row per VAT rate where VAT was collected, one row at
/// rate 0 where it is sold net with duties on delivery, none where no rule applied.
fn record_vat(
    c: &mut DbConnection,
    order_id: i64,
    to: CountryCode,
    g: &totals::GroupOut,
) -> QueryResult<()> {
    use crate::db::schema::order_taxes as t;
    let Some(j) = g.judgement else {
        return Ok(());
    };
    let zero = |m: Money| Money::new(0, m.currency);
    let rows: Vec<VatPart> = if j.judged.collect {
        g.vat.clone()
    } else {
        vec![VatPart {
            rate_bp: 0,
            gross: g.total,
            vat: zero(g.total),
            gross_merchant: g.total_merchant,
            vat_merchant: zero(g.total_merchant),
        }]
    };
    for p in rows {
        diesel::insert_into(t::table)
            .values((
                t::order_id.eq(order_id),
                t::rate_bp.eq(i32::try_from(p.rate_bp).unwrap_or(0)),
                t::treatment.eq(if j.judged.collect {
                    "collect"
                } else {
                    "duties"
                }),
                t::country.eq(to.as_str()),
                t::remitted_by.eq(j.judged.remitter.code()),
                t::gross_minor.eq(p.gross.minor),
                t::vat_minor.eq(p.vat.minor),
                t::merchant_gross_minor.eq(p.gross_merchant.minor),
                t::merchant_vat_minor.eq(p.vat_merchant.minor),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Totals of a snapshot (the same function as the cart page and the review), campaigns and VAT included.
pub fn price(
    snap: &Snapshot,
    rates: &Rates,
    to: Currency,
    (promos, tree): (&LivePromos, &CategoryTree),
    vat: Option<Vat<'_>>,
) -> Result<Totals, TotalsError> {
    totals::taxed(
        &snap.line_inputs(promos, tree),
        &snap.shipping_inputs(),
        vat,
        rates,
        to,
    )
}

/// Places the checkout. `expected_total` is the total the shopper reviewed; a different total now means
/// prices or rates moved and nothing is placed.
pub fn place(
    conn: &mut DbConnection,
    input: &PlaceInput,
    rates: &Rates,
    expected_total: Option<i64>,
    now: PrimitiveDateTime,
) -> AppResult<Placed> {
    let result = crate::db::write_tx::<Placed, Abort, _>(conn, |c| {
        // Writing first takes SQLite's write lock at the start, so concurrent checkouts queue instead of
        // failing to upgrade a read lock.
        diesel::update(carts::table.find(input.cart_id))
            .set(carts::updated_at.eq(now))
            .execute(c)?;
        let done = numbers_of(c, input.user_id, &input.token)?;
        if !done.is_empty() {
            return Ok(Placed::Already(done));
        }
        let to = CountryCode::parse(&input.address.country).unwrap_or(CountryCode::US);
        let snap = cart::snapshot(c, input.cart_id, &input.tr, to).map_err(Abort::App)?;
        if snap.lines.is_empty() {
            return Err(Abort::Outcome(Placed::Empty));
        }
        let tree = crate::catalogue::service::tree_now(c)?;
        let promos = crate::campaigns::pricing::live_at(c, now, to, input.locale, &tree)?;
        let buyer = super::priced::Buyer {
            user: Some(input.user_id),
            market: to,
            currency: input.currency,
            at: now,
        };
        let (t, coupon) = super::priced::priced(c, &snap, rates, (&promos, &tree), buyer)
            .map_err(Abort::App)?
            .map_err(Abort::Totals)?;
        let coupon = match coupon {
            super::priced::CouponOutcome::Refused(_, r) => {
                return Err(Abort::Outcome(Placed::Coupon(r)))
            }
            super::priced::CouponOutcome::Applied(row) => Some(row),
            super::priced::CouponOutcome::None => None,
        };
        if !t.all_ship() {
            return Err(Abort::Outcome(Placed::NotShippable));
        }
        if input.card_offered
            && input.payment != PaymentMethod::Card
            && super::checkout::marketplace_vat(&t)
        {
            return Err(Abort::Outcome(Placed::CardRequired));
        }
        if expected_total.is_some_and(|e| e != t.total.minor) {
            return Err(Abort::Outcome(Placed::Changed));
        }
        let mut short = Vec::new();
        let mut by_variant: Vec<&cart::SnapLine> = snap.lines.iter().collect();
        by_variant.sort_by_key(|l| l.variant.id);
        // Products this checkout leaves low in stock, per shop: (shop, "title (label)", units left).
        let mut low: Vec<(i64, String, i32)> = Vec::new();
        for l in by_variant {
            let named = if l.label.is_empty() {
                l.title.clone()
            } else {
                format!("{} ({})", l.title, l.label)
            };
            match crate::variants::write::take(c, l.variant.id, l.product.id, l.quantity)? {
                None => short.push(named),
                Some(left)
                    if left <= notify::LOW_STOCK && left + l.quantity > notify::LOW_STOCK =>
                {
                    low.push((l.product.merchant_id, named, left))
                }
                Some(_) => {}
            }
        }
        if !short.is_empty() {
            return Err(Abort::Outcome(Placed::OutOfStock(short)));
        }
        if let Some(row) = &coupon {
            let taken = crate::coupons::service::redeem(c, row, input.user_id, &input.token, now)?;
            if let Err(r) = taken {
                return Err(Abort::Outcome(Placed::Coupon(r)));
            }
        }
        // A marketplace code is paid by the marketplace: the shop is made whole for its part.
        let platform_code = coupon.as_ref().is_some_and(|r| r.merchant_id.is_none());
        let shopper_rate = rates.get(input.currency).unwrap_or(1_000_000);
        let a = &input.address;
        let mut numbers = Vec::new();
        for g in &t.groups {
            let Some(shop) = snap.shop(g.merchant_id) else {
                continue;
            };
            let rate = snap
                .shipping
                .iter()
                .find(|(m, _)| *m == g.merchant_id)
                .and_then(|(_, r)| r.clone());
            let number = new_number().map_err(Abort::App)?;
            let order_id: i64 = diesel::insert_into(orders::table)
                .values(&NewOrder {
                    number: number.clone(),
                    checkout_token: input.token.clone(),
                    user_id: input.user_id,
                    merchant_id: g.merchant_id,
                    status: OrderStatus::AwaitingPayment,
                    payment_method: input.payment.as_str().to_string(),
                    currency: input.currency.code().to_string(),
                    subtotal_minor: g.subtotal.minor,
                    shipping_minor: g.shipping.minor,
                    total_minor: g.total.minor,
                    merchant_currency: g.subtotal_merchant.currency.code().to_string(),
                    merchant_subtotal_minor: g.subtotal_merchant.minor,
                    merchant_shipping_minor: g.shipping_merchant.minor,
                    merchant_total_minor: g.total_merchant.minor,
                    merchant_rate_micros: rates
                        .get(g.subtotal_merchant.currency)
                        .unwrap_or(1_000_000),
                    shopper_rate_micros: shopper_rate,
                    ship_name: a.full_name.clone(),
                    ship_line1: a.line1.clone(),
                    ship_line2: a.line2.clone(),
                    ship_city: a.city.clone(),
                    ship_postal_code: a.postal_code.clone(),
                    ship_country: a.country.clone(),
                    ship_phone: a.phone.clone(),
                    delivery_days_min: rate.as_ref().map_or(0, |r| r.days_min),
                    delivery_days_max: rate.as_ref().map_or(0, |r| r.days_max),
                    locale: input.locale.code().to_string(),
                    created_at: now,
                    updated_at: now,
                })
                .returning(orders::id)
                .get_result(c)?;
            if let Some(row) = coupon
                .as_ref()
                .filter(|_| g.coupon.minor > 0 || g.coupon_merchant.minor > 0)
            {
                diesel::insert_into(order_coupons::table)
                    .values((
                        order_coupons::order_id.eq(order_id),
                        order_coupons::coupon_id.eq(row.id),
                        order_coupons::discount_minor.eq(g.coupon.minor),
                        order_coupons::merchant_discount_minor.eq(g.coupon_merchant.minor),
                        order_coupons::platform_minor.eq(if platform_code {
                            g.coupon_merchant.minor
                        } else {
                            0
                        }),
                    ))
                    .execute(c)?;
            }
            let promised = rate.as_ref().and_then(|r| {
                crate::arrival::for_order(
                    now,
                    shop.sender(),
                    ((r.days_min, r.days_max), to),
                    &input.tr.i18n().holidays,
                )
            });
            if let Some(w) = promised {
                diesel::insert_into(crate::db::schema::order_arrivals::table)
                    .values((
                        crate::db::schema::order_arrivals::order_id.eq(order_id),
                        crate::db::schema::order_arrivals::arrives_from.eq(w.from),
                        crate::db::schema::order_arrivals::arrives_to.eq(w.to),
                    ))
                    .execute(c)?;
            }
            record_vat(c, order_id, to, g)?;
            let shop_tr = input
                .tr
                .in_locale(Locale::parse(&shop.original_lang).unwrap_or(Locale::FALLBACK));
            for lo in &g.lines {
                let Some(sl) = snap.line(lo.variant_id) else {
                    continue;
                };
                let split = discount_split(lo, &promos);
                diesel::insert_into(order_lines::table)
                    .values(&NewOrderLine {
                        order_id,
                        product_id: lo.product_id,
                        sku: sl.variant.sku.clone(),
                        title: sl.title.clone(),
                        title_locale: sl.title_locale.code().to_string(),
                        quantity: lo.quantity,
                        unit_minor: lo.unit_merchant.minor,
                        line_minor: lo.line_merchant.minor,
                        unit_shopper_minor: lo.unit.minor,
                        line_shopper_minor: lo.line.minor,
                        discount_percent: lo.discount_percent,
                        promo_id: lo.promo_id,
                        platform_discount_minor: split.0,
                        shop_discount_minor: split.1,
                        variant_id: Some(sl.variant.id),
                        variant_label: sl.label.clone(),
                        variant_label_merchant: snap.label_in(sl, &shop_tr),
                    })
                    .execute(c)?;
            }
            diesel::insert_into(order_events::table)
                .values((
                    order_events::order_id.eq(order_id),
                    order_events::status.eq(OrderStatus::AwaitingPayment.as_str()),
                    order_events::actor_id.eq(Some(input.user_id)),
                    order_events::note.eq(""),
                    order_events::created_at.eq(now),
                ))
                .execute(c)?;
            notify::push(c, input.user_id, order_id, "order-placed", now)?;
            if let Some(owner) = shop.owner_user_id {
                notify::push(c, owner, order_id, "order-new", now)?;
                let running_low: Vec<serde_json::Value> = low
                    .iter()
                    .filter(|(m, _, _)| *m == g.merchant_id)
                    .map(|(_, title, left)| serde_json::json!({ "title": title, "left": left }))
                    .collect();
                if !running_low.is_empty() {
                    let payload = serde_json::Value::from(running_low).to_string();
                    notify::push_with(c, owner, order_id, "stock-low", &payload, now)?;
                }
            }
            numbers.push(number);
        }
        cart::clear(c, input.cart_id)?;
        Ok(Placed::Created(numbers))
    });
    match result {
        Ok(p) => Ok(p),
        Err(Abort::Outcome(p)) => Ok(p),
        Err(Abort::Totals(TotalsError::MissingRate)) => {
            Err(AppError::new(crate::error::ErrorCode::Unavailable))
        }
        Err(Abort::Totals(_)) => Ok(Placed::Changed),
        // The same token placed concurrently: the other request won; show its orders.
        Err(Abort::Db(DbError::DatabaseError(DatabaseErrorKind::UniqueViolation, _))) => {
            let done = numbers_of(conn, input.user_id, &input.token)?;
            Ok(if done.is_empty() {
                Placed::Changed
            } else {
                Placed::Already(done)
            })
        }
        Err(Abort::Db(e)) => Err(AppError::from(e)),
        Err(Abort::App(e)) => Err(e),
    }
}
