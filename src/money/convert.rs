use std::collections::HashMap;

use super::{Currency, Money};

/// How a conversion rounds to the target's minor unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// Half away from zero: what shoppers see (`0.005` → `0.01`).
    HalfUp,
    /// Toward negative infinity: lower bounds of price filters.
    Floor,
    /// Toward positive infinity: upper bounds of price filters.
    Ceil,
}

/// Exchange rates as units of each currency per one unit of [`Currency::BASE`], in millionths (micros).
/// E.g. 98.5 RUB per EUR is `98_500_000`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rates {
    per_base_micros: HashMap<Currency, i64>,
}

impl Rates {
    pub fn new() -> Self {
        let mut per_base_micros = HashMap::new();
        per_base_micros.insert(Currency::BASE, 1_000_000);
        Self { per_base_micros }
    }

    pub fn set(&mut self, currency: Currency, per_base_micros: i64) {
        if per_base_micros > 0 {
            self.per_base_micros.insert(currency, per_base_micros);
        }
    }

    pub fn get(&self, currency: Currency) -> Option<i64> {
        self.per_base_micros.get(&currency).copied()
    }

    /// Converts `money` into `to` with explicit rounding. `None` when a rate is missing.
    /// Exact integer arithmetic: minor_to = minor_from × rate_to × 10^d_to / (rate_from × 10^d_from).
    pub fn convert(&self, money: Money, to: Currency, rounding: Rounding) -> Option<Money> {
        if money.currency == to {
            return Some(money);
        }
        let rate_from = i128::from(self.get(money.currency)?);
        let rate_to = i128::from(self.get(to)?);
        let num = i128::from(money.minor) * rate_to * i128::from(to.minor_per_major());
        let den = rate_from * i128::from(money.currency.minor_per_major());
        let minor = divide(num, den, rounding);
        Some(Money::new(i64::try_from(minor).ok()?, to))
    }
}

/// `num / den` (`den` > 0) rounded as asked: the one integer division every money rule uses.
pub fn divide(num: i128, den: i128, rounding: Rounding) -> i128 {
    let q = num.div_euclid(den);
    let r = num.rem_euclid(den);
    match rounding {
        Rounding::Floor => q,
        Rounding::Ceil => {
            if r == 0 {
                q
            } else {
                q + 1
            }
        }
        Rounding::HalfUp => {
            // Half away from zero: compare twice the remainder with the divisor on the magnitude.
            if num >= 0 {
                if 2 * r >= den {
                    q + 1
                } else {
                    q
                }
            } else {
                // For negatives, q is floored; the magnitude rounds half up.
                let mag = (-num).div_euclid(den);
                let mag_r = (-num).rem_euclid(den);
                -(if 2 * mag_r >= den { mag + 1 } else { mag })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates() -> Rates {
        let mut r = Rates::new();
        r.set(Currency::Rub, 98_500_000);
        r.set(Currency::Usd, 1_160_000);
        r.set(Currency::Try, 45_200_000);
        r
    }

    #[test]
    fn converts_with_half_up() {
        let r = rates();
        // 10.00 EUR -> 985.00 RUB exactly
        assert_eq!(
            r.convert(
                Money::new(1000, Currency::Eur),
                Currency::Rub,
                Rounding::HalfUp
            ),
            Some(Money::new(98500, Currency::Rub))
        );
        // 1.00 RUB -> 0.0101522... EUR -> 0.01 EUR
        assert_eq!(
            r.convert(
                Money::new(100, Currency::Rub),
                Currency::Eur,
                Rounding::HalfUp
            ),
            Some(Money::new(1, Currency::Eur))
        );
        // 3490.00 RUB -> 35.431472 EUR -> 35.43 EUR
        assert_eq!(
            r.convert(
                Money::new(349000, Currency::Rub),
                Currency::Eur,
                Rounding::HalfUp
            ),
            Some(Money::new(3543, Currency::Eur))
        );
        // cross rate RUB -> USD: 3490 / 98.5 * 1.16 = 41.1005... -> 41.10
        assert_eq!(
            r.convert(
                Money::new(349000, Currency::Rub),
                Currency::Usd,
                Rounding::HalfUp
            ),
            Some(Money::new(4110, Currency::Usd))
        );
    }

    #[test]
    fn exact_half_rounds_away_from_zero() {
        let mut r = Rates::new();
        r.set(Currency::Usd, 500_000); // 0.5 USD per EUR
        assert_eq!(
            r.convert(
                Money::new(1, Currency::Eur),
                Currency::Usd,
                Rounding::HalfUp
            )
            .map(|m| m.minor),
            Some(1)
        );
        assert_eq!(
            r.convert(
                Money::new(-1, Currency::Eur),
                Currency::Usd,
                Rounding::HalfUp
            )
            .map(|m| m.minor),
            Some(-1)
        );
        assert_eq!(
            r.convert(Money::new(3, Currency::Eur), Currency::Usd, Rounding::Floor)
                .map(|m| m.minor),
            Some(1)
        );
        assert_eq!(
            r.convert(Money::new(3, Currency::Eur), Currency::Usd, Rounding::Ceil)
                .map(|m| m.minor),
            Some(2)
        );
    }

    #[test]
    fn missing_rate_is_none_and_big_amounts_do_not_overflow() {
        let r = rates();
        assert_eq!(
            r.convert(
                Money::new(100, Currency::Kzt),
                Currency::Eur,
                Rounding::HalfUp
            ),
            None
        );
        let big = Money::new(9_000_000_000_000_000, Currency::Rub);
        assert!(r.convert(big, Currency::Eur, Rounding::HalfUp).is_some());
    }
}
