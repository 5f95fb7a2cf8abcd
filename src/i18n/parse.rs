/// Parses a user-typed amount in major units into minor units, accepting the conventions people type in our
/// locales: `25`, `25.5`, `25,50`, `1 299,50`, `1.299,50`, `1,299.50`. `None` for anything else.
pub fn parse_major_amount(input: &str, minor_digits: u8) -> Option<i64> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if cleaned.is_empty() || cleaned.len() > 24 {
        return None;
    }
    // The last '.' or ',' is the decimal separator when 1..=minor_digits digits follow and it is not also used
    // earlier (then it groups thousands).
    let (int_part, frac_part) = match cleaned.rfind(['.', ',']) {
        Some(i) => {
            let sep = &cleaned[i..i + 1];
            let frac = &cleaned[i + 1..];
            if !frac.is_empty()
                && frac.len() <= usize::from(minor_digits)
                && !cleaned[..i].contains(sep)
            {
                (&cleaned[..i], frac)
            } else {
                (cleaned.as_str(), "")
            }
        }
        None => (cleaned.as_str(), ""),
    };
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    let grouped_ok = groups.iter().enumerate().all(|(i, g)| {
        g.chars().all(|c| c.is_ascii_digit()) && if i == 0 { !g.is_empty() } else { g.len() == 3 }
    });
    if !grouped_ok || !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let major: i64 = groups.concat().parse().ok()?;
    let mut frac = frac_part.to_string();
    while frac.len() < usize::from(minor_digits) {
        frac.push('0');
    }
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    major
        .checked_mul(10_i64.pow(u32::from(minor_digits)))?
        .checked_add(frac)
}

/// Parses a decimal typed in `locale`'s own format into an integer scaled by 10^`frac` (e.g. rates in
/// millionths): en `1,234.5`; ru `1 234,5` (also `98.5`); tr, it, es `1.234,5`. Strict grouping; `None` otherwise.
pub fn parse_decimal(input: &str, locale: super::Locale, frac: u8) -> Option<i64> {
    use super::Locale;
    let mut s: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (group, dec) = match locale {
        Locale::En => (Some(','), '.'),
        Locale::Ru => (None, ','),
        Locale::Tr | Locale::It | Locale::Es => (Some('.'), ','),
    };
    if locale == Locale::Ru && !s.contains(',') && s.matches('.').count() == 1 {
        s = s.replace('.', ",");
    }
    if s.is_empty() || s.len() > 32 || s.matches(dec).count() > 1 {
        return None;
    }
    let (int_part, frac_part) = s.split_once(dec).unwrap_or((&s, ""));
    let groups: Vec<&str> = match group {
        Some(g) => int_part.split(g).collect(),
        None => vec![int_part],
    };
    let ok = groups.iter().enumerate().all(|(i, g)| {
        g.chars().all(|c| c.is_ascii_digit())
            && if i == 0 {
                !g.is_empty() && g.len() <= 3 || groups.len() == 1
            } else {
                g.len() == 3
            }
    });
    if !ok || frac_part.len() > usize::from(frac) || !frac_part.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = groups.concat().parse().ok()?;
    let mut f = frac_part.to_string();
    while f.len() < usize::from(frac) {
        f.push('0');
    }
    let f: i64 = if f.is_empty() { 0 } else { f.parse().ok()? };
    whole
        .checked_mul(10_i64.pow(u32::from(frac)))?
        .checked_add(f)
}

#[cfg(test)]
mod tests {
    use super::parse_major_amount as p;

    #[test]
    fn parses_decimals_per_locale() {
        use super::parse_decimal as d;
        use crate::i18n::Locale::*;
        assert_eq!(d("98.5", En, 6), Some(98_500_000));
        assert_eq!(d("1,234.5", En, 6), Some(1_234_500_000));
        assert_eq!(d("98,5", Ru, 6), Some(98_500_000));
        assert_eq!(d("98.5", Ru, 6), Some(98_500_000));
        assert_eq!(d("1 234,5", Ru, 6), Some(1_234_500_000));
        assert_eq!(d("1\u{a0}234,5", Ru, 6), Some(1_234_500_000));
        assert_eq!(d("45,2", Tr, 6), Some(45_200_000));
        assert_eq!(d("1.234,5", It, 6), Some(1_234_500_000));
        assert_eq!(d("0,86", Es, 6), Some(860_000));
        assert_eq!(d("98,5", En, 6), None);
        assert_eq!(d("1.2.3", It, 6), None);
        assert_eq!(d("abc", Es, 6), None);
        assert_eq!(d("-1", En, 6), None);
        assert_eq!(d("1,0000001", Ru, 6), None);
    }

    #[test]
    fn parses_locale_amounts() {
        assert_eq!(p("25", 2), Some(2500));
        assert_eq!(p("25.5", 2), Some(2550));
        assert_eq!(p("25,50", 2), Some(2550));
        assert_eq!(p("1 299,50", 2), Some(129950));
        assert_eq!(p("1.299,50", 2), Some(129950));
        assert_eq!(p("1,299.50", 2), Some(129950));
        assert_eq!(p("1.299", 2), Some(129900));
        assert_eq!(p("abc", 2), None);
        assert_eq!(p("-5", 2), None);
        assert_eq!(p("", 2), None);
        assert_eq!(p("1.2.3,4,5", 2), None);
        assert_eq!(p("99999999999999999999", 2), None);
    }
}
