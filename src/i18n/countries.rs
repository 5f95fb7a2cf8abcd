//! Every destination a shopper can pick: the ISO 3166 countries and territories CLDR names, each named in the
//! shopper's language (ICU4X display names) and listed in that language's alphabetical order (ICU4X collation).

use std::cmp::Ordering;
use std::collections::HashMap;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

use super::Locale;
use crate::geo::CountryCode;

pub struct Countries {
    /// Every code CLDR names in English, in code order.
    all: Vec<CountryCode>,
    collators: HashMap<Locale, CollatorBorrowed<'static>>,
}

impl Countries {
    /// The destinations among all two-letter codes: real countries and territories ([`crate::geo::is_country`])
    /// that CLDR gives a name (`named` answers for English).
    pub fn new(named: impl Fn(CountryCode) -> bool) -> Result<Self, String> {
        let mut all = Vec::new();
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let Some(c) = CountryCode::parse(&String::from_utf8_lossy(&[a, b])) else {
                    continue;
                };
                if crate::geo::is_country(c) && named(c) {
                    all.push(c);
                }
            }
        }
        let mut collators = HashMap::new();
        for locale in Locale::ALL {
            let icu = locale.icu();
            let c = Collator::try_new((&icu).into(), CollatorOptions::default())
                .map_err(|e| format!("collator {locale}: {e}"))?;
            collators.insert(locale, c);
        }
        Ok(Self { all, collators })
    }

    pub fn all(&self) -> &[CountryCode] {
        &self.all
    }

    pub fn contains(&self, c: CountryCode) -> bool {
        self.all.binary_search(&c).is_ok()
    }

    /// `a` before or after `b` in `locale`'s alphabetical order (Ö with O in Turkish's own place, É with E).
    pub fn compare(&self, locale: Locale, a: &str, b: &str) -> Ordering {
        match self.collators.get(&locale) {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }
}
