//! Money: integer minor units with an ISO 4217 currency; conversion with explicit rounding.

mod convert;
mod currency;
mod discount;

pub use convert::{divide, Rates, Rounding};
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

    /// The amount as a plain decimal with the currency's minor digits ("1250.00", "1250" for a currency
    /// without minor units), for machine-read formats such as schema.org prices. Never for people: they get
    /// the locale's formatting.
    pub fn plain_decimal(&self) -> String {
        let digits = u32::from(self.currency.minor_digits());
        let per = 10_i64.pow(digits);
        let sign = if self.minor < 0 { "-" } else { "" };
        let (major, minor) = (
            self.minor.unsigned_abs() / per.unsigned_abs(),
            self.minor.unsigned_abs() % per.unsigned_abs(),
        );
        if digits == 0 {
            format!("{sign}{major}")
        } else {
            format!("{sign}{major}.{minor:0width$}", width = digits as usize)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_follow_the_currency_minor_digits() {
        assert_eq!(
            Money::new(125_000, Currency::Eur).plain_decimal(),
            "1250.00"
        );
        assert_eq!(Money::new(5, Currency::Rub).plain_decimal(), "0.05");
        assert_eq!(Money::new(-105, Currency::Usd).plain_decimal(), "-1.05");
    }
}
