use std::fmt;

use serde::{Deserialize, Serialize};

use crate::geo::CountryCode;
use crate::money::Currency;

/// A supported UI language. English is the source language and the fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Ru,
    Tr,
    It,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 5] = [Locale::En, Locale::Ru, Locale::Tr, Locale::It, Locale::Es];
    pub const FALLBACK: Locale = Locale::En;

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::Tr => "tr",
            Locale::It => "it",
            Locale::Es => "es",
        }
    }

    /// Parses a supported language code exactly as it appears in URLs and data (`en`, `ru`, …).
    pub fn parse(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, as shown in the language switcher (never translated).
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ru => "Русский",
            Locale::Tr => "Türkçe",
            Locale::It => "Italiano",
            Locale::Es => "Español",
        }
    }

    /// The default market (ship-to country and display currency) for shoppers of this language.
    pub fn default_market(self) -> (CountryCode, Currency) {
        match self {
            Locale::En => (CountryCode::US, Currency::Usd),
            Locale::Ru => (CountryCode::RU, Currency::Rub),
            Locale::Tr => (CountryCode::TR, Currency::Try),
            Locale::It => (CountryCode::IT, Currency::Eur),
            Locale::Es => (CountryCode::ES, Currency::Eur),
        }
    }

    /// The ICU4X locale for formatting.
    pub fn icu(self) -> icu_locale_core::Locale {
        match self {
            Locale::En => icu_locale_core::locale!("en"),
            Locale::Ru => icu_locale_core::locale!("ru"),
            Locale::Tr => icu_locale_core::locale!("tr"),
            Locale::It => icu_locale_core::locale!("it"),
            Locale::Es => icu_locale_core::locale!("es"),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
