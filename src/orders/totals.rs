//! The one totals function: from a cart snapshot (lines in merchants' currencies, shipping, rates, later
//! discounts) to every amount shown on the cart, the checkout review and the order. Pure and integer-only.
//!
//! Rounding rules (tested below):
//! 1. A discount is taken off the merchant's unit price in its own currency, rounding half up to the minor
//!    unit (what the merchant receives per unit).
//! 2. The unit price is converted to the shopper's currency once, half up (the same figure the product page
//!    shows); a line is that unit times the quantity, so `unit × qty = line` holds on every page.
//! 3. Shipping is converted half up. Subtotals and totals are sums of already rounded figures.
//!
//! Every multiplication and sum is checked: an amount that does not fit is an error, never a wrap.

use super::vat_totals::{self, Judgement, Vat, VatPart};
use crate::money::{Currency, Money, Rates, Rounding};

/// Largest quantity of one product in one cart line.
pub const MAX_QUANTITY: i32 = 999;

/// One cart line as the totals need it.
#[derive(Debug, Clone)]
pub struct LineIn {
    pub product_id: i64,
    pub variant_id: i64,
    pub merchant_id: i64,
    /// Unit price in the merchant's currency, before discount.
    pub unit: Money,
    pub quantity: i32,
    /// Whole percent off (0 when no promotion applies).
    pub discount_percent: i32,
    /// The campaign giving that discount.
    pub promo_id: Option<i64>,
    /// Its category takes the reduced VAT rate.
    pub reduced: bool,
}

