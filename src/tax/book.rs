//! The VAT rules in force and what each shop's prices include: everything the totals and the price shown on a
//! card need to judge a consignment (see [`super::rules`]) for a destination. Pure once built.

use std::collections::HashMap;

use super::rules::{self, in_eu, Rule, Seller, TaxError, Treatment};
use crate::geo::CountryCode;
use crate::money::{Money, Rates, Rounding};

/// Who pays a consignment's VAT to the tax authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remitter {
    /// The marketplace, as deemed supplier: goods imported under IOSS or the UK's scheme, and sales by sellers
    /// from outside the destination's VAT area.
    Platform,
    /// The shop: a sale in its own country, or within the EU (the one-stop shop).
    Shop,
    /// Nobody at checkout: the buyer may owe import VAT and duties on delivery.
    Buyer,
}

impl Remitter {
    pub fn code(self) -> &'static str {
        match self {
            Remitter::Platform => "platform",
            Remitter::Shop => "shop",
            Remitter::Buyer => "buyer",
        }
    }
}

/// How a consignment was judged: whether the destination's VAT is collected, at which rates, and by whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judged {
    pub collect: bool,
    standard_bp: i64,
    reduced_bp: Option<i64>,
    pub remitter: Remitter,
}

impl Judged {
    /// The treatment of a product of the consignment (`reduced`: its category takes the reduced rate).
    pub fn treatment(&self, reduced: bool) -> Treatment {
        match (self.collect, reduced, self.reduced_bp) {
            (false, _, _) => Treatment::DutiesOnDelivery,
            (true, true, Some(r)) => Treatment::Collect { rate_bp: r },
            (true, _, _) => Treatment::Collect {
                rate_bp: self.standard_bp,
            },
        }
    }
}

/// The rules in force at one instant, by destination, and the shops' VAT settings.
#[derive(Clone, Debug, Default)]
pub struct TaxBook {
    rules: HashMap<CountryCode, Rule>,
    /// Per shop: home country and whether its prices include its home VAT.
    shops: HashMap<i64, (CountryCode, bool)>,
}

impl TaxBook {
    pub fn new(
        rules: impl IntoIterator<Item = Rule>,
        shops: impl IntoIterator<Item = (i64, CountryCode, bool)>,
    ) -> Self {
        Self {
            rules: rules.into_iter().map(|r| (r.country, r)).collect(),
            shops: shops
                .into_iter()
                .map(|(id, c, inc)| (id, (c, inc)))
                .collect(),
        }
    }

    pub fn rule(&self, country: CountryCode) -> Option<&Rule> {
        self.rules.get(&country)
    }

    /// A shop as the VAT rule sees it (its home rates from its country's rule; none: 0%). `None` for a shop the
    /// book does not know.
    pub fn seller(&self, merchant_id: i64) -> Option<Seller> {
        let (home, include) = *self.shops.get(&merchant_id)?;
        let rule = self.rules.get(&home);
        Some(Seller {
            home,
            home_bp: rule.map_or(0, |r| r.standard_bp),
            home_reduced_bp: rule.and_then(|r| r.reduced_bp),
            prices_include_vat: include,
        })
    }

