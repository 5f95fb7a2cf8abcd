//! Campaign instants: staff type local date-times in a chosen IANA time zone (daylight saving included);
//! they are stored as UTC and shown in a zone again. Time left is worded with localized plurals.

use time::PrimitiveDateTime;

use crate::i18n::{Arg, Locale, Translator};

/// Time zones offered on the campaign form.
pub const ZONES: [&str; 11] = [
    "UTC",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Europe/Rome",
    "Europe/Madrid",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/London",
    "Europe/Warsaw",
    "Asia/Almaty",
    "America/New_York",
];

/// The zone a locale's shoppers and staff most likely live in (shown times use it).
pub fn default_zone(l: Locale) -> &'static str {
    match l {
        Locale::Ru => "Europe/Moscow",
        Locale::Tr => "Europe/Istanbul",
        Locale::It => "Europe/Rome",
        Locale::Es => "Europe/Madrid",
        Locale::En => "UTC",
    }
}

fn zone(name: &str) -> Option<jiff::tz::TimeZone> {
    ZONES
        .contains(&name)
        .then(|| crate::zones::zone(name))
        .flatten()
}

use crate::zones::{to_primitive, to_timestamp};

/// `2026-11-11T00:00` typed in `zone_name` → the UTC instant. A local time skipped by a clock change moves
/// forward (jiff's "compatible" rule).
pub fn local_to_utc(input: &str, zone_name: &str) -> Option<PrimitiveDateTime> {
    let tz = zone(zone_name)?;
    let dt: jiff::civil::DateTime = input.trim().parse().ok()?;
    let zoned = dt.to_zoned_datetime(tz).ok()?;
    to_primitive(zoned.timestamp())
}

/// `2026-11-27T00:00` as a wall-clock time in any zone (a market's) → the UTC instant, by the same rule.
pub fn local_in_zone(input: &str, zone_name: &str) -> Option<PrimitiveDateTime> {
    let tz = crate::zones::zone(zone_name)?;
    let dt: jiff::civil::DateTime = input.trim().parse().ok()?;
    to_primitive(dt.to_zoned_datetime(tz).ok()?.timestamp())
}

/// The UTC instant as a `datetime-local` value in any zone (a staff member's own).
pub fn input_in_zone(at: PrimitiveDateTime, zone_name: &str) -> String {
    match (crate::zones::zone(zone_name), to_timestamp(at)) {
        (Some(tz), Some(ts)) => ts
            .to_zoned_datetime(tz)
            .datetime()
            .strftime("%Y-%m-%dT%H:%M")
            .to_string(),
        _ => String::new(),
    }
}

/// The UTC instant as a `datetime-local` value in `zone_name`.
pub fn utc_to_local_input(at: PrimitiveDateTime, zone_name: &str) -> String {
    match (zone(zone_name), to_timestamp(at)) {
        (Some(tz), Some(ts)) => ts
            .to_zoned_datetime(tz)
            .datetime()
            .strftime("%Y-%m-%dT%H:%M")
            .to_string(),
        _ => String::new(),
    }
}

/// An instant for staff, who chose the campaign's zone: the wall-clock time there in the locale's CLDR date-time
/// pattern, and the zone's CLDR name (`11 нояб. 2026 г., 00:00 (Москва)`).
pub fn show(tr: &Translator, at: PrimitiveDateTime, zone_name: &str) -> String {
    let time = show_local(tr, at, zone_name);
    tr.t_args(
        "time-in-zone",
        &[
            ("time", Arg::Str(&time)),
            (
                "zone",
                Arg::Str(&tr.i18n().formatters.zone_name(tr.locale(), zone_name)),
            ),
        ],
    )
}

/// An instant for a shopper: the wall-clock time in their zone (their market's), in the locale's CLDR date-time
/// pattern, with no zone shown (`12 нояб. 2026 г., 00:00`).
pub fn show_local(tr: &Translator, at: PrimitiveDateTime, zone_name: &str) -> String {
    let local = crate::zones::local(at, zone_name).unwrap_or(at);
    tr.i18n().formatters.date_time(tr.locale(), local)
}

/// "2 days 4 hours", "3 hours 10 minutes", "5 minutes" from `now` until `end` (at least one minute).
pub fn time_left(tr: &Translator, now: PrimitiveDateTime, end: PrimitiveDateTime) -> String {
    let secs = (end - now).whole_seconds().max(60);
    let (days, hours, minutes) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    let part = |id: &str, n: i64| tr.t_count(id, n);
    let text = if days > 0 {
        if hours > 0 {
            format!(
                "{} {}",
                part("duration-days", days),
                part("duration-hours", hours)
            )
        } else {
            part("duration-days", days)
        }
    } else if hours > 0 {
        if minutes > 0 {
            format!(
                "{} {}",
                part("duration-hours", hours),
                part("duration-minutes", minutes)
            )
        } else {
            part("duration-hours", hours)
        }
    } else {
        part("duration-minutes", minutes.max(1))
    };
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn local_times_follow_the_zone_and_daylight_saving() {
        // Istanbul is UTC+3 all year.
        assert_eq!(
            local_to_utc("2026-11-11T00:00", "Europe/Istanbul"),
            Some(datetime!(2026-11-10 21:00))
        );
        // Rome: UTC+1 in November, UTC+2 in July.
        assert_eq!(
            local_to_utc("2026-11-27T00:00", "Europe/Rome"),
            Some(datetime!(2026-11-26 23:00))
        );
        assert_eq!(
            local_to_utc("2026-07-01T00:00", "Europe/Rome"),
            Some(datetime!(2026-06-30 22:00))
        );
        assert_eq!(
            utc_to_local_input(datetime!(2026-11-10 21:00), "Europe/Moscow"),
            "2026-11-11T00:00"
        );
        assert_eq!(local_to_utc("2026-11-11T00:00", "Mars/Olympus"), None);
        assert_eq!(local_to_utc("11/11/2026", "UTC"), None);
    }
}
