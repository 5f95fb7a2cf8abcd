//! Percentage discounts on an amount, rounded half up in the amount's own currency (a campaign's price is taken
//! in the merchant's currency first, then converted, on cards, product pages and orders alike).

use super::Money;

/// `unit × (100 − percent) / 100`, half up; `None` for a percentage outside 0–100 or an overflow.
pub fn percent_off(unit: Money, percent: i32) -> Option<Money> {
    if !(0..=100).contains(&percent) {
        return None;
    }
    if percent == 0 {
        return Some(unit);
    }
    let num = i128::from(unit.minor) * i128::from(100 - percent);
    let v = (num + 50).div_euclid(100);
    i64::try_from(v).ok().map(|m| Money::new(m, unit.currency))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    #[test]
    fn rounds_half_up_in_minor_units() {
        let eur = |m| Money::new(m, Currency::Eur);
        assert_eq!(percent_off(eur(999), 15), Some(eur(849))); // 849.15
        assert_eq!(percent_off(eur(1_000), 15), Some(eur(850)));
        assert_eq!(percent_off(eur(30), 50), Some(eur(15)));
        assert_eq!(percent_off(eur(1), 50), Some(eur(1))); // 0.5 → 1
        assert_eq!(percent_off(eur(500), 0), Some(eur(500)));
        assert_eq!(percent_off(eur(500), 100), Some(eur(0)));
        assert_eq!(percent_off(eur(500), 101), None);
        assert_eq!(percent_off(eur(500), -1), None);
    }
}
