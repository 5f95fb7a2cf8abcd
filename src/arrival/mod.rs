//! When a parcel will arrive: from the date an order reaches the shop (its local date, in the shop's time
//! zone), the shop's handling days and a destination's transit days (minimum and maximum), all business days
//! (Monday to Friday), give the range of dates to promise, formatted by
//! [`crate::i18n::Formatters::date_range`] ("Dec 16 – 22", "16—22 дек."). [`window`] is pure; [`today_in`]
//! reads the time zone database. Not yet shown to shoppers (issue #27).
//!
//! The rule: an order placed on a weekend is handled from the next Monday; handling `h` business days after
//! that day gives the shipping day (the same day for `h` = 0); transit adds `min` and `max` business days to
//! it. Public holidays are not counted (they differ per country and year): each one inside the range makes the
//! promise a business day early (Russia's New Year holidays, a week; Turkey's Bayram, three or four days). No
//! cut-off hour yet: an order at 23:00 counts as that day's.

use time::{Date, Duration, PrimitiveDateTime, Weekday};

/// Longest handling or transit a shop may state, in business days.
pub const MAX_DAYS: u8 = 60;

/// The dates a parcel is promised between, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: Date,
    pub to: Date,
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// `d` itself on a weekday, else the next Monday.
fn business_day_from(d: Date) -> Option<Date> {
    let mut d = d;
    while is_weekend(d) {
        d = d.checked_add(Duration::days(1))?;
    }
    Some(d)
}

/// `n` business days after business day `d`.
fn add_business_days(d: Date, n: u8) -> Option<Date> {
    let mut d = d;
    for _ in 0..n {
        d = business_day_from(d.checked_add(Duration::days(1))?)?;
    }
    Some(d)
}

/// The arrival window of a parcel ordered on the shop's local date `today` (see the module's rule); `None`
/// when the days are out of range (`min` > `max`, or more than [`MAX_DAYS`]).
pub fn window(today: Date, handling: u8, transit_min: u8, transit_max: u8) -> Option<Window> {
    if transit_min > transit_max || [handling, transit_max].iter().any(|d| *d > MAX_DAYS) {
        return None;
    }
    let ships = add_business_days(business_day_from(today)?, handling)?;
    Some(Window {
        from: add_business_days(ships, transit_min)?,
        to: add_business_days(ships, transit_max)?,
    })
}

/// The window of a parcel ordered at instant `at` (UTC) from a shop in `shop_country` that takes `handling`
/// business days, to a destination `transit` (min, max) business days away; `None` for days out of range.
pub fn for_order(
    at: PrimitiveDateTime,
    shop_country: &str,
    handling: i32,
    transit: (i32, i32),
) -> Option<Window> {
    let zone = crate::geo::CountryCode::parse(shop_country).map_or("UTC", crate::zones::of_country);
    let days = |d: i32| u8::try_from(d).ok();
    window(
        today_in(at, zone),
        days(handling)?,
        days(transit.0)?,
        days(transit.1)?,
    )
}

/// The local date at `at` (UTC) in time zone `zone` (IANA), or the UTC date when the zone is unknown.
pub fn today_in(at: PrimitiveDateTime, zone: &str) -> Date {
    crate::zones::local(at, zone).unwrap_or(at).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn weekends_are_skipped_and_months_roll_over() {
        // Friday 30 January 2026: handled Monday 2 February, then 2 to 4 business days.
        let w = window(date!(2026 - 01 - 30), 1, 2, 4).expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 02 - 04), date!(2026 - 02 - 06))
        );
        // Ordered on Saturday: handling starts on Monday; shipped the same day with no handling days.
        let w = window(date!(2026 - 01 - 31), 0, 1, 1).expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 02 - 03), date!(2026 - 02 - 03))
        );
        // A range across a weekend: Wednesday 9 December, 2 handling days (ships Friday 11), 3–7 in transit.
        let w = window(date!(2026 - 12 - 09), 2, 3, 7).expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 12 - 16), date!(2026 - 12 - 22))
        );
        // Across the year's end.
        let w = window(date!(2026 - 12 - 30), 1, 1, 5).expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2027 - 01 - 01), date!(2027 - 01 - 07))
        );
    }

    #[test]
    fn impossible_days_are_refused() {
        assert_eq!(
            window(date!(2026 - 12 - 09), 1, 5, 3),
            None,
            "min above max"
        );
        assert_eq!(window(date!(2026 - 12 - 09), MAX_DAYS + 1, 1, 2), None);
        assert!(window(date!(2026 - 12 - 09), MAX_DAYS, MAX_DAYS, MAX_DAYS).is_some());
    }

    #[test]
    fn windows_read_as_cldr_date_intervals_in_each_language() {
        use crate::i18n::{Formatters, Locale};
        let f = Formatters::new().expect("formatters");
        // Across a weekend, within a month; across a month's end; one day.
        let w = window(date!(2026 - 12 - 09), 2, 3, 7).expect("window");
        let across = window(date!(2026 - 01 - 28), 0, 1, 3).expect("window");
        let expected = [
            (
                Locale::En,
                "Dec 16\u{2009}–\u{2009}22",
                "Jan 29\u{2009}–\u{2009}Feb 2",
                "Dec 16",
            ),
            (Locale::Ru, "16—22 дек.", "29 янв. — 2 февр.", "16 дек."),
            (
                Locale::Tr,
                "16\u{2009}–\u{2009}22 Ara",
                "29 Oca\u{2009}–\u{2009}2 Şub",
                "16 Ara",
            ),
            (
                Locale::It,
                "16–22 dic",
                "29 gen\u{2009}–\u{2009}02 feb",
                "16 dic",
            ),
            (
                Locale::Es,
                "16–22 dic",
                "29 ene\u{2009}–\u{2009}2 feb",
                "16 dic",
            ),
        ];
        for (l, within, month_end, one_day) in expected {
            assert_eq!(f.date_range(l, w.from, w.to), within, "{l}");
            assert_eq!(f.date_range(l, across.from, across.to), month_end, "{l}");
            assert_eq!(f.date_range(l, w.from, w.from), one_day, "{l}");
        }
    }

    #[test]
    fn today_is_the_shoppers_local_date() {
        // 22:30 UTC on Friday is already Saturday in Moscow (UTC+3), still Friday in New York.
        let at = datetime!(2026 - 12 - 11 22:30);
        assert_eq!(today_in(at, "Europe/Moscow"), date!(2026 - 12 - 12));
        assert_eq!(today_in(at, "America/New_York"), date!(2026 - 12 - 11));
        assert_eq!(today_in(at, "Nowhere/Else"), date!(2026 - 12 - 11));
    }
}
