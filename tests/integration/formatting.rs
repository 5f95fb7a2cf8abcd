use caravan::i18n::{I18n, Locale};
use caravan::money::{Currency, Money};

fn fmt(l: Locale, minor: i64, c: Currency) -> String {
    let i18n = I18n::load().expect("i18n");
    i18n.formatters.money(l, Money::new(minor, c))
}

#[test]
fn money_follows_cldr_for_each_locale() {
    assert_eq!(
        fmt(Locale::Ru, 123456789, Currency::Rub),
        "1\u{a0}234\u{a0}567,89\u{a0}₽"
    );
    assert_eq!(fmt(Locale::Tr, 123456789, Currency::Try), "₺1.234.567,89");
    assert_eq!(
        fmt(Locale::It, 123456789, Currency::Eur),
        "1.234.567,89\u{a0}€"
    );
    assert_eq!(
        fmt(Locale::Es, 123456789, Currency::Eur),
        "1.234.567,89\u{a0}€"
    );
    assert_eq!(fmt(Locale::En, 123456789, Currency::Usd), "$1,234,567.89");
    // Spanish and Italian do not group four-digit numbers.
    assert_eq!(fmt(Locale::Es, 199900, Currency::Eur), "1999,00\u{a0}€");
    assert_eq!(fmt(Locale::It, 199900, Currency::Eur), "1999,00\u{a0}€");
    assert_eq!(fmt(Locale::En, 199900, Currency::Eur), "€1,999.00");
    assert_eq!(fmt(Locale::En, 5, Currency::Gbp), "£0.05");
}

#[test]
fn every_locale_formats_every_currency() {
    let i18n = I18n::load().expect("i18n");
    for l in Locale::ALL {
        for c in Currency::ALL {
            let s = i18n.formatters.money(l, Money::new(100000, c));
            assert!(
                s.contains("1") && s.chars().any(|ch| !ch.is_ascii_digit()),
                "{l} {c}: {s}"
            );
        }
    }
}

#[test]
fn numbers_and_dates_are_localized() {
    let i18n = I18n::load().expect("i18n");
    assert_eq!(
        i18n.formatters.number(Locale::Ru, 1234567),
        "1\u{a0}234\u{a0}567"
    );
    assert_eq!(i18n.formatters.number(Locale::Tr, 1234567), "1.234.567");
    assert_eq!(i18n.formatters.number(Locale::Es, 1234), "1234");
    let d = time::macros::date!(2026 - 11 - 11);
    assert!(
        i18n.formatters.date(Locale::Ru, d).contains("нояб"),
        "{}",
        i18n.formatters.date(Locale::Ru, d)
    );
    assert!(
        i18n.formatters.date(Locale::Tr, d).contains("Kas"),
        "{}",
        i18n.formatters.date(Locale::Tr, d)
    );
    assert!(
        i18n.formatters.date(Locale::It, d).contains("nov"),
        "{}",
        i18n.formatters.date(Locale::It, d)
    );
    assert!(
        i18n.formatters.date(Locale::En, d).contains("Nov"),
        "{}",
        i18n.formatters.date(Locale::En, d)
    );
}
