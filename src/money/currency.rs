use std::fmt;

use serde::{Deserialize, Serialize};

/// The currencies merchants price in and shoppers display in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    Eur,
    Rub,
    Try,
    Usd,
    Kzt,
    Gbp,
    Pln,
}

impl Currency {
    pub const ALL: [Currency; 7] = [
        Currency::Eur,
        Currency::Rub,
        Currency::Try,
        Currency::Usd,
        Currency::Kzt,
        Currency::Gbp,
        Currency::Pln,
    ];
    /// The currency exchange rates are quoted against and prices are sorted by.
    pub const BASE: Currency = Currency::Eur;

    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Rub => "RUB",
            Currency::Try => "TRY",
            Currency::Usd => "USD",
            Currency::Kzt => "KZT",
            Currency::Gbp => "GBP",
            Currency::Pln => "PLN",
        }
    }

    pub fn parse(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Digits after the decimal point (ISO 4217 minor unit); all of ours use 2.
    pub fn minor_digits(self) -> u8 {
        2
    }

    /// 10^minor_digits.
    pub fn minor_per_major(self) -> i64 {
        10_i64.pow(u32::from(self.minor_digits()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
