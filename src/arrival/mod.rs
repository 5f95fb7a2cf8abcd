//! When a parcel will arrive: from the moment an order reaches the shop (its local date and hour, in the shop's
//! time zone), the shop's handling days and a destination's transit days (minimum and maximum) give the range of
//! dates to promise, formatted by [`crate::i18n::Formatters::date_range`] ("Dec 16 – 22", "16—22 дек.").
//! [`window`] is pure; [`for_order`] reads the time zone database.
//!
//! The rule: an order placed at or after the shop's cut-off hour counts from the next day; one placed on a day
//! the shop does not work (a weekend or its country's public holiday) is handled from its next working day;
//! handling `h` of the shop's working days after that day gives the shipping day (the same day for `h` = 0);
//! transit adds `min` and `max` working days of the destination (weekends and its public holidays skipped) to it.

use time::{Date, Duration, PrimitiveDateTime, Weekday};

use crate::geo::CountryCode;
use crate::holidays::Holidays;

/// Longest handling or transit a shop may state, in business days.
pub const MAX_DAYS: u8 = 60;

/// The dates a parcel is promised between, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: Date,
    pub to: Date,
}

/// Which days count: the shop's working days for handling, the destination's for transit.
pub struct Calendar<'a> {
    pub holidays: &'a Holidays,
    pub shop: Option<CountryCode>,
    pub to: Option<CountryCode>,
}

impl Calendar<'_> {
    fn off(&self, country: Option<CountryCode>, d: Date) -> bool {
        matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
            || country.is_some_and(|c| self.holidays.is_holiday(c, d))
    }
}

/// `d` itself on a working day of `country`, else its next one.
fn working_day_from(cal: &Calendar, country: Option<CountryCode>, d: Date) -> Option<Date> {
    let mut d = d;
    // A year of days off in a row is no calendar: give up rather than loop.
    for _ in 0..366 {
        if !cal.off(country, d) {
            return Some(d);
        }
        d = d.checked_add(Duration::days(1))?;
    }
    None
}

/// `n` working days of `country` after `d`.
fn add_working_days(cal: &Calendar, country: Option<CountryCode>, d: Date, n: u8) -> Option<Date> {
    let mut d = d;
    for _ in 0..n {
        d = working_day_from(cal, country, d.checked_add(Duration::days(1))?)?;
    }
    Some(d)
}

/// The arrival window of a parcel the shop counts from its local date `today` (see the module's rule); `None`
/// when the days are out of range (`min` > `max`, or more than [`MAX_DAYS`]).
pub fn window(
    cal: &Calendar,
    today: Date,
    handling: u8,
    (transit_min, transit_max): (u8, u8),
) -> Option<Window> {
    if transit_min > transit_max || [handling, transit_max].iter().any(|d| *d > MAX_DAYS) {
        return None;
    }
    let ships = add_working_days(
        cal,
        cal.shop,
        working_day_from(cal, cal.shop, today)?,
        handling,
    )?;
    // With no transit days the parcel arrives the day it ships, if carriers deliver there that day.
    let arrives = |n| working_day_from(cal, cal.to, add_working_days(cal, cal.to, ships, n)?);
    Some(Window {
        from: arrives(transit_min)?,
        to: arrives(transit_max)?,
    })
}

/// Who sends a parcel: the shop's country, its handling days and the local hour from which orders count from
/// the next day (`None`: the whole day counts).
#[derive(Clone, Copy, Debug)]
pub struct Sender<'a> {
    pub country: &'a str,
    pub handling_days: i32,
    pub cutoff_hour: Option<i32>,
}

