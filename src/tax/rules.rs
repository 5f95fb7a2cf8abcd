//! Which VAT a consignment (one shop's part of an order) bears at its destination, and the one rule that turns a
//! shop's price into the price a shopper there sees. Pure and integer-only; every division rounds half up
//! (half away from zero) to the minor unit, once.
//!
//! **Schemes** (what the destination's rule says):
//! - `Eu`: a member state. Goods from another member state pay the destination's VAT on every consignment (the
//!   one-stop shop, OSS, for distance sales); goods from outside the EU pay it at checkout when the
//!   consignment's intrinsic value is at most the threshold (€150, the import one-stop shop, IOSS), and above it
//!   are sold without VAT, the buyer owing import VAT and duties on delivery.
//! - `LowValue`: a country where the seller collects its VAT up to a threshold (the UK: £135), the buyer owing
//!   import taxes above it.
//! - `None`: no collection by the seller; import taxes and duties may be due on delivery.
//!
//! A sale within one country (an Italian shop to a shopper in Italy) always bears that country's VAT.
//!
//! **Prices** (one rule): a shop states whether its prices include its home VAT (EU shops usually do) or are
//! net. `h` is the home rate the price includes: the shop's reduced rate for a category that qualifies, its
//! standard rate otherwise, 0 for net prices. The price shown where destination VAT `d` is collected is
//! `price × (1 + d) / (1 + h)`; where it is not, the net `price / (1 + h)`. Rates are basis points (19% = 1900).
//! The VAT in a gross amount `g` at rate `d` is `g − g / (1 + d)`, taken on each shop's consignment per rate
//! (a parcel with a book and a bag has two VAT amounts). The threshold is judged on the consignment's intrinsic
//! value: its goods, net of VAT, without shipping.
//!
//! The delivery charge bears the rates of the goods it delivers (see `orders::vat_totals::ship`).
//!
//! Not modelled yet: the EU's flat customs duty on low-value
//! parcels from 1 July 2026 (so `Collect` means VAT paid at checkout, not "nothing due on delivery"); the EU's
//! €10,000 threshold below which a small EU seller may charge its home VAT; territories outside a country's
//! VAT area (the Canary Islands, Northern Ireland's goods rules); sellers not registered for VAT.

use crate::geo::CountryCode;
use crate::money::{Currency, Money, Rounding};

/// 100% in basis points.
pub const WHOLE: i64 = 10_000;

/// The member states of the European Union (ISO 3166-1 alpha-2).
pub const EU: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

pub fn in_eu(c: CountryCode) -> bool {
    EU.contains(&c.as_str())
}

/// How a destination taxes goods sold to its consumers from abroad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Eu,
    LowValue,
    None,
}

/// A destination's rule at some instant: its VAT rates, scheme and threshold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub country: CountryCode,
    pub scheme: Scheme,
    /// Standard VAT rate, basis points.
    pub standard_bp: i64,
    /// Reduced rate for categories that qualify (books, food), basis points; none when the country has none.
    pub reduced_bp: Option<i64>,
    /// Largest consignment value (intrinsic, net of VAT) the seller collects VAT on: €150 under IOSS, £135 in
    /// the UK. None: no threshold (intra-EU sales, or no scheme).
    pub threshold: Option<Money>,
}

/// What a consignment bears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Treatment {
    /// The destination's VAT at this rate is in the prices and collected at checkout.
    Collect { rate_bp: i64 },
    /// Sold net of VAT: the buyer may owe import VAT and duties on delivery.
    DutiesOnDelivery,
}

/// The shop side of a consignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seller {
    pub home: CountryCode,
    /// The shop's home VAT rate, basis points.
    pub home_bp: i64,
    /// Its home reduced rate, for categories that qualify (none: the standard rate).
    pub home_reduced_bp: Option<i64>,
    /// Whether the shop's prices include its home VAT.
    pub prices_include_vat: bool,
}

