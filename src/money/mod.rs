//! Money: integer minor units with an ISO 4217 currency; conversion with explicit rounding.

mod convert;
mod currency;
mod discount;

pub use convert::{Rates, Rounding};
pub use currency::Currency;
pub use discount::percent_off;

/// An amount in minor units (cents, kopecks, kuruş) of one currency. Never a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }
}