/// The window of a parcel ordered at instant `at` (UTC) from `sender` to `to`, `transit` (min, max) working
/// days away; `None` for days out of range.
pub fn for_order(
    at: PrimitiveDateTime,
    sender: Sender,
    (transit, to): ((i32, i32), CountryCode),
    holidays: &Holidays,
) -> Option<Window> {
    let shop = CountryCode::parse(sender.country);
    let zone = shop.map_or("UTC", crate::zones::of_country);
    let local = crate::zones::local(at, zone).unwrap_or(at);
    let after_cutoff = sender
        .cutoff_hour
        .is_some_and(|h| i32::from(local.hour()) >= h);
    let today = if after_cutoff {
        local.date().checked_add(Duration::days(1))?
    } else {
        local.date()
    };
    let days = |d: i32| u8::try_from(d).ok();
    let cal = Calendar {
        holidays,
        shop,
        to: Some(to),
    };
    window(
        &cal,
        today,
        days(sender.handling_days)?,
        (days(transit.0)?, days(transit.1)?),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    /// Weekends only: no holidays loaded.
    fn window(today: Date, handling: u8, min: u8, max: u8) -> Option<Window> {
        let none = Holidays::default();
        let cal = Calendar {
            holidays: &none,
            shop: None,
            to: None,
        };
        super::window(&cal, today, handling, (min, max))
    }

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
    fn public_holidays_and_the_cut_off_hour_move_the_promise() {
        let h = Holidays::load(2026..2028).expect("holidays");
        let sender = |cutoff| Sender {
            country: "IT",
            handling_days: 1,
            cutoff_hour: cutoff,
        };
        let es = CountryCode::ES;
        // Monday 1 June 2026, 10:00 in Rome: Tuesday 2 June is Italy's Festa della Repubblica, so the parcel
        // leaves on Wednesday 3 and reaches Spain 1 to 2 working days later.
        let w = for_order(
            datetime!(2026-06-01 08:00),
            sender(Some(14)),
            ((1, 2), es),
            &h,
        )
        .expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 06 - 04), date!(2026 - 06 - 05))
        );
        // At 15:00 in Rome, after the 14:00 cut-off: counted from Tuesday (a holiday), so from Wednesday.
        let w = for_order(
            datetime!(2026-06-01 13:00),
            sender(Some(14)),
            ((1, 2), es),
            &h,
        )
        .expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 06 - 05), date!(2026 - 06 - 08))
        );
        // Without a cut-off the whole day counts.
        let w =
            for_order(datetime!(2026-06-01 13:00), sender(None), ((1, 2), es), &h).expect("window");
        assert_eq!(w.from, date!(2026 - 06 - 04));
        // The destination's holiday: Monday 12 October 2026 is Spain's Fiesta Nacional, not Italy's.
        let w =
            for_order(datetime!(2026-10-08 08:00), sender(None), ((1, 2), es), &h).expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 10 - 13), date!(2026 - 10 - 14))
        );
        let de = CountryCode::parse("DE").expect("code");
        let w =
            for_order(datetime!(2026-10-08 08:00), sender(None), ((1, 2), de), &h).expect("window");
        assert_eq!(
            (w.from, w.to),
            (date!(2026 - 10 - 12), date!(2026 - 10 - 13))
        );
        // No transit days: it arrives the day it ships, unless that is a holiday where it goes. Shipped on
        // Monday 12 October (two handling days from Thursday), it reaches Spain on Tuesday 13, Germany on 12.
        let two = Sender {
            handling_days: 2,
            ..sender(None)
        };
        let w = for_order(datetime!(2026-10-08 08:00), two, ((0, 0), es), &h).expect("window");
        assert_eq!(w.from, date!(2026 - 10 - 13));
        let w = for_order(datetime!(2026-10-08 08:00), two, ((0, 0), de), &h).expect("window");
        assert_eq!(w.from, date!(2026 - 10 - 12));
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
    fn the_day_counts_in_the_shops_zone() {
        // 22:30 UTC on Friday 11 December is already Saturday in Moscow (UTC+3): a Russian shop that ships the
        // day an order arrives sends it on Monday; a Spanish one (23:30, still Friday) the same day.
        let h = Holidays::default();
        let at = datetime!(2026 - 12 - 11 22:30);
        let from = |country| Sender {
            country,
            handling_days: 0,
            cutoff_hour: None,
        };
        let w = for_order(at, from("RU"), ((0, 0), CountryCode::RU), &h).expect("window");
        assert_eq!(w.from, date!(2026 - 12 - 14));
        let w = for_order(at, from("ES"), ((0, 0), CountryCode::ES), &h).expect("window");
        assert_eq!(w.from, date!(2026 - 12 - 11));
    }
}
