//! Page structs for the cart, checkout and orders.

use askama::Template;

use super::cart::Snapshot;
use super::totals::{Totals, MAX_QUANTITY};
use crate::backoffice::merchant::{MerchantChrome, Paging};
use crate::backoffice::staff::StaffChrome;
use crate::geo::CountryCode;
use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};
use crate::routes;

pub struct CartLineView {
    pub variant_id: i64,
    pub title: String,
    /// "Size: 39" ("" without options).
    pub label: String,
    pub title_lang: Option<&'static str>,
    pub url: String,
    pub thumb: Option<String>,
    pub unit: String,
    pub line: String,
    pub quantity: i32,
    pub max: i32,
    pub discount: Option<String>,
}

pub struct CartGroupView {
    pub shop_name: String,
    pub shop_url: String,
    pub origin: String,
    pub lines: Vec<CartLineView>,
    pub subtotal: String,
    /// The shipping figure, or why the shop cannot ship here.
    pub shipping: Result<String, String>,
    pub delivery: String,
    pub total: String,
    /// ("incl. 19% VAT", "€13.30") per rate, where the destination's VAT is collected.
    pub vat: Vec<(String, String)>,
    /// Sold without the destination's VAT: import VAT and duties may be due on delivery.
    pub duties: Option<String>,
    /// The group total in the merchant's own currency when it differs from the shopper's.
    pub total_merchant: Option<String>,
}

#[derive(Template)]
#[template(path = "orders/cart.html")]
pub struct CartPage {
    pub ctx: PageCtx,
    pub groups: Vec<CartGroupView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    pub can_checkout: bool,
    pub notices: Vec<String>,
    pub ship_to_note: String,
    pub coupon: CouponView,
    /// The VAT the total includes.
    pub vat: Option<String>,
}

/// The cart's coupon code as the cart and the review show it.
#[derive(Default)]
pub struct CouponView {
    /// The code entered ("" for none).
    pub code: String,
    /// "−€5.00" when it applies.
    pub applied: Option<String>,
    /// Why it does not apply.
    pub problem: Option<String>,
}

impl CouponView {
    pub fn new(ctx: &PageCtx, outcome: &super::priced::CouponOutcome, t: &Totals) -> Self {
        use super::priced::CouponOutcome;
        match outcome {
            CouponOutcome::None => CouponView::default(),
            CouponOutcome::Applied(row) => CouponView {
                code: row.code.clone(),
                applied: Some(format!("−{}", ctx.money(&t.coupon))),
                problem: None,
            },
            CouponOutcome::Refused(code, r) => CouponView {
                code: code.clone(),
                applied: None,
                problem: Some(crate::coupons::views::refusal(ctx, *r)),
            },
        }
    }
}

#[derive(Template)]
#[template(path = "orders/address.html")]
pub struct AddressPage {
    pub ctx: PageCtx,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "orders/review.html")]
pub struct ReviewPage {
    pub ctx: PageCtx,
    pub coupon: CouponView,
    pub groups: Vec<CartGroupView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    pub total_minor: i64,
    /// The VAT the total includes.
    pub vat: Option<String>,
    pub address: Vec<String>,
    pub payments: Vec<Choice>,
    /// What paying by each method means (it differs when a card is offered).
    pub payment_hint: String,
    pub token: String,
    pub problem: Option<String>,
    pub can_place: bool,
}

#[derive(Template)]
#[template(path = "orders/done.html")]
pub struct DonePage {
    pub ctx: PageCtx,
    /// (number, link).
    pub orders: Vec<(String, String)>,
    pub again: bool,
    pub intro: String,
    /// What happens next (a card checkout is paid already).
    pub next: String,
}

/// Order numbers with the shopper's links to them.
pub fn order_links(l: crate::i18n::Locale, numbers: Vec<String>) -> Vec<(String, String)> {
    numbers
        .into_iter()
        .map(|n| {
            let url = crate::routes::order(l, &n);
            (n, url)
        })
        .collect()
}

