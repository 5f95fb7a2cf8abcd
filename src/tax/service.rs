//! Staff keep each destination's VAT rule: a change takes effect now, earlier rules stay in the history (orders
//! keep the rule they were placed under), and every change is audited.

use time::PrimitiveDateTime;

use super::repo::{self, TaxRuleRow};
use super::rules::{in_eu, Rule, Scheme, WHOLE};
use crate::audit;
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::i18n::{parse_decimal, Locale};
use crate::money::{Currency, Money};

/// A rule as typed in the staff form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct Draft {
    pub country: String,
    pub scheme: String,
    /// Percent, in the staff member's number format ("19", "5,5").
    pub standard: String,
    /// Empty when the country has no reduced rate.
    pub reduced: String,
    /// In `currency`'s major units; needed by the `eu` and `low_value` schemes.
    pub threshold: String,
    pub currency: String,
}

/// (field, Fluent id) of each problem with a draft.
pub type Problems = Vec<(&'static str, &'static str)>;

fn rate(typed: &str, l: Locale) -> Option<i64> {
    parse_decimal(typed, l, 2).filter(|bp| (0..=WHOLE).contains(bp))
}

/// The rule a draft states, or what is wrong with it. `known` tells a country code from two random letters
/// (CLDR names it).
pub fn check(d: &Draft, l: Locale, known: impl Fn(CountryCode) -> bool) -> Result<Rule, Problems> {
    let mut problems = Problems::new();
    let country = CountryCode::parse(&d.country).filter(|c| known(*c));
    if country.is_none() {
        problems.push(("country", "tax-error-country"));
    }
    let scheme = Scheme::parse(&d.scheme);
    if scheme.is_none() {
        problems.push(("scheme", "form-invalid-choice"));
    }
    let standard = rate(&d.standard, l);
    if standard.is_none() {
        problems.push(("standard", "tax-error-rate"));
    }
    let reduced = match d.reduced.trim() {
        "" => Some(None),
        typed => rate(typed, l).map(Some),
    };
    if reduced.is_none() {
        problems.push(("reduced", "tax-error-rate"));
    }
    let threshold = match scheme {
        Some(Scheme::Eu | Scheme::LowValue) => Currency::parse(&d.currency).and_then(|c| {
            let minor = parse_decimal(&d.threshold, l, c.minor_digits())?;
            (minor > 0).then(|| Some(Money::new(minor, c)))
        }),
        _ => Some(None),
    };
    if threshold.is_none() {
        problems.push(("threshold", "tax-error-threshold"));
    }
    match (country, scheme, standard, reduced, threshold) {
        (Some(country), Some(scheme), Some(standard_bp), Some(reduced_bp), Some(threshold)) => {
            let rule = Rule {
                country,
                scheme,
                standard_bp,
                reduced_bp,
                threshold,
            };
            let problems = inconsistencies(&rule);
            if problems.is_empty() {
                Ok(rule)
            } else {
                Err(problems)
            }
        }
        _ => Err(problems),
    }
}

/// What makes a well-formed rule impossible: a reduced rate above the standard one, the EU scheme outside
/// the EU (or another scheme inside it: goods move freely within its customs union), an EU threshold not in
/// euros (the law sets €150).
fn inconsistencies(r: &Rule) -> Problems {
    let mut problems = Problems::new();
    if r.reduced_bp.is_some_and(|x| x > r.standard_bp) {
        problems.push(("reduced", "tax-error-reduced-above"));
    }
    if (r.scheme == Scheme::Eu) != in_eu(r.country) {
        problems.push(("scheme", "tax-error-scheme-eu"));
    }
    if r.scheme == Scheme::Eu && r.threshold.is_some_and(|t| t.currency != Currency::Eur) {
        problems.push(("currency", "tax-error-eu-currency"));
    }
    problems
}

/// Whether `c` is a country or territory CLDR names (see [`crate::geo::is_country`]).
pub fn known_country(f: &crate::i18n::Formatters, c: CountryCode) -> bool {
    crate::geo::is_country(c) && f.country(Locale::En, c).is_some()
}