impl Seller {
    /// The rate the shop's price of a product includes (0 for net prices).
    fn included_bp(&self, reduced: bool) -> i64 {
        match (self.prices_include_vat, reduced, self.home_reduced_bp) {
            (false, _, _) => 0,
            (true, true, Some(r)) => r,
            (true, _, _) => self.home_bp,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaxError {
    /// The consignment value and the threshold are in different currencies (convert first).
    Currency,
    /// A rate outside 0..=100%, an amount beyond the integer types, or a scheme that needs a threshold without
    /// one.
    Invalid,
}

/// `num / den` rounded half away from zero, as money is (`den` is always 100% plus a checked rate).
fn divide_half_up(num: i128, den: i128) -> Result<i64, TaxError> {
    if den <= 0 {
        return Err(TaxError::Invalid);
    }
    i64::try_from(crate::money::divide(num, den, Rounding::HalfUp)).map_err(|_| TaxError::Invalid)
}

fn check_rate(bp: i64) -> Result<i64, TaxError> {
    (0..=WHOLE)
        .contains(&bp)
        .then_some(bp)
        .ok_or(TaxError::Invalid)
}

/// The rate of a consignment: the reduced rate when its category qualifies and the country has one.
pub fn rate_of(rule: &Rule, reduced: bool) -> i64 {
    match (reduced, rule.reduced_bp) {
        (true, Some(r)) => r,
        _ => rule.standard_bp,
    }
}

/// How a consignment from `seller` to `rule`'s country is taxed, given its intrinsic value (goods net of VAT,
/// without shipping) in the threshold's currency. An `Eu` or `LowValue` rule without a threshold is refused
/// where it would be needed: collecting on any value is never right.
pub fn judge(
    rule: &Rule,
    seller: &Seller,
    value: Money,
    reduced: bool,
) -> Result<Treatment, TaxError> {
    let collect = Treatment::Collect {
        rate_bp: check_rate(rate_of(rule, reduced))?,
    };
    if seller.home == rule.country {
        return Ok(collect);
    }
    let within = || -> Result<bool, TaxError> {
        match &rule.threshold {
            Some(t) if t.currency == value.currency => Ok(value.minor <= t.minor),
            Some(_) => Err(TaxError::Currency),
            None => Err(TaxError::Invalid),
        }
    };
    Ok(match rule.scheme {
        Scheme::Eu if in_eu(seller.home) => collect,
        Scheme::Eu | Scheme::LowValue if within()? => collect,
        _ => Treatment::DutiesOnDelivery,
    })
}

/// The price a shopper sees for a shop's `price` of a product (`reduced`: its category has the reduced rate)
/// under `treatment` (see the module's rule).
pub fn shown_price(
    price: Money,
    seller: &Seller,
    reduced: bool,
    treatment: Treatment,
) -> Result<Money, TaxError> {
    let home = WHOLE + check_rate(seller.included_bp(reduced))?;
    let dest = match treatment {
        Treatment::Collect { rate_bp } => WHOLE + check_rate(rate_bp)?,
        Treatment::DutiesOnDelivery => WHOLE,
    };
    let minor = divide_half_up(i128::from(price.minor) * i128::from(dest), i128::from(home))?;
    Ok(Money::new(minor, price.currency))
}

/// A shop's price net of the VAT it includes (the intrinsic value of goods, for the threshold).
pub fn net_price(price: Money, seller: &Seller, reduced: bool) -> Result<Money, TaxError> {
    shown_price(price, seller, reduced, Treatment::DutiesOnDelivery)
}

/// The VAT included in gross amount `gross` at `rate_bp`.
pub fn vat_in(gross: Money, rate_bp: i64) -> Result<Money, TaxError> {
    let den = i128::from(WHOLE + check_rate(rate_bp)?);
    let net = divide_half_up(i128::from(gross.minor) * i128::from(WHOLE), den)?;
    let vat = gross.minor.checked_sub(net).ok_or(TaxError::Invalid)?;
    Ok(Money::new(vat, gross.currency))
}

/// The EU import threshold (IOSS): €150.
pub fn ioss_threshold() -> Money {
    Money::new(15000, Currency::Eur)
}

/// The UK low-value threshold: £135.
pub fn uk_threshold() -> Money {
    Money::new(13500, Currency::Gbp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cc(s: &str) -> CountryCode {
        CountryCode::parse(s).expect("code")
    }

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::Eur)
    }

    fn germany() -> Rule {
        Rule {
            country: cc("DE"),
            scheme: Scheme::Eu,
            standard_bp: 1900,
            reduced_bp: Some(700),
            threshold: Some(ioss_threshold()),
        }
    }

    const TURKISH_SHOP: Seller = Seller {
        home: CountryCode::TR,
        home_bp: 2000,
        home_reduced_bp: Some(1000),
        prices_include_vat: false,
    };
    const ITALIAN_SHOP: Seller = Seller {
        home: CountryCode::IT,
        home_bp: 2200,
        home_reduced_bp: Some(400),
        prices_include_vat: true,
    };

    #[test]
    fn goods_from_outside_the_eu_bear_destination_vat_up_to_150_euros() {
        let de = germany();
        let bag = eur(6000);
        let t = judge(&de, &TURKISH_SHOP, bag, false).expect("judged");
        assert_eq!(t, Treatment::Collect { rate_bp: 1900 });
        assert_eq!(shown_price(bag, &TURKISH_SHOP, false, t), Ok(eur(7140)));
        assert_eq!(vat_in(eur(7140), 1900), Ok(eur(1140)));
        // The threshold's edges: exactly €150.00 is within, one cent more is not.
        assert_eq!(
            judge(&de, &TURKISH_SHOP, eur(15000), false),
            Ok(Treatment::Collect { rate_bp: 1900 })
        );
        assert_eq!(
            judge(&de, &TURKISH_SHOP, eur(15001), false),
            Ok(Treatment::DutiesOnDelivery)
        );
        let t = judge(&de, &TURKISH_SHOP, eur(16000), false).expect("judged");
        assert_eq!(
            shown_price(eur(16000), &TURKISH_SHOP, false, t),
            Ok(eur(16000)),
            "net, duties on delivery"
        );
        // A category with a reduced rate.
        assert_eq!(
            judge(&de, &TURKISH_SHOP, bag, true),
            Ok(Treatment::Collect { rate_bp: 700 })
        );
        // The value must be in the threshold's currency.
        let lira = Money::new(200_000, Currency::Try);
        assert_eq!(
            judge(&de, &TURKISH_SHOP, lira, false),
            Err(TaxError::Currency)
        );
    }

    #[test]
    fn each_shops_consignment_is_judged_on_its_own() {
        let de = germany();
        // Two Turkish shops in one cart, €100 each: €200 together, but each consignment is within €150.
        let carts = [eur(10000), eur(10000)];
        for value in carts {
            assert_eq!(
                judge(&de, &TURKISH_SHOP, value, false),
                Ok(Treatment::Collect { rate_bp: 1900 })
            );
        }
    }

    #[test]
    fn within_the_eu_the_destination_vat_applies_whatever_the_value() {
        let es = Rule {
            country: cc("ES"),
            scheme: Scheme::Eu,
            standard_bp: 2100,
            reduced_bp: Some(1000),
            threshold: Some(ioss_threshold()),
        };
        // An Italian shop's €122 (22% Italian VAT included) is €100 net; a shopper in Spain pays 21%: €121.
        let t = judge(&es, &ITALIAN_SHOP, eur(10000), false).expect("judged");
        assert_eq!(t, Treatment::Collect { rate_bp: 2100 });
        assert_eq!(
            shown_price(eur(12200), &ITALIAN_SHOP, false, t),
            Ok(eur(12100))
        );
        assert_eq!(net_price(eur(12200), &ITALIAN_SHOP, false), Ok(eur(10000)));
        let big = judge(&es, &ITALIAN_SHOP, eur(500_000), false);
        assert_eq!(
            big,
            Ok(Treatment::Collect { rate_bp: 2100 }),
            "OSS has no threshold"
        );
        // At home the shop's own price stands.
        let it = Rule {
            country: cc("IT"),
            standard_bp: 2200,
            ..es
        };
        let t = judge(&it, &ITALIAN_SHOP, eur(10000), false).expect("judged");
        assert_eq!(
            shown_price(eur(12200), &ITALIAN_SHOP, false, t),
            Ok(eur(12200))
        );
    }

    #[test]
    fn the_uk_collects_up_to_135_pounds_and_elsewhere_duties_may_be_due() {
        let uk = Rule {
            country: cc("GB"),
            scheme: Scheme::LowValue,
            standard_bp: 2000,
            reduced_bp: None,
            threshold: Some(uk_threshold()),
        };
        let gbp = |m| Money::new(m, Currency::Gbp);
        assert_eq!(
            judge(&uk, &ITALIAN_SHOP, gbp(13500), false),
            Ok(Treatment::Collect { rate_bp: 2000 })
        );
        assert_eq!(
            judge(&uk, &ITALIAN_SHOP, gbp(13501), false),
            Ok(Treatment::DutiesOnDelivery)
        );
        assert_eq!(
            judge(&uk, &ITALIAN_SHOP, gbp(1000), true),
            Ok(Treatment::Collect { rate_bp: 2000 })
        );
        let chile = Rule {
            country: cc("CL"),
            scheme: Scheme::None,
            standard_bp: 1900,
            reduced_bp: None,
            threshold: None,
        };
        assert_eq!(
            judge(&chile, &ITALIAN_SHOP, eur(1000), false),
            Ok(Treatment::DutiesOnDelivery)
        );
        // Net of the Italian VAT the shop's price includes: €122 → €100.
        assert_eq!(
            shown_price(
                eur(12200),
                &ITALIAN_SHOP,
                false,
                Treatment::DutiesOnDelivery
            ),
            Ok(eur(10000))
        );
    }

    #[test]
    fn a_reduced_rate_category_is_netted_at_the_home_reduced_rate() {
        // An Italian book at €10.40 includes 4%: €10.00 net, €10.70 with Germany's 7%.
        let de = germany();
        let t = judge(&de, &ITALIAN_SHOP, eur(1000), true).expect("judged");
        assert_eq!(t, Treatment::Collect { rate_bp: 700 });
        assert_eq!(
            shown_price(eur(1040), &ITALIAN_SHOP, true, t),
            Ok(eur(1070))
        );
        assert_eq!(net_price(eur(1040), &ITALIAN_SHOP, true), Ok(eur(1000)));
    }

    #[test]
    fn a_collecting_scheme_without_a_threshold_is_refused_where_it_matters() {
        let no_threshold = Rule {
            threshold: None,
            ..germany()
        };
        let far = judge(&no_threshold, &TURKISH_SHOP, eur(1_000_000), false);
        assert_eq!(far, Err(TaxError::Invalid), "never collect on any value");
        // Within the EU no threshold is needed.
        let near = judge(&no_threshold, &ITALIAN_SHOP, eur(1_000_000), false);
        assert_eq!(near, Ok(Treatment::Collect { rate_bp: 1900 }));
    }

    #[test]
    fn rounding_is_half_up_once_and_bad_rates_are_refused() {
        // €9.99 net at 19%: 11.8881 → €11.89; VAT in €11.89 at 19%: 11.89 − 9.99 (9.9916…) = €1.90.
        let t = Treatment::Collect { rate_bp: 1900 };
        assert_eq!(
            shown_price(eur(999), &TURKISH_SHOP, false, t),
            Ok(eur(1189))
        );
        assert_eq!(vat_in(eur(1189), 1900), Ok(eur(190)));
        // A half cent rounds up: €0.05 at 10% is 0.055 → €0.06.
        assert_eq!(
            shown_price(
                eur(5),
                &TURKISH_SHOP,
                false,
                Treatment::Collect { rate_bp: 1000 }
            ),
            Ok(eur(6))
        );
        assert_eq!(vat_in(eur(0), 1900), Ok(eur(0)));
        let bad = Treatment::Collect { rate_bp: 10_001 };
        assert_eq!(
            shown_price(eur(100), &TURKISH_SHOP, false, bad),
            Err(TaxError::Invalid)
        );
        assert_eq!(vat_in(eur(100), -1), Err(TaxError::Invalid));
        assert_eq!(
            shown_price(eur(i64::MAX), &TURKISH_SHOP, false, t),
            Err(TaxError::Invalid),
            "overflow refused"
        );
    }
}
