//! The destinations' VAT rules as stored (`tax_rules`): one row per change, the latest at or before an instant
//! in force, like exchange rates.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::rules::{Rule, Scheme};
use crate::db::schema::tax_rules;
use crate::db::DbConnection;
use crate::geo::CountryCode;
use crate::money::{Currency, Money};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = tax_rules)]
pub struct TaxRuleRow {
    pub country: String,
    pub scheme: String,
    pub standard_bp: i32,
    pub reduced_bp: Option<i32>,
    pub threshold_minor: Option<i64>,
    pub threshold_currency: Option<String>,
    pub effective_from: PrimitiveDateTime,
}

impl Scheme {
    /// The stored name (`eu`, `low_value`, `none`).
    pub fn code(self) -> &'static str {
        match self {
            Scheme::Eu => "eu",
            Scheme::LowValue => "low_value",
            Scheme::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Scheme::Eu, Scheme::LowValue, Scheme::None]
            .into_iter()
            .find(|x| x.code() == s)
    }
}

impl TaxRuleRow {
    /// The rule this row states (`None` for a row the table's constraints refuse, or an unknown currency).
    pub fn rule(&self) -> Option<Rule> {
        let threshold = match (self.threshold_minor, self.threshold_currency.as_deref()) {
            (Some(m), Some(c)) => Some(Money::new(m, Currency::parse(c)?)),
            (None, None) => None,
            _ => return None,
        };
        Some(Rule {
            country: CountryCode::parse(&self.country)?,
            scheme: Scheme::parse(&self.scheme)?,
            standard_bp: i64::from(self.standard_bp),
            reduced_bp: self.reduced_bp.map(i64::from),
            threshold,
        })
    }

    /// The row stating `rule` from `from`.
    pub fn of(rule: &Rule, from: PrimitiveDateTime) -> Option<Self> {
        Some(Self {
            country: rule.country.as_str().to_string(),
            scheme: rule.scheme.code().to_string(),
            standard_bp: i32::try_from(rule.standard_bp).ok()?,
            reduced_bp: match rule.reduced_bp {
                Some(r) => Some(i32::try_from(r).ok()?),
                None => None,
            },
            threshold_minor: rule.threshold.map(|t| t.minor),
            threshold_currency: rule.threshold.map(|t| t.currency.code().to_string()),
            effective_from: from,
        })
    }
}

/// The rule in force at `at` for each country that has one, by country code: its row with the latest
/// `effective_from` at or before `at`, the last inserted among rows of the same instant.
pub fn in_force(conn: &mut DbConnection, at: PrimitiveDateTime) -> QueryResult<Vec<TaxRuleRow>> {
    let rows: Vec<TaxRuleRow> = tax_rules::table
        .filter(tax_rules::effective_from.le(at))
        .order((
            tax_rules::country.asc(),
            tax_rules::effective_from.desc(),
            tax_rules::id.desc(),
        ))
        .select(TaxRuleRow::as_select())
        .load(conn)?;
    let mut latest: Vec<TaxRuleRow> = Vec::new();
    for row in rows {
        if latest.last().is_none_or(|l| l.country != row.country) {
            latest.push(row);
        }
    }
    Ok(latest)
}

/// The last `limit` rules set, newest first.
pub fn history(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<TaxRuleRow>> {
    tax_rules::table
        .order((tax_rules::effective_from.desc(), tax_rules::id.desc()))
        .limit(limit)
        .select(TaxRuleRow::as_select())
        .load(conn)
}

pub fn insert(conn: &mut DbConnection, row: &TaxRuleRow) -> QueryResult<usize> {
    diesel::insert_into(tax_rules::table)
        .values(row)
        .execute(conn)
}
