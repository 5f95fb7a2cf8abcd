//! VAT in the totals: each shop's consignment judged for the destination (see [`crate::tax`]), its prices turned
//! into the prices shown there, and the VAT in each shop order per rate. Pure and integer-only, like the totals.
//!
//! Rules (tested below):
//! 1. A consignment is judged on its goods net of VAT after campaign discounts, before a coupon code (the code
//!    is known only later; judging before it can only show the duties notice where a code would have brought
//!    the parcel under the threshold, never collect VAT that is not due).
//! 2. Each unit price is turned into the destination's price in the shop's currency (`tax::rules::shown_price`,
//!    half up), then converted as any price is. The shipping charge is split over the parcel's goods by VAT
//!    class in proportion to their value and each part priced as those goods are ([`ship`]): delivery bears the
//!    rates of what it delivers (a parcel of food ships at the food rate).
//! 3. The VAT of a shop order is taken per rate on the gross amounts (goods less their share of the coupon,
//!    by largest remainder, plus their share of the shipping), half up, in the shopper's currency and in the
//!    shop's.

use super::coupon_totals::largest_remainder;
use super::totals::{add, GroupOut, LineIn, Totals, TotalsError};
use crate::geo::CountryCode;
use crate::money::{Money, Rates};
use crate::tax::book::{Judged, TaxBook};
use crate::tax::rules::{net_price, shown_price, vat_in, Seller, TaxError, Treatment};

/// What VAT pricing needs: the rules and shops, and where the goods go.
#[derive(Clone, Copy)]
pub struct Vat<'a> {
    pub book: &'a TaxBook,
    pub to: CountryCode,
}

/// The VAT at one rate in a shop order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatPart {
    pub rate_bp: i64,
    /// The amounts at this rate, VAT included, and the VAT in them: in the shopper's currency and the shop's.
    pub gross: Money,
    pub vat: Money,
    pub gross_merchant: Money,
    pub vat_merchant: Money,
}

/// A shop as judged: how its prices are read, and how its consignment is taxed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    pub merchant_id: i64,
    pub seller: Seller,
    pub judged: Judged,
}

fn from_tax(e: TaxError) -> TotalsError {
    match e {
        TaxError::Currency => TotalsError::MissingRate,
        TaxError::Invalid => TotalsError::Overflow,
    }
}

/// Judges each shop's consignment (shops the book does not know are priced as they are).
pub fn judge(lines: &[LineIn], vat: Vat<'_>, rates: &Rates) -> Result<Vec<Judgement>, TotalsError> {
    let mut nets: Vec<(i64, Seller, Money)> = Vec::new();
    for l in lines {
        let Some(seller) = vat.book.seller(l.merchant_id) else {
            continue;
        };
        let unit = super::totals::discounted(l.unit, l.discount_percent)?;
        let net = net_price(unit, &seller, l.reduced).map_err(from_tax)?;
        let line = net
            .minor
            .checked_mul(i64::from(l.quantity))
            .map(|m| Money::new(m, net.currency))
            .ok_or(TotalsError::Overflow)?;
        match nets.iter_mut().find(|(m, ..)| *m == l.merchant_id) {
            Some((_, _, sum)) if sum.currency == line.currency => *sum = add(*sum, line)?,
            Some(_) => return Err(TotalsError::MixedCurrency),
            None => nets.push((l.merchant_id, seller, line)),
        }
    }
    nets.into_iter()
        .map(|(merchant_id, seller, net)| {
            let judged = vat
                .book
                .judge(&seller, vat.to, net, rates)
                .map_err(from_tax)?;
            Ok(Judgement {
                merchant_id,
                seller,
                judged,
            })
        })
        .collect()
}

/// A shop's `price` (a unit, or its shipping charge) as shown at the destination, and the VAT rate in it (0
/// where none is collected). Without a judgement the price is as the shop set it.
pub fn adjust(
    price: Money,
    judgement: Option<&Judgement>,
    reduced: bool,
) -> Result<(Money, i64), TotalsError> {
    let Some(j) = judgement else {
        return Ok((price, 0));
    };
    let treatment = j.judged.treatment(reduced);
    let shown = shown_price(price, &j.seller, reduced, treatment).map_err(from_tax)?;
    let rate = match treatment {
        Treatment::Collect { rate_bp } => rate_bp,
        Treatment::DutiesOnDelivery => 0,
    };
    Ok((shown, rate))
}

