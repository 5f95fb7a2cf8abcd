//! Coupon rows, their terms as the totals need them, and why a code is refused.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::coupons;
use crate::geo::CountryCode;
use crate::money::{Currency, Money};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = coupons)]
pub struct CouponRow {
    pub id: i64,
    /// Upper case, as shoppers type it in any case.
    pub code: String,
    /// The shop whose products the code is for; `None`: every shop, paid by the marketplace.
    pub merchant_id: Option<i64>,
    /// `percent` or `amount`.
    pub kind: String,
    pub percent: i32,
    pub amount_minor: i64,
    /// The currency of the amount and of the minimum spend.
    pub currency: String,
    pub min_spend_minor: i64,
    /// Ship-to markets where the code works (`DE,ES`; empty: everywhere).
    pub markets: String,
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub max_uses: Option<i32>,
    pub per_account: Option<i32>,
    pub used: i32,
    pub batch: String,
    pub active: bool,
    pub created_by: i64,
    pub created_at: PrimitiveDateTime,
}

/// What a code takes off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Off {
    /// Whole percent of the goods (1–90).
    Percent(i32),
    /// A fixed amount, converted to the cart's currency at the current rates (half up) when it differs.
    Amount(Money),
}

/// A code's terms, as the totals apply them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    pub off: Off,
    /// The goods of the shops the code is for must come to at least this (zero: no minimum).
    pub min_spend: Money,
    /// Only this shop's goods; `None`: every shop's in the cart.
    pub merchant: Option<i64>,
}

impl CouponRow {
    pub fn currency(&self) -> Currency {
        Currency::parse(&self.currency).unwrap_or(Currency::BASE)
    }

    pub fn terms(&self) -> Terms {
        let cur = self.currency();
        Terms {
            off: if self.kind == "amount" {
                Off::Amount(Money::new(self.amount_minor, cur))
            } else {
                Off::Percent(self.percent)
            },
            min_spend: Money::new(self.min_spend_minor, cur),
            merchant: self.merchant_id,
        }
    }

    pub fn market_list(&self) -> Vec<CountryCode> {
        self.markets
            .split(',')
            .filter_map(CountryCode::parse)
            .collect()
    }

    /// Why the code cannot be used now in `market` (before the cart's amounts are known), if it cannot.
    pub fn refusal(&self, market: CountryCode, at: PrimitiveDateTime) -> Option<Refusal> {
        let markets = self.market_list();
        if !self.active {
            Some(Refusal::Unknown)
        } else if at < self.starts_at {
            Some(Refusal::NotYet)
        } else if at >= self.ends_at {
            Some(Refusal::Expired)
        } else if !markets.is_empty() && !markets.contains(&market) {
            Some(Refusal::NotInMarket)
        } else if self.max_uses.is_some_and(|m| self.used >= m) {
            Some(Refusal::UsedUp)
        } else {
            None
        }
    }
}

/// Why a code does not apply: each has a message for the shopper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    NotYet,
    Expired,
    NotInMarket,
    /// Every use in total is taken.
    UsedUp,
    /// This account has used it as often as it may.
    AlreadyUsed,
    /// The goods come to less than the minimum spend (shown in the cart's currency).
    BelowMinimum(Money),
    /// None of the code's shop's products are in the cart.
    WrongShop,
    /// Codes need a signed-in account (per-account limits).
    SignIn,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::Unknown => "coupon-unknown",
            Refusal::NotYet => "coupon-not-yet",
            Refusal::Expired => "coupon-expired",
            Refusal::NotInMarket => "coupon-not-in-market",
            Refusal::UsedUp => "coupon-used-up",
            Refusal::AlreadyUsed => "coupon-already-used",
            Refusal::BelowMinimum(_) => "coupon-below-minimum",
            Refusal::WrongShop => "coupon-wrong-shop",
            Refusal::SignIn => "coupon-sign-in",
        }
    }
}

/// A code as shoppers type it: trimmed, upper case (ASCII letters, digits and dashes only).
pub fn normalize_code(typed: &str) -> Option<String> {
    let c = typed.trim().to_ascii_uppercase();
    (!c.is_empty() && c.len() <= 32 && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'))
        .then_some(c)
}