impl DonePage {
    /// The confirmation of a checkout's orders (`numbers`), paid by card or not.
    pub fn new(ctx: PageCtx, numbers: Vec<String>, card: bool, again: bool) -> Self {
        let l = ctx.locale;
        DonePage {
            intro: ctx.t_count("checkout-done-intro", &(numbers.len() as i64)),
            next: ctx.t(match card {
                true => "checkout-done-next-card",
                false => "checkout-done-next",
            }),
            orders: order_links(l, numbers),
            again,
            ctx,
        }
    }
}

pub struct OrderListRow {
    pub number: String,
    pub url: String,
    pub date: String,
    pub shop: String,
    pub status: String,
    pub status_code: &'static str,
    pub total: String,
}

/// The chrome of the area the list lives in.
pub enum Chrome {
    Shopper,
    Merchant(MerchantChrome),
    Staff(StaffChrome),
}

#[derive(Template)]
#[template(path = "orders/list.html")]
pub struct OrdersPage {
    pub ctx: PageCtx,
    pub heading: String,
    pub area: Chrome,
    pub rows: Vec<OrderListRow>,
    pub statuses: Vec<Choice>,
    pub from: String,
    pub to: String,
    pub show_dates: bool,
    pub form_action: String,
    pub total: String,
    pub paging: Paging,
}

pub struct OrderLineView {
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub sku: String,
    /// "Size (EU): 39 · Colour: Red" ("" without options).
    pub label: String,
    pub quantity: String,
    pub unit: String,
    pub line: String,
    /// For the buyer of a delivered order: (the review form's URL, whether the product is reviewed already).
    pub review: Option<(String, bool)>,
}

