//! Public holidays per country, from python-holidays' data (the `holidays` crate, national holidays up to
//! 2030): shops do not hand parcels over on their country's holidays, and carriers do not deliver on the
//! destination's. Built once at start-up for the years around now and the countries Caravan's shops sell from
//! and ship to most; a country or year outside them counts weekends only.

use std::collections::{BTreeSet, HashMap};

use crate::geo::CountryCode;

/// The countries whose holidays are loaded (those the crate is built with, see Cargo.toml's features).
const COUNTRIES: [&str; 40] = [
    "AM", "AT", "AZ", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB",
    "GE", "GR", "HR", "HU", "IE", "IT", "KZ", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO",
    "RU", "SE", "SI", "SK", "TR", "UA", "US", "UZ",
];

/// National public holidays of the loaded countries.
#[derive(Debug, Default)]
pub struct Holidays {
    days: HashMap<CountryCode, BTreeSet<time::Date>>,
}

impl Holidays {
    /// Loads `years` (e.g. last year to 2030) for [`COUNTRIES`].
    pub fn load(years: std::ops::Range<i32>) -> Result<Self, String> {
        let countries: Vec<holidays::Country> = COUNTRIES
            .iter()
            .map(|c| c.parse().map_err(|e| format!("holidays of {c}: {e:?}")))
            .collect::<Result<_, _>>()?;
        let map = holidays::Builder::new()
            .countries(&countries)
            .years(years)
            .build()
            .map_err(|e| format!("holidays: {e}"))?;
        let mut days: HashMap<CountryCode, BTreeSet<time::Date>> = HashMap::new();
        for (country, by_year) in map {
            let Some(cc) = CountryCode::parse(country.as_ref()) else {
                continue;
            };
            let set = days.entry(cc).or_default();
            // The crate's dates are chrono's; their ISO form is read back as ours.
            let iso = time::macros::format_description!("[year]-[month]-[day]");
            for h in by_year.values().flat_map(|y| y.keys()) {
                let d = time::Date::parse(&h.to_string(), iso)
                    .map_err(|e| format!("holiday {h}: {e}"))?;
                set.insert(d);
            }
        }
        Ok(Self { days })
    }

    /// Whether `d` is a public holiday in `cc` (false for a country not loaded).
    pub fn is_holiday(&self, cc: CountryCode, d: time::Date) -> bool {
        self.days.get(&cc).is_some_and(|s| s.contains(&d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn national_holidays_of_shop_countries_are_known() {
        let h = Holidays::load(2026..2028).expect("holidays");
        let cc = |c: &str| CountryCode::parse(c).expect("code");
        // Russia's New Year holidays, Türkiye's Republic Day, Italy's Festa della Repubblica, Spain's Hispanic Day.
        assert!(h.is_holiday(cc("RU"), date!(2027 - 01 - 05)));
        assert!(h.is_holiday(cc("TR"), date!(2026 - 10 - 29)));
        assert!(h.is_holiday(cc("IT"), date!(2026 - 06 - 02)));
        assert!(h.is_holiday(cc("ES"), date!(2026 - 10 - 12)));
        assert!(!h.is_holiday(cc("ES"), date!(2026 - 10 - 13)));
        // A country not loaded counts weekends only.
        assert!(!h.is_holiday(cc("CL"), date!(2026 - 01 - 01)));
    }
}
