use std::collections::HashMap;

use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{zone, MD, T, YMD, YMDT};
use icu_datetime::options::TimePrecision;
use icu_datetime::range::FixedCalendarDateRangeFormatter;
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::displaynames::multi::RegionDisplayNames;

use super::Locale;
use crate::money::{Currency, Money};

/// CLDR formatters (ICU4X compiled data) for every locale and currency, built once.
pub struct Formatters {
    decimal: HashMap<Locale, DecimalFormatter>,
    currency: HashMap<(Locale, Currency), CurrencyFormatter<DecimalFormatter>>,
    date: HashMap<Locale, FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    date_time: HashMap<Locale, FixedCalendarDateTimeFormatter<Gregorian, YMDT>>,
    time: HashMap<Locale, NoCalendarFormatter<T>>,
    zone: HashMap<Locale, NoCalendarFormatter<zone::Location>>,
    regions: HashMap<Locale, RegionDisplayNames>,
    date_range: HashMap<Locale, FixedCalendarDateRangeFormatter<Gregorian, MD>>,
    /// Every destination, and each language's alphabetical order.
    pub countries: super::countries::Countries,
}

impl Formatters {
    pub fn new() -> Result<Self, String> {
        let mut decimal = HashMap::new();
        let mut currency = HashMap::new();
        let mut date = HashMap::new();
        let mut date_time = HashMap::new();
        let mut times = HashMap::new();
        let mut zones = HashMap::new();
        let mut regions = HashMap::new();
        let mut date_range = HashMap::new();
        for locale in Locale::ALL {
            let icu = locale.icu();
            let f = DecimalFormatter::try_new((&icu).into(), Default::default())
                .map_err(|e| format!("decimal formatter {locale}: {e}"))?;
            decimal.insert(locale, f);
            for cur in Currency::ALL {
                let code = CurrencyType::try_from_str(cur.code())
                    .map_err(|e| format!("currency code {}: {e:?}", cur.code()))?;
                let f = CurrencyFormatter::try_new_symbol((&icu).into(), code, Default::default())
                    .map_err(|e| format!("currency formatter {locale}/{}: {e}", cur.code()))?;
                currency.insert((locale, cur), f);
            }
            let f = FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::medium())
                .map_err(|e| format!("date formatter {locale}: {e}"))?;
            date.insert(locale, f);
            let fields = YMDT::medium().with_time_precision(TimePrecision::Minute);
            let f = FixedCalendarDateTimeFormatter::try_new((&icu).into(), fields)
                .map_err(|e| format!("date-time formatter {locale}: {e}"))?;
            date_time.insert(locale, f);
            let fields = T::medium().with_time_precision(TimePrecision::Minute);
            let f = NoCalendarFormatter::try_new((&icu).into(), fields)
                .map_err(|e| format!("time formatter {locale}: {e}"))?;
            times.insert(locale, f);
            let f = NoCalendarFormatter::try_new((&icu).into(), zone::Location)
                .map_err(|e| format!("time zone formatter {locale}: {e}"))?;
            zones.insert(locale, f);
            let f = RegionDisplayNames::try_new((&icu).into(), Default::default())
                .map_err(|e| format!("country names {locale}: {e}"))?;
            regions.insert(locale, f);
            let f = FixedCalendarDateRangeFormatter::try_new((&icu).into(), MD::medium())
                .map_err(|e| format!("date range formatter {locale}: {e}"))?;
            date_range.insert(locale, f);
        }
        let english = regions.get(&Locale::En);
        let countries = super::countries::Countries::new(|c| {
            icu_locale_core::subtags::Region::try_from_str(c.as_str())
                .ok()
                .and_then(|r| english?.of(r))
                .is_some()
        })?;
        Ok(Self {
            decimal,
            currency,
            date,
            date_time,
            time: times,
            zone: zones,
            regions,
            date_range,
            countries,
        })
    }

    /// Two dates as a CLDR date interval of day and month (`Dec 16 – 22` in en, `16—22 дек.` in ru, one date
    /// when they are the same day).
    pub fn date_range(&self, locale: Locale, from: time::Date, to: time::Date) -> String {
        let gregorian =
            |d: time::Date| Date::try_new_gregorian(d.year(), u8::from(d.month()), d.day());
        match (gregorian(from), gregorian(to), self.date_range.get(&locale)) {
            (Ok(a), Ok(b), Some(f)) => f.format(&a, &b).to_string(),
            _ => format!("{from} – {to}"),
        }
    }

    /// A country's name in `locale` from CLDR (`Deutschland` is `Германия` in ru), if CLDR names it.
    pub fn country(&self, locale: Locale, cc: crate::geo::CountryCode) -> Option<String> {
        let region = icu_locale_core::subtags::Region::try_from_str(cc.as_str()).ok()?;
        Some(self.regions.get(&locale)?.of(region)?.to_string())
    }

    /// An integer with the locale's grouping (`1 234` in ru, `1.234` in tr, `1234` in es).
    pub fn number(&self, locale: Locale, n: i64) -> String {
        match self.decimal.get(&locale) {
            Some(f) => f.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        }
    }

    /// A scaled integer as a decimal with exactly `frac` digits, in the locale's format (`1.299,50` in it, the
    /// form a merchant types a price in).
    pub fn decimal(&self, locale: Locale, scaled: i64, frac: u8) -> String {
        let mut value = Decimal::from(scaled);
        value.multiply_pow10(-i16::from(frac));
        value.pad_end(-i16::from(frac));
        match self.decimal.get(&locale) {
            Some(f) => f.format(&value).to_string(),
            None => value.to_string(),
        }
    }

    /// A rate in basis points as a percent number without trailing zeros ("19", "25,5", "5.25").
    pub fn basis_points(&self, locale: Locale, bp: i64) -> String {
        let (scaled, frac) = match (bp % 100, bp % 10) {
            (0, _) => (bp / 100, 0),
            (_, 0) => (bp / 10, 1),
            _ => (bp, 2),
        };
        self.decimal(locale, scaled, frac)
    }

    /// An IANA time zone by CLDR's location format in the locale ("Moscow Time", "Москва", "İstanbul Saati").
    pub fn zone_name(&self, locale: Locale, iana: &str) -> String {
        let tz = icu_time::TimeZone::from_iana_id(iana);
        match self.zone.get(&locale) {
            Some(f) if !tz.is_unknown() && iana != "UTC" => {
                f.format(&tz.without_offset()).to_string()
            }
            _ => iana.to_string(),
        }
    }

    /// A money amount with the locale's currency pattern and symbol (`1 234 567,89 ₽`, `₺1.234.567,89`).
    pub fn money(&self, locale: Locale, money: Money) -> String {
        let mut value = Decimal::from(money.minor);
        value.multiply_pow10(-i16::from(money.currency.minor_digits()));
        match self.currency.get(&(locale, money.currency)) {
            Some(f) => f.format_fixed_decimal(&value).to_string(),
            None => format!("{} {}", value, money.currency.code()),
        }
    }

    /// A calendar date in the locale's medium style (`27 Nov 2026`, `27 нояб. 2026 г.`).
    pub fn date(&self, locale: Locale, date: time::Date) -> String {
        let Ok(d) = Date::try_new_gregorian(date.year(), u8::from(date.month()), date.day()) else {
            return date.to_string();
        };
        match self.date.get(&locale) {
            Some(f) => f.format(&d).to_string(),
            None => date.to_string(),
        }
    }

    /// A time of day to the minute (`14:00`, `2:00 PM`).
    pub fn time_of_day(&self, locale: Locale, hour: u8, minute: u8) -> String {
        match (
            icu_time::Time::try_new(hour, minute, 0, 0),
            self.time.get(&locale),
        ) {
            (Ok(t), Some(f)) => f.format(&t).to_string(),
            _ => format!("{hour:02}:{minute:02}"),
        }
    }

    /// A wall-clock date and time as one CLDR pattern of the locale, to the minute (`5 дек. 2026 г., 12:50`,
    /// `Dec 5, 2026, 12:50 PM`, `5 Ara 2026 12:50`).
    pub fn date_time(&self, locale: Locale, at: time::PrimitiveDateTime) -> String {
        let date = Date::try_new_gregorian(at.year(), u8::from(at.month()), at.day());
        let clock = icu_time::Time::try_new(at.hour(), at.minute(), 0, 0);
        match (date, clock, self.date_time.get(&locale)) {
            (Ok(date), Ok(time), Some(f)) => {
                f.format(&icu_time::DateTime { date, time }).to_string()
            }
            _ => at.to_string(),
        }
    }
}

#[cfg(test)]
mod zone_name_tests {
    use super::*;

    #[test]
    fn zones_are_named_by_cldr_in_each_language() {
        let f = Formatters::new().unwrap_or_else(|e| panic!("{e}"));
        // CLDR 48's location format ("{0} Time", "Ora {0}", "hora de {0}"; Russian names the city alone).
        assert_eq!(f.zone_name(Locale::En, "Europe/Moscow"), "Moscow Time");
        assert_eq!(f.zone_name(Locale::Ru, "Europe/Moscow"), "Москва");
        assert_eq!(f.zone_name(Locale::Tr, "Asia/Almaty"), "Almatı Saati");
        assert_eq!(f.zone_name(Locale::It, "Europe/Istanbul"), "Ora Turchia");
        assert_eq!(
            f.zone_name(Locale::Es, "America/New_York"),
            "hora de Nueva York"
        );
        assert_eq!(
            f.zone_name(Locale::En, "Nowhere/Atlantis"),
            "Nowhere/Atlantis"
        );
    }
}