/// A status-changing button (and its extra field, if any).
pub struct OrderAction {
    pub value: &'static str,
    pub label: String,
    /// ("tracking" | "reason", label, required).
    pub field: Option<(&'static str, String, bool)>,
}

#[derive(Template)]
#[template(path = "orders/order.html")]
pub struct OrderPage {
    pub ctx: PageCtx,
    pub area: Chrome,
    /// The payment step, for the shopper's card order still awaiting payment.
    pub pay_url: Option<String>,
    pub number: String,
    pub shop: String,
    pub status: String,
    pub status_code: &'static str,
    pub placed: String,
    pub payment: String,
    pub lines: Vec<OrderLineView>,
    pub subtotal: String,
    /// ("Code BF5", "−€5.00") when a coupon code took something off.
    pub coupon: Option<(String, String)>,
    pub shipping: String,
    pub total: String,
    /// The same total in the other side's currency, when it differs.
    pub total_other: Option<String>,
    /// ("incl. 19% VAT", amount) per rate where VAT was collected.
    pub vat: Vec<(String, String)>,
    /// Sold without the destination's VAT: duties may be due on delivery.
    pub duties: Option<String>,
    /// For the shop: who remits the VAT collected.
    pub vat_remitter: Option<String>,
    pub rate_note: Option<String>,
    pub address: Vec<String>,
    pub delivery: String,
    pub tracking: Option<String>,
    pub cancel_reason: Option<String>,
    /// (when, status, note).
    pub timeline: Vec<(String, String, String)>,
    pub actions: Vec<OrderAction>,
    /// The carriers offered when marking it shipped (the shop's view only).
    pub carrier_choices: Vec<crate::http::page::Choice>,
    /// ("Track with DHL", the carrier's tracking page) once shipped with a listed carrier.
    pub tracking_link: Option<(String, String)>,
    /// The packing slip with the customs declaration (the shop's view only).
    pub slip_url: Option<String>,
    pub action_url: String,
    pub problem: Option<String>,
    pub back_url: String,
}

/// The message above the review page when the orders were not placed.
pub fn refusal(ctx: &PageCtx, why: &super::checkout::Refused) -> String {
    use super::checkout::Refused;
    match why {
        Refused::PaymentRequired => ctx.t("checkout-payment-required"),
        Refused::Changed => ctx.t("checkout-changed"),
        Refused::CannotShip => ctx.t("checkout-cannot-ship"),
        Refused::OutOfStock(titles) => {
            ctx.t1("checkout-out-of-stock", "titles", &titles.join(", "))
        }
        Refused::Coupon(r) => crate::coupons::views::refusal(ctx, *r),
        Refused::CardRequired => ctx.t("checkout-card-required"),
    }
}

impl ReviewPage {
    /// The last step before placing: the cart by shop, totals, the address and the payment choice.
    pub fn new(
        ctx: PageCtx,
        snap: &super::cart::Snapshot,
        (t, coupon): (&super::totals::Totals, &super::priced::CouponOutcome),
        a: &super::model::Address,
        (offered, payment): (
            &[super::model::PaymentMethod],
            Option<super::model::PaymentMethod>,
        ),
        problem: Option<String>,
        token: String,
    ) -> Self {
        let chosen = payment.or(offered.first().copied());
        let card = offered.contains(&super::model::PaymentMethod::Card);
        let payment_hint = ctx.t(match (card, offered.len()) {
            (true, 1) => "checkout-card-required",
            (true, _) => "checkout-payment-hint-card",
            (false, _) => "checkout-payment-hint",
        });
        let payments = offered
            .iter()
            .map(|p| Choice {
                value: p.as_str().to_string(),
                label: ctx.t(&p.message_id()),
                selected: Some(*p) == chosen,
            })
            .collect();
        let country = CountryCode::parse(&a.country)
            .map(|c| ctx.country_name(&c))
            .unwrap_or_default();
        let address = [
            a.full_name.clone(),
            a.line1.clone(),
            a.line2.clone(),
            format!("{} {}", a.postal_code, a.city),
            country,
            a.phone.clone(),
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
        let problem = problem.or_else(|| (!t.all_ship()).then(|| ctx.t("checkout-cannot-ship")));
        ReviewPage {
            vat: vat_total(&ctx, t),
            coupon: CouponView::new(&ctx, coupon, t),
            groups: groups(&ctx, snap, t),
            subtotal: ctx.money(&t.subtotal),
            shipping: ctx.money(&t.shipping),
            total: ctx.money(&t.total),
            total_minor: t.total.minor,
            address,
            payments,
            payment_hint,
            token,
            can_place: t.all_ship(),
            problem,
            ctx,
        }
    }
}

/// The cart's lines grouped by shop, every figure formatted for the page.
/// When a shop's parcel ordered at `at` arrives ("arrives Dec 16 – 22"), else its delivery days.
fn delivery_text(
    ctx: &PageCtx,
    shop: Option<&crate::shops::model::MerchantRow>,
    (r, to): (&crate::shops::model::ShippingRate, CountryCode),
    at: Option<time::PrimitiveDateTime>,
) -> String {
    let holidays = &ctx.tr.i18n().holidays;
    let window = at.zip(shop).and_then(|(at, s)| {
        crate::arrival::for_order(at, s.sender(), ((r.days_min, r.days_max), to), holidays)
    });
    match window {
        Some(w) => ctx.t1("delivery-arrives", "dates", &ctx.date_range(w.from, w.to)),
        None => ctx.tr.t_args(
            "cart-delivery-days",
            &[
                ("min", crate::i18n::Arg::Num(i64::from(r.days_min))),
                ("max", crate::i18n::Arg::Num(i64::from(r.days_max))),
            ],
        ),
    }
}

/// ("incl. 19% VAT", amount) per VAT rate above zero.
pub fn vat_lines(ctx: &PageCtx, parts: &[super::vat_totals::VatPart]) -> Vec<(String, String)> {
    parts
        .iter()
        .filter(|p| p.rate_bp > 0)
        .map(|p| (crate::tax::vat_line(&ctx.tr, p.rate_bp), ctx.money(&p.vat)))
        .collect()
}

/// The VAT a total includes, if any ("VAT included: €13.30").
pub fn vat_total(ctx: &PageCtx, t: &Totals) -> Option<String> {
    (t.vat.minor > 0).then(|| ctx.money(&t.vat))
}

pub fn groups(ctx: &PageCtx, snap: &Snapshot, t: &Totals) -> Vec<CartGroupView> {
    let l = ctx.locale;
    let to = ctx.market.ship_to;
    t.groups
        .iter()
        .map(|g| {
            let shop = snap.shop(g.merchant_id);
            let rate = snap
                .shipping
                .iter()
                .find(|(m, _)| *m == g.merchant_id)
                .and_then(|(_, r)| r.as_ref());
            let lines = g
                .lines
                .iter()
                .filter_map(|lo| {
                    let sl = snap.line(lo.variant_id)?;
                    Some(CartLineView {
                        variant_id: lo.variant_id,
                        title: sl.title.clone(),
                        label: sl.label.clone(),
                        title_lang: (sl.title_locale != l).then(|| sl.title_locale.code()),
                        url: if sl.label.is_empty() {
                            routes::product(l, lo.product_id, &sl.slug)
                        } else {
                            routes::product_variant(l, lo.product_id, &sl.slug, &sl.variant.sku)
                        },
                        thumb: sl.thumb.as_deref().map(routes::media),
                        unit: ctx.money(&lo.unit),
                        line: ctx.money(&lo.line),
                        quantity: lo.quantity,
                        max: sl.variant.stock.clamp(1, MAX_QUANTITY),
                        discount: (lo.discount_percent > 0)
                            .then(|| format!("−{}%", lo.discount_percent)),
                    })
                })
                .collect();
            let country = ctx.country_name(&to);
            CartGroupView {
                shop_name: shop.map_or(String::new(), |s| s.name.clone()),
                shop_url: shop.map_or(String::new(), |s| routes::shop(l, &s.slug)),
                origin: shop
                    .and_then(|s| CountryCode::parse(&s.country))
                    .map(|c| ctx.t1("card-ships-from", "country", &ctx.country_name(&c)))
                    .unwrap_or_default(),
                lines,
                subtotal: ctx.money(&g.subtotal),
                shipping: if g.ships {
                    Ok(ctx.money(&g.shipping))
                } else {
                    let id = crate::destinations::model::Reason::message_or(
                        snap.closed,
                        "cart-does-not-ship",
                    );
                    Err(ctx.t1(&id, "country", &country))
                },
                delivery: rate
                    .map(|r| delivery_text(ctx, shop, (r, to), snap.at))
                    .unwrap_or_default(),
                total: ctx.money(&g.total),
                vat: vat_lines(ctx, &g.vat),
                duties: g
                    .judgement
                    .filter(|j| !j.judged.collect)
                    .map(|_| crate::tax::duties_notice(&ctx.tr, to)),
                total_merchant: (g.total_merchant.currency != g.total.currency).then(|| {
                    ctx.t1(
                        "cart-merchant-total",
                        "amount",
                        &ctx.money(&g.total_merchant),
                    )
                }),
            }
        })
        .collect()
}

impl CartPage {
    /// The cart by shop with its totals in the shopper's currency (zero without a cart), the lines that went
    /// away since the last visit, and where it ships.
    pub fn new(
        ctx: PageCtx,
        loaded: Option<(Snapshot, Totals, super::priced::CouponOutcome)>,
    ) -> Self {
        let mut notices = Vec::new();
        let ship_to_note = ctx.t1(
            "cart-ship-to",
            "country",
            &ctx.country_name(&ctx.market.ship_to),
        );
        let mut coupon = CouponView::default();
        let (groups, t, can_checkout) = match loaded {
            Some((snap, t, outcome)) => {
                coupon = CouponView::new(&ctx, &outcome, &t);
                if !snap.gone.is_empty() {
                    notices.push(ctx.t_count("cart-items-gone", &(snap.gone.len() as i64)));
                }
                let can = !snap.lines.is_empty() && t.all_ship();
                (groups(&ctx, &snap, &t), Some(t), can)
            }
            None => (Vec::new(), None, false),
        };
        let zero = crate::money::Money::new(0, ctx.market.currency);
        let sum = |f: fn(&Totals) -> crate::money::Money| ctx.money(&t.as_ref().map_or(zero, f));
        CartPage {
            vat: t.as_ref().and_then(|t| vat_total(&ctx, t)),
            groups,
            subtotal: sum(|t| t.subtotal),
            shipping: sum(|t| t.shipping),
            total: sum(|t| t.total),
            can_checkout,
            notices,
            ship_to_note,
            coupon,
            ctx,
        }
    }
}
