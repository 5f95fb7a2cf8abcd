//! Languages: locale type and negotiation, Fluent messages, CLDR formatting (ICU4X), language-aware casing.

mod casing;
mod fluent;
mod format;
mod locale;
mod negotiate;
mod parse;
mod per_locale;

pub mod countries;

pub use casing::fold_for_search;
pub use casing::lowercase;
pub use fluent::{Arg, Messages, Translator};
pub use format::Formatters;
pub use locale::Locale;
pub use negotiate::negotiate;
pub use parse::{parse_decimal, parse_major_amount};
pub use per_locale::PerLocale;

use std::sync::Arc;

/// The years whose public holidays are loaded (the data ends with 2030).
const HOLIDAY_YEARS: std::ops::Range<i32> = 2024..2031;

/// Everything language-related the app needs, built once at start-up and shared read-only.
pub struct I18n {
    pub messages: Messages,
    pub formatters: Formatters,
    /// Public holidays per country, which arrival dates skip.
    pub holidays: crate::holidays::Holidays,
}

impl I18n {
    pub fn load() -> Result<Arc<Self>, String> {
        Ok(Arc::new(Self {
            messages: Messages::load()?,
            formatters: Formatters::new()?,
            holidays: crate::holidays::Holidays::load(HOLIDAY_YEARS)?,
        }))
    }
}
