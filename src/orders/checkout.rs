//! Placing the checkout: what must hold before the orders are written (a cart, a payment method, the total the
//! shopper confirmed, a saved address), and where the shopper goes after.

use super::address;
use super::cart::{self, CartKey};
use super::model::PaymentMethod;
use super::place::{self, PlaceInput, Placed};
use crate::catalogue::service::rates_at;
use crate::error::{AppResult, ErrorCode};
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::money::Currency;
use crate::routes;

/// The payment methods offered at checkout: card first where a provider is configured, then bank transfer and
/// pay on delivery.
pub fn offered(config: &crate::config::Config) -> Vec<PaymentMethod> {
    let card = config.stripe.is_some().then_some(PaymentMethod::Card);
    card.into_iter().chain(PaymentMethod::ALL).collect()
}

/// Whether a shop order of these totals has VAT the marketplace remits (IOSS, the UK's scheme).
pub fn marketplace_vat(t: &super::totals::Totals) -> bool {
    t.groups.iter().any(|g| {
        g.ships
            && g.judgement.is_some_and(|j| {
                j.judged.collect && j.judged.remitter == crate::tax::book::Remitter::Platform
            })
    })
}

/// The methods offered for these totals: only the card where card payment is offered and the marketplace
/// remits a shop order's VAT (it must hold that VAT; a transfer or cash would go to the shop).
pub fn offered_for(
    config: &crate::config::Config,
    t: &super::totals::Totals,
) -> Vec<PaymentMethod> {
    let all = offered(config);
    if all.contains(&PaymentMethod::Card) && marketplace_vat(t) {
        vec![PaymentMethod::Card]
    } else {
        all
    }
}

/// What the shopper confirmed on the review page.
pub struct PlaceAsk {
    pub user_id: i64,
    pub locale: Locale,
    pub currency: Currency,
    /// The review page's one-time token (validated by the caller).
    pub token: String,
    pub payment: Option<PaymentMethod>,
    /// The total the shopper saw.
    pub expected_total: Option<i64>,
}

/// Why the orders were not placed: the review page is shown again with the message.
pub enum Refused {
    PaymentRequired,
    Changed,
    CannotShip,
    /// Titles of the products with too few units left.
    OutOfStock(Vec<String>),
    /// The coupon code no longer applies.
    Coupon(crate::coupons::model::Refusal),
    /// The marketplace remits a shop order's VAT: only a card payment is taken.
    CardRequired,
}

impl Refused {
    /// The domain code, which decides the status the review page comes back with (409 for all of these: the
    /// shopper's confirmation no longer matches what can be placed).
    pub fn code(&self) -> ErrorCode {
        match self {
            Refused::OutOfStock(_) => ErrorCode::OutOfStock,
            Refused::PaymentRequired
            | Refused::CardRequired
            | Refused::Changed
            | Refused::CannotShip
            | Refused::Coupon(_) => ErrorCode::Conflict,
        }
    }
}

pub enum Placing {
    /// Where to go: the confirmation (`placed` is true when orders were created now), the cart or the address.
    Go {
        to: String,
        placed: bool,
    },
    Refused(Refused),
}

pub async fn place(state: &AppState, ask: PlaceAsk) -> AppResult<Placing> {
    let (uid, l) = (ask.user_id, ask.locale);
    let cart = state
        .db(move |c| Ok(cart::find(c, &CartKey::User(uid))?))
        .await?;
    let Some(cart_id) = cart else {
        return Ok(go(routes::cart(l)));
    };
    let Some(payment) = ask.payment else {
        return Ok(Placing::Refused(Refused::PaymentRequired));
    };
    // The total the shopper saw is part of the confirmation: without it, they review the current one first.
    let Some(expected) = ask.expected_total else {
        return Ok(Placing::Refused(Refused::Changed));
    };
    let saved = state.db(move |c| Ok(address::saved(c, uid)?)).await?;
    let Some(address) = saved else {
        return Ok(go(routes::checkout(l)));
    };
    let input = PlaceInput {
        user_id: uid,
        cart_id,
        token: ask.token.clone(),
        address,
        payment,
        card_offered: state.config.stripe.is_some(),
        currency: ask.currency,
        locale: l,
        tr: crate::i18n::Translator::new(state.i18n.clone(), l),
    };
    let at = state.clock.now();
    let outcome = state
        .write(move |c| {
            let rates = rates_at(c, at)?;
            place::place(c, &input, &rates, Some(expected), at)
        })
        .await?;
    let card = payment == PaymentMethod::Card;
    Ok(placing(state, outcome, l, (&ask.token, card)))
}

/// Elsewhere, nothing placed now.
fn go(to: String) -> Placing {
    Placing::Go { to, placed: false }
}

/// Where the shopper goes after `place` answered (and the placed-orders metric): the confirmation, or for a card
/// checkout the payment step (which sends a paid checkout on to the confirmation).
fn placing(state: &AppState, outcome: Placed, l: Locale, (token, card): (&str, bool)) -> Placing {
    let done = |again| match card {
        true => routes::checkout_pay(l, token),
        false => routes::checkout_done(l, token, again),
    };
    match outcome {
        Placed::Created(numbers) => {
            tracing::info!(orders = ?numbers, "checkout placed");
            state.metrics.orders_placed.inc_by(numbers.len() as u64);
            Placing::Go {
                to: done(false),
                placed: true,
            }
        }
        Placed::Already(_) => go(done(true)),
        Placed::Empty => go(routes::cart(l)),
        Placed::NotShippable => Placing::Refused(Refused::CannotShip),
        Placed::OutOfStock(titles) => Placing::Refused(Refused::OutOfStock(titles)),
        Placed::Changed => Placing::Refused(Refused::Changed),
        Placed::Coupon(r) => Placing::Refused(Refused::Coupon(r)),
        Placed::CardRequired => Placing::Refused(Refused::CardRequired),
    }
}