/// A merchant's shipping to the shopper's country: `None` when it does not ship there.
#[derive(Debug, Clone)]
pub struct ShippingIn {
    pub merchant_id: i64,
    pub rate: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOut {
    pub product_id: i64,
    pub variant_id: i64,
    pub quantity: i32,
    /// The unit before any discount, in the merchant's currency (with the destination's VAT, as the unit).
    pub list_merchant: Money,
    /// Discounted unit and line in the merchant's currency.
    pub unit_merchant: Money,
    pub line_merchant: Money,
    /// The same in the shopper's currency.
    pub unit: Money,
    pub line: Money,
    pub discount_percent: i32,
    pub promo_id: Option<i64>,
    /// The VAT rate its price includes (0 where none is collected).
    pub rate_bp: i64,
    /// Its category takes the reduced VAT rate.
    pub reduced: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupOut {
    pub merchant_id: i64,
    pub lines: Vec<LineOut>,
    /// False when the merchant does not ship to the shopper's country: the group cannot be checked out.
    pub ships: bool,
    pub subtotal_merchant: Money,
    pub shipping_merchant: Money,
    pub total_merchant: Money,
    pub subtotal: Money,
    pub shipping: Money,
    pub total: Money,
    /// What a coupon code took off this shop's goods, in the shopper's currency and in the shop's (zero
    /// without one); `total` and `total_merchant` are net of it.
    pub coupon: Money,
    pub coupon_merchant: Money,
    /// How its consignment was judged for VAT (`None`: priced without VAT rules).
    pub judgement: Option<Judgement>,
    /// The VAT in it per rate, where the destination's VAT is collected.
    pub vat: Vec<VatPart>,
    /// The shipping charge in the shop's currency per VAT rate it bears (see [`vat_totals::ship`]).
    pub ship_rates: Vec<(i64, Money)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub currency: Currency,
    /// In order of first appearance in the cart.
    pub groups: Vec<GroupOut>,
    /// Sums over the groups that ship (what checkout would charge).
    pub subtotal: Money,
    pub shipping: Money,
    /// What a coupon code took off (zero without one).
    pub coupon: Money,
    pub total: Money,
    /// The VAT included in the total.
    pub vat: Money,
}

impl Totals {
    pub fn all_ship(&self) -> bool {
        self.groups.iter().all(|g| g.ships)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalsError {
    /// A currency without an exchange rate.
    MissingRate,
    /// An amount beyond what the integer types hold.
    Overflow,
    /// A quantity outside 1..=MAX_QUANTITY or a discount outside 0..=100.
    Invalid,
    /// Lines of one merchant in different currencies.
    MixedCurrency,
}

pub(super) fn add(a: Money, b: Money) -> Result<Money, TotalsError> {
    debug_assert_eq!(a.currency, b.currency);
    a.minor
        .checked_add(b.minor)
        .map(|m| Money::new(m, a.currency))
        .ok_or(TotalsError::Overflow)
}

fn times(m: Money, q: i32) -> Result<Money, TotalsError> {
    m.minor
        .checked_mul(i64::from(q))
        .map(|v| Money::new(v, m.currency))
        .ok_or(TotalsError::Overflow)
}

/// `unit × (100 − percent) / 100`, half up (see [`crate::money::percent_off`]).
pub fn discounted(unit: Money, percent: i32) -> Result<Money, TotalsError> {
    if !(0..=100).contains(&percent) {
        return Err(TotalsError::Invalid);
    }
    crate::money::percent_off(unit, percent).ok_or(TotalsError::Overflow)
}

pub(super) fn convert(rates: &Rates, m: Money, to: Currency) -> Result<Money, TotalsError> {
    if m.currency == to {
        return Ok(m);
    }
    if rates.get(m.currency).is_none() || rates.get(to).is_none() {
        return Err(TotalsError::MissingRate);
    }
    rates
        .convert(m, to, Rounding::HalfUp)
        .ok_or(TotalsError::Overflow)
}

/// Totals of a cart in the shopper's currency `to`, prices as the shops set them.
pub fn totals(
    lines: &[LineIn],
    shipping: &[ShippingIn],
    rates: &Rates,
    to: Currency,
) -> Result<Totals, TotalsError> {
    taxed(lines, shipping, None, rates, to)
}

/// Totals of a cart in the shopper's currency `to`, with each shop's consignment judged for VAT at `vat`'s
/// destination (see [`vat_totals`]).
pub fn taxed(
    lines: &[LineIn],
    shipping: &[ShippingIn],
    vat: Option<Vat<'_>>,
    rates: &Rates,
    to: Currency,
) -> Result<Totals, TotalsError> {
    let zero = Money::new(0, to);
    let judgements = match vat {
        Some(v) => vat_totals::judge(lines, v, rates)?,
        None => Vec::new(),
    };
    let judgement = |m: i64| judgements.iter().find(|j| j.merchant_id == m);
    let mut groups: Vec<GroupOut> = Vec::new();
    for l in lines {
        if !(1..=MAX_QUANTITY).contains(&l.quantity) {
            return Err(TotalsError::Invalid);
        }
        let (unit_merchant, rate_bp) = vat_totals::adjust(
            discounted(l.unit, l.discount_percent)?,
            judgement(l.merchant_id),
            l.reduced,
        )?;
        let list_merchant = vat_totals::adjust(l.unit, judgement(l.merchant_id), l.reduced)?.0;
        let line_merchant = times(unit_merchant, l.quantity)?;
        let unit = convert(rates, unit_merchant, to)?;
        let line = times(unit, l.quantity)?;
        let out = LineOut {
            product_id: l.product_id,
            variant_id: l.variant_id,
            quantity: l.quantity,
            list_merchant,
            unit_merchant,
            line_merchant,
            unit,
            line,
            discount_percent: l.discount_percent,
            promo_id: l.promo_id,
            rate_bp,
            reduced: l.reduced,
        };
        match groups.iter_mut().find(|g| g.merchant_id == l.merchant_id) {
            Some(g) => {
                if g.subtotal_merchant.currency != l.unit.currency {
                    return Err(TotalsError::MixedCurrency);
                }
                g.subtotal_merchant = add(g.subtotal_merchant, line_merchant)?;
                g.subtotal = add(g.subtotal, line)?;
                g.lines.push(out);
            }
            None => groups.push(GroupOut {
                merchant_id: l.merchant_id,
                lines: vec![out],
                ships: false,
                subtotal_merchant: line_merchant,
                shipping_merchant: Money::new(0, l.unit.currency),
                total_merchant: line_merchant,
                subtotal: line,
                shipping: zero,
                total: line,
                coupon: zero,
                coupon_merchant: Money::new(0, l.unit.currency),
                judgement: judgement(l.merchant_id).copied(),
                vat: Vec::new(),
                ship_rates: Vec::new(),
            }),
        }
    }
    let (mut subtotal, mut ship_sum, mut total) = (zero, zero, zero);
    for g in &mut groups {
        let rate = shipping
            .iter()
            .find(|s| s.merchant_id == g.merchant_id)
            .and_then(|s| s.rate);
        g.ships = rate.is_some();
        if let Some(r) = rate {
            let (r, parts) = vat_totals::ship(r, g.judgement.as_ref(), &g.lines)?;
            g.ship_rates = parts;
            g.shipping_merchant = r;
            g.shipping = convert(rates, r, to)?;
        }
        g.total_merchant = add(g.subtotal_merchant, g.shipping_merchant)?;
        g.total = add(g.subtotal, g.shipping)?;
        if g.ships {
            subtotal = add(subtotal, g.subtotal)?;
            ship_sum = add(ship_sum, g.shipping)?;
            total = add(total, g.total)?;
        }
    }
    let mut t = Totals {
        currency: to,
        groups,
        subtotal,
        shipping: ship_sum,
        coupon: zero,
        total,
        vat: zero,
    };
    vat_totals::settle(&mut t)?;
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates() -> Rates {
        let mut r = Rates::new();
        r.set(Currency::Rub, 98_500_000); // 98.5 RUB per EUR
        r.set(Currency::Try, 36_250_000); // 36.25 TRY per EUR
        r.set(Currency::Usd, 1_080_000);
        r
    }

    fn line(product: i64, merchant: i64, minor: i64, cur: Currency, q: i32) -> LineIn {
        LineIn {
            product_id: product,
            variant_id: product,
            merchant_id: merchant,
            unit: Money::new(minor, cur),
            quantity: q,
            discount_percent: 0,
            promo_id: None,
            reduced: false,
        }
    }

    #[test]
    fn italian_and_turkish_shops_paid_in_roubles() {
        let lines = vec![
            line(1, 10, 12_990, Currency::Eur, 2), // 129.90 EUR
            line(2, 20, 45_000, Currency::Try, 1), // 450.00 TRY
            line(3, 10, 500, Currency::Eur, 3),    // 5.00 EUR
        ];
        let ship = vec![
            ShippingIn {
                merchant_id: 10,
                rate: Some(Money::new(1_250, Currency::Eur)),
            },
            ShippingIn {
                merchant_id: 20,
                rate: Some(Money::new(15_000, Currency::Try)),
            },
        ];
        let t = totals(&lines, &ship, &rates(), Currency::Rub).unwrap();
        assert_eq!(t.groups.len(), 2);
        let it = &t.groups[0];
        // 129.90 EUR × 98.5 = 12 795.15 RUB; ×2 = 25 590.30
        assert_eq!(it.lines[0].unit.minor, 1_279_515);
        assert_eq!(it.lines[0].line.minor, 2_559_030);
        // 5 EUR = 492.50 RUB, ×3 = 1 477.50
        assert_eq!(it.lines[1].line.minor, 147_750);
        assert_eq!(it.subtotal_merchant, Money::new(27_480, Currency::Eur));
        assert_eq!(it.shipping.minor, 123_125); // 12.50 EUR
        assert_eq!(it.total_merchant, Money::new(28_730, Currency::Eur));
        let tr = &t.groups[1];
        // 450 TRY / 36.25 × 98.5 = 1 222.758… → 1 222.76 RUB
        assert_eq!(tr.lines[0].unit.minor, 122_276);
        // 150 TRY → 407.586… → 407.59
        assert_eq!(tr.shipping.minor, 40_759);
        assert_eq!(
            t.total.minor,
            2_559_030 + 147_750 + 123_125 + 122_276 + 40_759
        );
        assert!(t.all_ship());
    }

    #[test]
    fn half_a_minor_unit_rounds_up_and_discounts_round_in_the_merchant_currency() {
        // 0.01 EUR → USD at 1.08 = 0.0108 → 0.01; 0.05 → 0.054 → 0.05; a rate making exactly .5 rounds up.
        let mut r = Rates::new();
        r.set(Currency::Usd, 1_500_000);
        let t = totals(&[line(1, 1, 1, Currency::Eur, 1)], &[], &r, Currency::Usd).unwrap();
        assert_eq!(t.groups[0].lines[0].unit.minor, 2, "0.015 → 0.02");
        // 15% off 9.99 = 8.4915 → 8.49; 15% off 0.10 = 0.085 → 0.09 (half up)
        assert_eq!(
            discounted(Money::new(999, Currency::Eur), 15)
                .unwrap()
                .minor,
            849
        );
        assert_eq!(
            discounted(Money::new(10, Currency::Eur), 15).unwrap().minor,
            9
        );
        assert_eq!(
            discounted(Money::new(10, Currency::Eur), 100)
                .unwrap()
                .minor,
            0
        );
        assert_eq!(
            discounted(Money::new(10, Currency::Eur), 101),
            Err(TotalsError::Invalid)
        );
    }

    #[test]
    fn discounts_round_half_up_in_each_currency() {
        // 17% off: RUB 1 299,99 → 1 078,99 (107 899.17 kopecks); TRY 4 800,00 → 3 984,00; EUR 0,03 → 0,02
        // (2.49 cents); 33% off EUR 0,15 → 0,10 (10.05 cents); 50% off EUR 0,01 → 0,01 (0.5 cent rounds up).
        for (minor, cur, pct, want) in [
            (129_999, Currency::Rub, 17, 107_899),
            (480_000, Currency::Try, 17, 398_400),
            (3, Currency::Eur, 17, 2),
            (15, Currency::Eur, 33, 10),
            (1, Currency::Eur, 50, 1),
            (99_999_999, Currency::Rub, 90, 10_000_000),
        ] {
            assert_eq!(
                discounted(Money::new(minor, cur), pct).unwrap(),
                Money::new(want, cur),
                "{minor} {cur:?} −{pct}%"
            );
        }
    }

    #[test]
    fn unshipped_groups_are_listed_but_not_charged() {
        let t = totals(
            &[
                line(1, 1, 1_000, Currency::Eur, 1),
                line(2, 2, 2_000, Currency::Eur, 1),
            ],
            &[
                ShippingIn {
                    merchant_id: 1,
                    rate: Some(Money::new(300, Currency::Eur)),
                },
                ShippingIn {
                    merchant_id: 2,
                    rate: None,
                },
            ],
            &rates(),
            Currency::Eur,
        )
        .unwrap();
        assert!(!t.all_ship());
        assert!(!t.groups[1].ships);
        assert_eq!(t.total.minor, 1_300);
    }

    #[test]
    fn large_quantities_are_exact_and_overflow_is_refused() {
        let t = totals(
            &[line(1, 1, 9_999_999_999, Currency::Rub, MAX_QUANTITY)],
            &[],
            &rates(),
            Currency::Rub,
        )
        .unwrap();
        assert_eq!(t.groups[0].subtotal.minor, 9_999_999_999 * 999);
        assert_eq!(
            totals(
                &[line(1, 1, i64::MAX / 2, Currency::Rub, 3)],
                &[],
                &rates(),
                Currency::Rub
            ),
            Err(TotalsError::Overflow)
        );
        assert_eq!(
            totals(
                &[line(1, 1, 100, Currency::Rub, MAX_QUANTITY + 1)],
                &[],
                &rates(),
                Currency::Rub
            ),
            Err(TotalsError::Invalid)
        );
        assert_eq!(
            totals(
                &[line(1, 1, 100, Currency::Kzt, 1)],
                &[],
                &rates(),
                Currency::Rub
            ),
            Err(TotalsError::MissingRate)
        );
    }
}