    /// How a consignment from `seller` to `dest` is taxed, given its goods' value net of VAT in the shop's
    /// currency (converted half up to the threshold's currency with `rates`). A destination without a rule:
    /// a sale within the shop's country bears its home VAT, one from abroad is sold net with duties on delivery.
    pub fn judge(
        &self,
        seller: &Seller,
        dest: CountryCode,
        net: Money,
        rates: &Rates,
    ) -> Result<Judged, TaxError> {
        let Some(rule) = self.rules.get(&dest) else {
            let domestic = seller.home == dest;
            return Ok(Judged {
                collect: domestic,
                standard_bp: seller.home_bp,
                reduced_bp: seller.home_reduced_bp,
                remitter: if domestic {
                    Remitter::Shop
                } else {
                    Remitter::Buyer
                },
            });
        };
        let value = match rule.threshold {
            Some(t) if t.currency != net.currency => rates
                .convert(net, t.currency, Rounding::HalfUp)
                .ok_or(TaxError::Currency)?,
            _ => net,
        };
        let collect = rules::judge(rule, seller, value, false)? != Treatment::DutiesOnDelivery;
        let remitter = match collect {
            false => Remitter::Buyer,
            true if seller.home == dest || (in_eu(seller.home) && in_eu(dest)) => Remitter::Shop,
            true => Remitter::Platform,
        };
        Ok(Judged {
            collect,
            standard_bp: rule.standard_bp,
            reduced_bp: rule.reduced_bp,
            remitter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use crate::tax::rules::Scheme;

    fn cc(s: &str) -> CountryCode {
        CountryCode::parse(s).expect("code")
    }

    fn book() -> TaxBook {
        let rule = |c: &str, scheme, std, red, threshold| Rule {
            country: cc(c),
            scheme,
            standard_bp: std,
            reduced_bp: red,
            threshold,
        };
        TaxBook::new(
            [
                rule(
                    "DE",
                    Scheme::Eu,
                    1900,
                    Some(700),
                    Some(rules::ioss_threshold()),
                ),
                rule(
                    "IT",
                    Scheme::Eu,
                    2200,
                    Some(400),
                    Some(rules::ioss_threshold()),
                ),
                rule("TR", Scheme::None, 2000, Some(1000), None),
                rule(
                    "GB",
                    Scheme::LowValue,
                    2000,
                    Some(0),
                    Some(rules::uk_threshold()),
                ),
            ],
            [(1, cc("TR"), false), (2, cc("IT"), true)],
        )
    }

    fn rates() -> Rates {
        let mut r = Rates::new();
        r.set(Currency::Try, 36_250_000);
        r.set(Currency::Gbp, 850_000);
        r
    }

    #[test]
    fn consignments_are_judged_in_the_thresholds_currency_and_say_who_remits() {
        let b = book();
        let turkish = b.seller(1).expect("known");
        assert_eq!((turkish.home_bp, turkish.prices_include_vat), (2000, false));
        // ₺5 437,50 = €150.00 exactly: collected by the marketplace; ₺0.19 more (€150.01) is not.
        let at = |minor| Money::new(minor, Currency::Try);
        let j = b
            .judge(&turkish, cc("DE"), at(543_750), &rates())
            .expect("judged");
        assert!(j.collect);
        assert_eq!(j.remitter, Remitter::Platform);
        assert_eq!(j.treatment(true), Treatment::Collect { rate_bp: 700 });
        let j = b
            .judge(&turkish, cc("DE"), at(543_769), &rates())
            .expect("judged");
        assert_eq!((j.collect, j.remitter), (false, Remitter::Buyer));
        assert_eq!(j.treatment(false), Treatment::DutiesOnDelivery);
        // Within the EU the shop remits; at home too; Chile has no rule: duties on delivery.
        let italian = b.seller(2).expect("known");
        let j = b
            .judge(
                &italian,
                cc("DE"),
                Money::new(90_000, Currency::Eur),
                &rates(),
            )
            .expect("judged");
        assert_eq!((j.collect, j.remitter), (true, Remitter::Shop));
        let j = b
            .judge(&turkish, cc("TR"), at(1), &rates())
            .expect("judged");
        assert_eq!(j.treatment(false), Treatment::Collect { rate_bp: 2000 });
        assert_eq!(j.remitter, Remitter::Shop);
        let j = b
            .judge(&turkish, cc("CL"), at(1), &rates())
            .expect("judged");
        assert_eq!(j.remitter, Remitter::Buyer);
        // The UK: zero-rated food is still collected (at 0%).
        let j = b
            .judge(&turkish, cc("GB"), at(100), &rates())
            .expect("judged");
        assert_eq!(j.treatment(true), Treatment::Collect { rate_bp: 0 });
        assert!(b.seller(3).is_none());
        assert_eq!(
            b.judge(&turkish, cc("DE"), Money::new(1, Currency::Kzt), &rates()),
            Err(TaxError::Currency)
        );
    }
}
