//! Time zones: which zone a country's people live in, and a UTC instant as their wall-clock time (jiff's bundled
//! tz database, daylight saving included).

use time::PrimitiveDateTime;

use crate::geo::CountryCode;

/// The zone most of a country's people live in, for showing instants to shoppers shipping there and to shops
/// based there. Countries spanning several zones get their capital's (Russia: Moscow, Kazakhstan: Almaty, the
/// United States: New York); countries not listed, UTC.
pub fn of_country(cc: CountryCode) -> &'static str {
    match cc.as_str() {
        "RU" => "Europe/Moscow",
        "TR" => "Europe/Istanbul",
        "IT" => "Europe/Rome",
        "ES" => "Europe/Madrid",
        "KZ" => "Asia/Almaty",
        "BY" => "Europe/Minsk",
        "AZ" => "Asia/Baku",
        "UZ" => "Asia/Tashkent",
        "DE" => "Europe/Berlin",
        "FR" => "Europe/Paris",
        "PT" => "Europe/Lisbon",
        "NL" => "Europe/Amsterdam",
        "GB" => "Europe/London",
        "US" => "America/New_York",
        "PL" => "Europe/Warsaw",
        "GE" => "Asia/Tbilisi",
        "AM" => "Asia/Yerevan",
        _ => "UTC",
    }
}

/// The zones staff may read times in: UTC and every market's zone.
pub const CHOICES: [&str; 18] = [
    "UTC",
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Amsterdam",
    "Europe/Berlin",
    "Europe/Rome",
    "Europe/Warsaw",
    "Europe/Minsk",
    "Europe/Istanbul",
    "Europe/Moscow",
    "Asia/Tbilisi",
    "Asia/Yerevan",
    "Asia/Baku",
    "Asia/Tashkent",
    "Asia/Almaty",
    "America/New_York",
];

/// A zone by IANA name, from the bundled database.
pub fn zone(name: &str) -> Option<jiff::tz::TimeZone> {
    jiff::tz::TimeZone::get(name).ok()
}

pub(crate) fn to_primitive(ts: jiff::Timestamp) -> Option<PrimitiveDateTime> {
    let odt = time::OffsetDateTime::from_unix_timestamp(ts.as_second()).ok()?;
    Some(PrimitiveDateTime::new(odt.date(), odt.time()))
}

pub(crate) fn to_timestamp(at: PrimitiveDateTime) -> Option<jiff::Timestamp> {
    jiff::Timestamp::from_second(at.assume_utc().unix_timestamp()).ok()
}

/// The UTC instant `at` as the wall-clock time in `zone_name` (`None` for an unknown zone).
pub fn local(at: PrimitiveDateTime, zone_name: &str) -> Option<PrimitiveDateTime> {
    let (tz, ts) = (zone(zone_name)?, to_timestamp(at)?);
    let offset = tz.to_offset(ts).seconds();
    Some(at + time::Duration::seconds(i64::from(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn every_countrys_zone_is_a_choice() {
        // Campaigns for every market keep one window per zone of this list (`campaigns::model`).
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).expect("ascii");
                let cc = CountryCode::parse(&code).expect("code");
                assert!(CHOICES.contains(&of_country(cc)), "{code}");
            }
        }
    }

    #[test]
    fn wall_clock_follows_the_zone_and_daylight_saving() {
        // 09:50 UTC is 12:50 in Moscow (UTC+3 all year), 10:50 in Rome in winter and 11:50 in summer.
        let winter = datetime!(2026-12-05 9:50);
        assert_eq!(
            local(winter, "Europe/Moscow"),
            Some(datetime!(2026-12-05 12:50))
        );
        assert_eq!(
            local(winter, "Europe/Rome"),
            Some(datetime!(2026-12-05 10:50))
        );
        assert_eq!(
            local(datetime!(2026-07-05 9:50), "Europe/Rome"),
            Some(datetime!(2026-07-05 11:50))
        );
        assert_eq!(
            local(winter, "America/New_York"),
            Some(datetime!(2026-12-05 4:50))
        );
        assert_eq!(local(winter, "Nowhere/Else"), None);
        assert_eq!(of_country(CountryCode::RU), "Europe/Moscow");
        assert_eq!(of_country(CountryCode::US), "America/New_York");
    }
}