fn describe(r: &Rule) -> String {
    let threshold = r
        .threshold
        .map(|t| format!(" ≤ {} {}", t.plain_decimal(), t.currency.code()))
        .unwrap_or_default();
    let reduced = r.reduced_bp.map(|b| format!(" / {b}")).unwrap_or_default();
    format!(
        "{} {}{reduced} bp{threshold}",
        r.scheme.code(),
        r.standard_bp
    )
}

/// The rules in force at `at`, one per country that has one.
pub fn rules_at(conn: &mut DbConnection, at: PrimitiveDateTime) -> AppResult<Vec<Rule>> {
    Ok(repo::in_force(conn, at)?
        .iter()
        .filter_map(TaxRuleRow::rule)
        .collect())
}

/// The book for pricing at `at`: the rules in force, with these shops' settings (id, home, prices include VAT).
pub fn book_at(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
    shops: impl IntoIterator<Item = (i64, CountryCode, bool)>,
) -> AppResult<super::book::TaxBook> {
    Ok(super::book::TaxBook::new(rules_at(conn, at)?, shops))
}

/// Puts `rule` in force from `now` and records the change in the audit log.
pub fn set(
    conn: &mut DbConnection,
    actor: i64,
    rule: &Rule,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    let row =
        TaxRuleRow::of(rule, now).ok_or_else(|| AppError::internal("tax rule out of range"))?;
    write_tx(conn, |c| {
        let old = repo::in_force(c, now)?
            .into_iter()
            .find(|r| r.country == row.country)
            .and_then(|r| r.rule());
        repo::insert(c, &row)?;
        let detail = match old {
            Some(o) => format!("{} → {}", describe(&o), describe(rule)),
            None => describe(rule),
        };
        audit::record(c, actor, "tax.set", rule.country.as_str(), &detail, now)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(country: &str, scheme: &str, standard: &str, reduced: &str, threshold: &str) -> Draft {
        Draft {
            country: country.into(),
            scheme: scheme.into(),
            standard: standard.into(),
            reduced: reduced.into(),
            threshold: threshold.into(),
            currency: "EUR".into(),
        }
    }

    #[test]
    fn drafts_become_rules_or_say_what_is_wrong() {
        let any = |_| true;
        let r = check(&draft("de", "eu", "19", "7", "150"), Locale::En, any).expect("valid");
        assert_eq!(r.standard_bp, 1900);
        assert_eq!(r.reduced_bp, Some(700));
        assert_eq!(r.threshold, Some(Money::new(15000, Currency::Eur)));
        let r = check(&draft("FI", "eu", "25,5", "13,5", "150"), Locale::Ru, any).expect("valid");
        assert_eq!((r.standard_bp, r.reduced_bp), (2550, Some(1350)));
        let r = check(&draft("CL", "none", "19", "", ""), Locale::Es, any).expect("valid");
        assert_eq!((r.reduced_bp, r.threshold), (None, None));
        let bad =
            check(&draft("XX", "vat", "101", "x", ""), Locale::En, |_| false).expect_err("invalid");
        assert_eq!(
            bad,
            vec![
                ("country", "tax-error-country"),
                ("scheme", "form-invalid-choice"),
                ("standard", "tax-error-rate"),
                ("reduced", "tax-error-rate"),
            ]
        );
        let no_threshold = check(&draft("GB", "low_value", "20", "5", "0"), Locale::En, any);
        assert_eq!(
            no_threshold,
            Err(vec![("threshold", "tax-error-threshold")])
        );
        // Well formed but impossible.
        let odd = check(&draft("US", "eu", "10", "12", "150"), Locale::En, any);
        assert_eq!(
            odd,
            Err(vec![
                ("reduced", "tax-error-reduced-above"),
                ("scheme", "tax-error-scheme-eu")
            ])
        );
        let outside = check(&draft("DE", "none", "19", "7", ""), Locale::En, any);
        assert_eq!(outside, Err(vec![("scheme", "tax-error-scheme-eu")]));
        let mut pounds = draft("FR", "eu", "20", "5,5", "150");
        pounds.currency = "GBP".into();
        let pounds = check(&pounds, Locale::Ru, any);
        assert_eq!(pounds, Err(vec![("currency", "tax-error-eu-currency")]));
    }
}