/// Computes each collecting shop order's VAT parts and the cart's VAT (of the shops that ship); again after a
/// coupon code changed the totals.
pub fn settle(t: &mut Totals) -> Result<(), TotalsError> {
    let mut sum = Money::new(0, t.currency);
    for g in &mut t.groups {
        g.vat = parts(g)?;
        if g.ships {
            for p in &g.vat {
                sum = add(sum, p.vat)?;
            }
        }
    }
    t.vat = sum;
    Ok(())
}

/// A shop's shipping charge as shown at the destination, and the VAT rate of each part of it: the charge is split
/// over the parcel's goods by VAT class (standard, reduced) in proportion to their value (largest remainder),
/// each part priced as goods of that class are, so delivery bears the rates of what it delivers. Without a
/// judgement the charge is as the shop set it.
pub fn ship(
    charge: Money,
    judgement: Option<&Judgement>,
    lines: &[super::totals::LineOut],
) -> Result<(Money, Vec<(i64, Money)>), TotalsError> {
    let Some(j) = judgement else {
        return Ok((charge, Vec::new()));
    };
    let mut classes: Vec<(bool, i64)> = Vec::new();
    for l in lines {
        match classes.iter_mut().find(|c| c.0 == l.reduced) {
            Some(c) => {
                c.1 =
                    c.1.checked_add(l.line_merchant.minor)
                        .ok_or(TotalsError::Overflow)?
            }
            None => classes.push((l.reduced, l.line_merchant.minor)),
        }
    }
    let mut weights: Vec<i64> = classes.iter().map(|c| c.1.max(0)).collect();
    if weights.iter().all(|w| *w == 0) {
        if let Some(first) = weights.first_mut() {
            *first = 1;
        }
    }
    let shares = largest_remainder(charge.minor, &weights).ok_or(TotalsError::Overflow)?;
    let mut total = Money::new(0, charge.currency);
    let mut parts: Vec<(i64, Money)> = Vec::new();
    for ((reduced, _), share) in classes.iter().zip(shares) {
        let (shown, rate) = adjust(Money::new(share, charge.currency), Some(j), *reduced)?;
        total = add(total, shown)?;
        match parts.iter_mut().find(|p| p.0 == rate) {
            Some(p) => p.1 = add(p.1, shown)?,
            None => parts.push((rate, shown)),
        }
    }
    Ok((total, parts))
}

