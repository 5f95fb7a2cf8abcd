//! Countries: ship-to destinations, merchant origins.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 code, always uppercase ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub const RU: CountryCode = CountryCode(*b"RU");
    pub const TR: CountryCode = CountryCode(*b"TR");
    pub const IT: CountryCode = CountryCode(*b"IT");
    pub const ES: CountryCode = CountryCode(*b"ES");
    pub const US: CountryCode = CountryCode(*b"US");

    /// Parses two ASCII letters in any case.
    pub fn parse(s: &str) -> Option<CountryCode> {
        let b = s.trim().as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
            Some(CountryCode([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
            ]))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Lowercase code, as used in URLs (`/origin/it`) and Fluent ids (`country-it`).
    pub fn lower(&self) -> String {
        self.as_str().to_ascii_lowercase()
    }

    /// The Fluent id of the country's name.
    pub fn name_id(&self) -> String {
        format!("country-{}", self.lower())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        CountryCode::parse(&s).ok_or_else(|| format!("not a country code: {s}"))
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_string()
    }
}

/// Countries shoppers can ship to (market choice).
pub const SHIP_TO: [CountryCode; 15] = [
    CountryCode(*b"RU"),
    CountryCode(*b"TR"),
    CountryCode(*b"IT"),
    CountryCode(*b"ES"),
    CountryCode(*b"KZ"),
    CountryCode(*b"BY"),
    CountryCode(*b"AZ"),
    CountryCode(*b"UZ"),
    CountryCode(*b"DE"),
    CountryCode(*b"FR"),
    CountryCode(*b"PT"),
    CountryCode(*b"NL"),
    CountryCode(*b"PL"),
    CountryCode(*b"GB"),
    CountryCode(*b"US"),
];

/// Whether two-letter code `c` can be a country or territory: not a grouping CLDR also names (the EU, the
/// eurozone, the UN), nor a code ISO 3166 only reserves exceptionally (Ascension, Clipperton, Sark, Diego
/// Garcia, Ceuta and Melilla, the Canary Islands, Tristan da Cunha), nor one it leaves for private use (`AA`,
/// `QM`–`QZ`, `XA`–`XZ` but Kosovo's `XK`, `ZZ`).
pub fn is_country(c: CountryCode) -> bool {
    let [a, b] = c.0;
    let private = matches!((a, b), (b'A', b'A') | (b'Q', b'M'..=b'Z') | (b'Z', b'Z'))
        || (a == b'X' && b != b'K');
    let grouping_or_reserved = matches!(
        c.as_str(),
        "EU" | "EZ" | "UN" | "AC" | "CP" | "CQ" | "DG" | "EA" | "IC" | "TA"
    );
    !private && !grouping_or_reserved
}

/// The display currency a destination starts with: its own where Caravan shows prices in it, the euro in
/// Europe, the US dollar elsewhere (the shopper can change it).
pub fn default_currency(c: CountryCode) -> crate::money::Currency {
    use crate::money::Currency;
    const EUROPE: [&str; 44] = [
        "AD", "AL", "AT", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO",
        "FR", "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME",
        "MK", "MT", "NL", "NO", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "UA", "VA", "XK",
    ];
    match c.as_str() {
        "RU" => Currency::Rub,
        "TR" => Currency::Try,
        "KZ" => Currency::Kzt,
        "GB" => Currency::Gbp,
        "PL" => Currency::Pln,
        code if EUROPE.contains(&code) => Currency::Eur,
        _ => Currency::Usd,
    }
}

/// Countries merchants sell from (the pilot), each with the currency its shops price in.
pub const ORIGINS: [(CountryCode, crate::money::Currency); 4] = [
    (CountryCode::RU, crate::money::Currency::Rub),
    (CountryCode::TR, crate::money::Currency::Try),
    (CountryCode::IT, crate::money::Currency::Eur),
    (CountryCode::ES, crate::money::Currency::Eur),
];

pub fn is_origin(cc: CountryCode) -> bool {
    ORIGINS.iter().any(|(c, _)| *c == cc)
}
