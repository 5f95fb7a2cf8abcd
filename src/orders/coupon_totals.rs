//! A coupon code on the cart's totals: which shops' goods it applies to, the minimum spend, and what it takes off
//! each shop's order, in the shopper's currency and in the shop's. Pure and integer-only, like the totals.

use super::totals::{add, convert, discounted, Totals, TotalsError};
use crate::coupons::model::{Off, Refusal, Terms};
use crate::money::{Money, Rates};

/// Applies a coupon code's terms to totals without one. The goods it applies to are those of the shops that ship
/// (only the code's shop's, for a shop's code); the minimum spend is converted to the cart's currency (half up)
/// and compared with those goods.
///
/// Rounding rules (tested below):
/// 1. Percent: each shop's goods are discounted half up, like a campaign price (in the shopper's currency and,
///    separately, in the shop's), so each order's figures stand on their own.
/// 2. Amount: converted to the cart's currency half up and never more than the goods; split over the shops in
///    proportion to their goods, by largest remainder (the parts add up to the amount exactly); each part is
///    converted to the shop's currency half up, never more than its goods.
pub fn with_coupon(
    mut t: Totals,
    terms: &Terms,
    rates: &Rates,
) -> Result<Result<Totals, Refusal>, TotalsError> {
    let to = t.currency;
    let eligible: Vec<usize> = t
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.ships && terms.merchant.is_none_or(|m| m == g.merchant_id))
        .map(|(i, _)| i)
        .collect();
    if eligible.is_empty() {
        return Ok(Err(if terms.merchant.is_some() {
            Refusal::WrongShop
        } else {
            Refusal::BelowMinimum(convert(rates, terms.min_spend, to)?)
        }));
    }
    let mut base = Money::new(0, to);
    for i in &eligible {
        base = add(base, t.groups[*i].subtotal)?;
    }
    let min = convert(rates, terms.min_spend, to)?;
    if base.minor < min.minor {
        return Ok(Err(Refusal::BelowMinimum(min)));
    }
    let parts: Vec<(i64, i64)> = match terms.off {
        Off::Percent(p) => {
            let mut v = Vec::new();
            for i in &eligible {
                let g = &t.groups[*i];
                let off = |m: Money| -> Result<i64, TotalsError> {
                    Ok(m.minor - discounted(m, p)?.minor)
                };
                v.push((off(g.subtotal)?, off(g.subtotal_merchant)?));
            }
            v
        }
        Off::Amount(a) => {
            let amount = convert(rates, a, to)?.minor.min(base.minor);
            let weights: Vec<i64> = eligible
                .iter()
                .map(|i| t.groups[*i].subtotal.minor)
                .collect();
            let shares = largest_remainder(amount, &weights).ok_or(TotalsError::Overflow)?;
            let mut v = Vec::new();
            for (i, share) in eligible.iter().zip(shares) {
                let g = &t.groups[*i];
                let cur = g.subtotal_merchant.currency;
                let merchant = convert(rates, Money::new(share, to), cur)?;
                v.push((share, merchant.minor.min(g.subtotal_merchant.minor)));
            }
            v
        }
    };
    let mut sum = Money::new(0, to);
    for (i, (shopper, merchant)) in eligible.iter().zip(parts) {
        let g = &mut t.groups[*i];
        g.coupon = Money::new(shopper, to);
        g.coupon_merchant = Money::new(merchant, g.subtotal_merchant.currency);
        g.total = Money::new(g.total.minor - shopper, to);
        g.total_merchant = Money::new(g.total_merchant.minor - merchant, g.total_merchant.currency);
        sum = add(sum, g.coupon)?;
    }
    t.coupon = sum;
    t.total = Money::new(t.total.minor - sum.minor, to);
    super::vat_totals::settle(&mut t)?;
    Ok(Ok(t))
}