fn parts(g: &GroupOut) -> Result<Vec<VatPart>, TotalsError> {
    if !g.judgement.is_some_and(|j| j.judged.collect) {
        return Ok(Vec::new());
    }
    let mut rates: Vec<i64> = Vec::new();
    for r in g
        .lines
        .iter()
        .map(|l| l.rate_bp)
        .chain(g.ship_rates.iter().map(|p| p.0))
    {
        if !rates.contains(&r) {
            rates.push(r);
        }
    }
    let sum_at = |r: i64, pick: fn(&super::totals::LineOut) -> Money| {
        g.lines
            .iter()
            .filter(|l| l.rate_bp == r)
            .try_fold(0i64, |s, l| s.checked_add(pick(l).minor))
            .ok_or(TotalsError::Overflow)
    };
    let (mut shopper, mut merchant, mut ship_merchant) = (Vec::new(), Vec::new(), Vec::new());
    for r in &rates {
        shopper.push(sum_at(*r, |l| l.line)?);
        merchant.push(sum_at(*r, |l| l.line_merchant)?);
        ship_merchant.push(
            g.ship_rates
                .iter()
                .filter(|p| p.0 == *r)
                .map(|p| p.1.minor)
                .sum::<i64>(),
        );
    }
    // What the coupon took off, per rate in proportion to the goods; the shipping converted to the shopper's
    // currency once, split as it was in the shop's.
    let off = largest_remainder(g.coupon.minor, &shopper).ok_or(TotalsError::Overflow)?;
    let off_merchant =
        largest_remainder(g.coupon_merchant.minor, &merchant).ok_or(TotalsError::Overflow)?;
    let ship_shopper = if g.shipping.minor > 0 && ship_merchant.iter().any(|m| *m > 0) {
        largest_remainder(g.shipping.minor, &ship_merchant).ok_or(TotalsError::Overflow)?
    } else {
        vec![0; rates.len()]
    };
    let gross = |goods: i64, off: i64, ship: i64, cur| -> Result<Money, TotalsError> {
        goods
            .checked_sub(off)
            .and_then(|m| m.checked_add(ship))
            .map(|m| Money::new(m, cur))
            .ok_or(TotalsError::Overflow)
    };
    let mut out = Vec::new();
    for (i, r) in rates.iter().enumerate() {
        let at = |v: &[i64]| v.get(i).copied().unwrap_or(0);
        let gross_shopper = gross(at(&shopper), at(&off), at(&ship_shopper), g.total.currency)?;
        let gross_merchant = gross(
            at(&merchant),
            at(&off_merchant),
            at(&ship_merchant),
            g.total_merchant.currency,
        )?;
        out.push(VatPart {
            rate_bp: *r,
            vat: vat_in(gross_shopper, *r).map_err(from_tax)?,
            vat_merchant: vat_in(gross_merchant, *r).map_err(from_tax)?,
            gross: gross_shopper,
            gross_merchant,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use crate::orders::totals::{taxed, ShippingIn};
    use crate::tax::book::Remitter;
    use crate::tax::rules::{ioss_threshold, uk_threshold, Rule, Scheme};

    fn cc(s: &str) -> CountryCode {
        CountryCode::parse(s).expect("code")
    }

    fn book() -> TaxBook {
        let eu = |c: &str, std, red| Rule {
            country: cc(c),
            scheme: Scheme::Eu,
            standard_bp: std,
            reduced_bp: Some(red),
            threshold: Some(ioss_threshold()),
        };
        TaxBook::new(
            [
                eu("DE", 1900, 700),
                eu("IT", 2200, 400),
                eu("ES", 2100, 1000),
                Rule {
                    country: cc("TR"),
                    scheme: Scheme::None,
                    standard_bp: 2000,
                    reduced_bp: Some(1000),
                    threshold: None,
                },
                Rule {
                    country: cc("GB"),
                    scheme: Scheme::LowValue,
                    standard_bp: 2000,
                    reduced_bp: Some(0),
                    threshold: Some(uk_threshold()),
                },
            ],
            [
                (1, cc("TR"), false),
                (2, cc("IT"), true),
                (3, cc("TR"), false),
            ],
        )
    }

    fn rates() -> Rates {
        let mut r = Rates::new();
        r.set(Currency::Try, 36_250_000);
        r.set(Currency::Gbp, 850_000);
        r
    }

    fn line(merchant: i64, minor: i64, cur: Currency, reduced: bool) -> LineIn {
        LineIn {
            product_id: merchant * 10,
            variant_id: merchant * 10 + i64::from(reduced),
            merchant_id: merchant,
            unit: Money::new(minor, cur),
            quantity: 1,
            discount_percent: 0,
            promo_id: None,
            reduced,
        }
    }

    fn ship(merchant: i64, minor: i64, cur: Currency) -> ShippingIn {
        ShippingIn {
            merchant_id: merchant,
            rate: Some(Money::new(minor, cur)),
        }
    }

    fn priced(lines: &[LineIn], shipping: &[ShippingIn], to: &str) -> Totals {
        let b = book();
        let vat = Vat {
            book: &b,
            to: cc(to),
        };
        taxed(lines, shipping, Some(vat), &rates(), Currency::Eur).expect("totals")
    }

    #[test]
    fn a_turkish_bag_in_germany_bears_german_vat_up_to_150_euros_each_shop_judged_alone() {
        let bag = line(1, 6_000, Currency::Eur, false);
        let t = priced(&[bag], &[ship(1, 1_000, Currency::Eur)], "DE");
        let g = &t.groups[0];
        assert_eq!(g.lines[0].unit.minor, 7_140, "€60 net + 19%");
        assert_eq!(g.shipping.minor, 1_190, "shipping + 19%");
        assert_eq!(g.vat.len(), 1);
        assert_eq!((g.vat[0].rate_bp, g.vat[0].vat.minor), (1900, 1_330));
        assert_eq!(t.vat.minor, 1_330);
        assert_eq!(
            g.judgement.map(|j| j.judged.remitter),
            Some(Remitter::Platform)
        );
        // €150.00 exactly is collected, €150.01 is not (sold net, duties notice); a second shop's €100 in the
        // same cart is judged on its own.
        let t = priced(
            &[
                line(1, 15_000, Currency::Eur, false),
                line(3, 10_000, Currency::Eur, false),
            ],
            &[],
            "DE",
        );
        assert!(t
            .groups
            .iter()
            .all(|g| g.judgement.is_some_and(|j| j.judged.collect)));
        assert_eq!(t.groups[0].lines[0].unit.minor, 17_850);
        let t = priced(
            &[
                line(1, 15_001, Currency::Eur, false),
                line(3, 10_000, Currency::Eur, false),
            ],
            &[ship(1, 1_000, Currency::Eur), ship(3, 0, Currency::Eur)],
            "DE",
        );
        let over = &t.groups[0];
        assert!(over.judgement.is_some_and(|j| !j.judged.collect));
        assert_eq!(
            (over.lines[0].unit.minor, over.shipping.minor),
            (15_001, 1_000)
        );
        assert!(over.vat.is_empty());
        assert_eq!(t.groups[1].vat[0].vat.minor, 1_900);
        assert_eq!(t.vat.minor, 1_900);
    }

    #[test]
    fn an_italian_shop_charges_spanish_vat_and_a_parcel_with_food_has_two_rates() {
        // €122 with 22% included → €121 with 21%; coffee €10.40 with 4% → €11.00 with 10%. The €6.10 shipping
        // splits 5.59 / 0.51 by their value, priced at each rate: 5.54 + 0.54.
        let t = priced(
            &[
                line(2, 12_200, Currency::Eur, false),
                line(2, 1_040, Currency::Eur, true),
            ],
            &[ship(2, 610, Currency::Eur)],
            "ES",
        );
        let g = &t.groups[0];
        assert_eq!(
            (g.lines[0].unit.minor, g.lines[1].unit.minor),
            (12_100, 1_100)
        );
        assert_eq!(g.shipping.minor, 608);
        assert_eq!(g.vat[0].rate_bp, 2100);
        assert_eq!(g.vat[0].gross.minor, 12_654);
        assert_eq!(g.vat[0].vat.minor, 2_196); // 126.54 − 104.58
        assert_eq!((g.vat[1].rate_bp, g.vat[1].vat.minor), (1000, 105)); // 11.54 − 10.49
        assert_eq!(
            g.judgement.map(|j| j.judged.remitter),
            Some(crate::tax::book::Remitter::Shop)
        );
    }

    #[test]
    fn the_uk_collects_under_135_pounds_in_a_lira_shop_and_a_coupon_lowers_the_vat() {
        // ₺4 000 net = €110.34 = £93.79: UK VAT collected.
        let t = priced(&[line(1, 400_000, Currency::Try, false)], &[], "GB");
        let g = &t.groups[0];
        assert_eq!(g.lines[0].unit_merchant.minor, 480_000);
        assert_eq!(g.vat[0].vat_merchant.minor, 80_000);
        let mut t = t;
        t.groups[0].coupon = Money::new(1_000, Currency::Eur);
        t.groups[0].coupon_merchant = Money::new(36_250, Currency::Try);
        settle(&mut t).expect("settled");
        assert_eq!(t.groups[0].vat[0].vat_merchant.minor, 80_000 - 6_042);
        // ₺5 000 net = £117.24 is still under; ₺5 000 to Chile (no rule) is net with duties.
        let t = priced(&[line(1, 500_000, Currency::Try, false)], &[], "CL");
        assert!(t.groups[0].judgement.is_some_and(|j| !j.judged.collect));
        assert_eq!(t.vat.minor, 0);
        // Food to the UK is zero-rated, and so is its delivery: no VAT at all in a parcel of food.
        let t = priced(
            &[line(1, 100_000, Currency::Try, true)],
            &[ship(1, 20_000, Currency::Try)],
            "GB",
        );
        let g = &t.groups[0];
        assert_eq!(
            (g.lines[0].unit_merchant.minor, g.shipping_merchant.minor),
            (100_000, 20_000)
        );
        assert_eq!(
            (g.vat.len(), g.vat[0].rate_bp, g.vat[0].vat.minor),
            (1, 0, 0)
        );
        // Shops the book does not know are priced as they are.
        let t = priced(&[line(9, 500, Currency::Eur, false)], &[], "DE");
        assert!(t.groups[0].judgement.is_none());
        assert_eq!(t.groups[0].lines[0].unit.minor, 500);
    }
}
