//! Shipping zones: groups of countries a shop prices and times once ("EU", "CIS and Central Asia") instead of
//! country by country. A shop's rate to a country is its row for that country, else the row of the country's
//! zone, else its "everywhere else" row (the rest of the world). A country belongs to at most one zone, so the
//! three keys of [`keys`] are all a query needs. Zone rows live in `shipping_rates` with `destination` set to
//! [`ShippingZone::code`] ("zone:eu").

use crate::geo::CountryCode;

/// A group of countries with one rate and one delivery time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShippingZone {
    /// The member states of the European Union.
    Eu,
    /// European countries outside the EU: the United Kingdom, Switzerland, Norway, the Balkans, Ukraine,
    /// Moldova, Türkiye.
    Europe,
    /// Russia, Belarus, the Caucasus and Central Asia.
    Cis,
}

/// European countries outside the European Union (ISO 3166-1 alpha-2).
const EUROPE: [&str; 23] = [
    "AD", "AL", "BA", "CH", "FO", "GB", "GG", "GI", "IM", "IS", "JE", "LI", "MC", "MD", "ME", "MK",
    "NO", "RS", "SM", "TR", "UA", "VA", "XK",
];

/// The CIS, the Caucasus and Central Asia.
const CIS: [&str; 10] = ["AM", "AZ", "BY", "GE", "KG", "KZ", "RU", "TJ", "TM", "UZ"];

impl ShippingZone {
    pub const ALL: [ShippingZone; 3] = [ShippingZone::Eu, ShippingZone::Europe, ShippingZone::Cis];

    /// The suffix of the shipping form's fields and of the zone's Fluent messages.
    pub fn suffix(self) -> &'static str {
        match self {
            ShippingZone::Eu => "eu",
            ShippingZone::Europe => "europe",
            ShippingZone::Cis => "cis",
        }
    }

    /// The `shipping_rates.destination` value of the zone's row.
    pub fn code(self) -> &'static str {
        match self {
            ShippingZone::Eu => "zone:eu",
            ShippingZone::Europe => "zone:europe",
            ShippingZone::Cis => "zone:cis",
        }
    }

    pub fn parse_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|z| z.code() == s)
    }

    /// The Fluent id of the zone's name (`shipping-zone-eu`).
    pub fn message_id(self) -> String {
        format!("shipping-zone-{}", self.suffix())
    }

    pub fn members(self) -> &'static [&'static str] {
        match self {
            ShippingZone::Eu => &crate::tax::rules::EU,
            ShippingZone::Europe => &EUROPE,
            ShippingZone::Cis => &CIS,
        }
    }

    /// The zone `cc` belongs to, if any (the rest of the world belongs to none).
    pub fn of(cc: CountryCode) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|z| z.members().contains(&cc.as_str()))
    }
}

/// The `shipping_rates.destination` values a shop's rate to `cc` may be stored under, most specific first: the
/// country, its zone, everywhere else. Empty for a value that is not a country code.
pub fn keys(cc: &str) -> Vec<String> {
    let Some(cc) = CountryCode::parse(cc) else {
        return Vec::new();
    };
    let mut keys = vec![cc.as_str().to_string()];
    if let Some(z) = ShippingZone::of(cc) {
        keys.push(z.code().to_string());
    }
    keys.push(super::model::EVERYWHERE_ELSE.to_string());
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_is_in_one_zone_at_most() {
        for a in ShippingZone::ALL {
            for b in ShippingZone::ALL.into_iter().filter(|b| *b != a) {
                assert!(
                    a.members().iter().all(|c| !b.members().contains(c)),
                    "{a:?} and {b:?} overlap"
                );
            }
        }
    }

    #[test]
    fn keys_go_from_the_country_to_the_rest_of_the_world() {
        assert_eq!(keys("de"), ["DE", "zone:eu", "*"]);
        assert_eq!(keys("KZ"), ["KZ", "zone:cis", "*"]);
        assert_eq!(keys("GB"), ["GB", "zone:europe", "*"]);
        assert_eq!(keys("CL"), ["CL", "*"]);
        assert!(keys("").is_empty());
        assert_eq!(
            ShippingZone::parse_code("zone:cis"),
            Some(ShippingZone::Cis)
        );
        assert_eq!(ShippingZone::parse_code("CIS"), None);
    }
}