/// `amount` split in proportion to `weights` (all ≥ 0): floors first, then one more unit to the largest
/// remainders (ties to the earlier weight). The parts add up to `amount` exactly.
pub(super) fn largest_remainder(amount: i64, weights: &[i64]) -> Option<Vec<i64>> {
    let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
    if total <= 0 {
        return Some(weights.iter().map(|_| 0).collect());
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut rems = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let num = i128::from(amount) * i128::from(*w);
        parts.push(i64::try_from(num / total).ok()?);
        rems.push((num % total, i));
    }
    let mut left = amount - parts.iter().sum::<i64>();
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rems {
        if left <= 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use crate::orders::totals::{totals, LineIn, ShippingIn};

    fn rates() -> Rates {
        let mut r = Rates::new();
        r.set(Currency::Rub, 98_500_000);
        r.set(Currency::Try, 36_250_000);
        r
    }

    fn cart(lines: &[(i64, i64, Currency)], to: Currency) -> Totals {
        let ins: Vec<LineIn> = lines
            .iter()
            .enumerate()
            .map(|(i, (merchant, minor, cur))| LineIn {
                product_id: i as i64 + 1,
                variant_id: i as i64 + 1,
                merchant_id: *merchant,
                unit: Money::new(*minor, *cur),
                quantity: 1,
                discount_percent: 0,
                promo_id: None,
                reduced: false,
            })
            .collect();
        let ship: Vec<ShippingIn> = lines
            .iter()
            .map(|(m, _, cur)| ShippingIn {
                merchant_id: *m,
                rate: Some(Money::new(0, *cur)),
            })
            .collect();
        totals(&ins, &ship, &rates(), to).unwrap()
    }

    fn bf5() -> Terms {
        Terms {
            off: Off::Amount(Money::new(500, Currency::Eur)),
            min_spend: Money::new(5_000, Currency::Eur),
            merchant: None,
        }
    }

    #[test]
    fn five_euros_off_from_fifty_euros_exactly() {
        let at_min = cart(&[(1, 5_000, Currency::Eur)], Currency::Eur);
        let t = with_coupon(at_min, &bf5(), &rates()).unwrap().unwrap();
        assert_eq!((t.coupon.minor, t.total.minor), (500, 4_500));
        assert_eq!(t.groups[0].coupon_merchant.minor, 500);
        assert_eq!(t.groups[0].total_merchant.minor, 4_500);
        let below = cart(&[(1, 4_999, Currency::Eur)], Currency::Eur);
        assert_eq!(
            with_coupon(below, &bf5(), &rates()).unwrap(),
            Err(Refusal::BelowMinimum(Money::new(5_000, Currency::Eur)))
        );
    }

    #[test]
    fn an_amount_in_euros_is_converted_for_a_rouble_cart_and_never_exceeds_the_goods() {
        // 5 000 RUB of goods ≈ 50.76 EUR: the minimum is 4 925.00 RUB, the amount 492.50 RUB.
        let t = cart(&[(1, 500_000, Currency::Rub)], Currency::Rub);
        let t = with_coupon(t, &bf5(), &rates()).unwrap().unwrap();
        assert_eq!(t.coupon, Money::new(49_250, Currency::Rub));
        let small = Terms {
            min_spend: Money::new(0, Currency::Eur),
            ..bf5()
        };
        let t = cart(&[(1, 300, Currency::Eur)], Currency::Eur);
        let t = with_coupon(t, &small, &rates()).unwrap().unwrap();
        assert_eq!((t.coupon.minor, t.total.minor), (300, 0));
    }

    #[test]
    fn an_amount_is_split_over_shops_by_largest_remainder_and_adds_up() {
        // Three shops, 10.00 + 10.00 + 10.00 EUR; 5.00 EUR off: 1.67 + 1.67 + 1.66.
        let terms = Terms {
            min_spend: Money::new(0, Currency::Eur),
            ..bf5()
        };
        let t = cart(
            &[
                (1, 1_000, Currency::Eur),
                (2, 1_000, Currency::Eur),
                (3, 1_000, Currency::Eur),
            ],
            Currency::Eur,
        );
        let t = with_coupon(t, &terms, &rates()).unwrap().unwrap();
        let parts: Vec<i64> = t.groups.iter().map(|g| g.coupon.minor).collect();
        assert_eq!(parts, vec![167, 167, 166]);
        assert_eq!(t.coupon.minor, 500);
        assert_eq!(t.total.minor, 2_500);
        // A Turkish shop's part is converted to lira half up: 1.67 EUR × 36.25 = 60.5375 → 60.54 TRY.
        let t = cart(
            &[(1, 1_000, Currency::Eur), (2, 36_250, Currency::Try)],
            Currency::Eur,
        );
        let t = with_coupon(t, &terms, &rates()).unwrap().unwrap();
        assert_eq!(t.groups[1].coupon.minor, 250);
        assert_eq!(
            t.groups[1].coupon_merchant,
            Money::new(9_063, Currency::Try)
        );
    }

    #[test]
    fn a_shops_percent_code_applies_to_its_goods_only() {
        let terms = Terms {
            off: Off::Percent(10),
            min_spend: Money::new(0, Currency::Eur),
            merchant: Some(2),
        };
        let t = cart(
            &[(1, 1_000, Currency::Eur), (2, 36_255, Currency::Try)],
            Currency::Try,
        );
        let t = with_coupon(t, &terms, &rates()).unwrap().unwrap();
        assert_eq!(t.groups[0].coupon.minor, 0);
        // 362.55 TRY − 10 % = 326.295 → 326.30 to pay: 36.25 off.
        assert_eq!(t.groups[1].coupon, Money::new(3_625, Currency::Try));
        let other = cart(&[(1, 1_000, Currency::Eur)], Currency::Eur);
        assert_eq!(
            with_coupon(other, &terms, &rates()).unwrap(),
            Err(Refusal::WrongShop)
        );
    }
}
