//! Exchange rates: history, hand edits with sanity checks, CSV import, and keeping base prices in step.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::audit;
use crate::catalogue::model::RateRow;
use crate::catalogue::repo::rates_at;
use crate::db::schema::{exchange_rates, products};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::money::Currency;

/// Refused outright below 0.0001 or above 1,000,000 units per EUR (in micros).
pub const MIN_MICROS: i64 = 100;
pub const MAX_MICROS: i64 = 1_000_000_000_000;
/// A change larger than this (percent) needs explicit confirmation.
pub const CONFIRM_ABOVE_PERCENT: i64 = 20;

/// The rate in force for each currency, with when it took effect.
pub fn current(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
) -> QueryResult<Vec<(Currency, i64, PrimitiveDateTime)>> {
    let mut out: Vec<(Currency, i64, PrimitiveDateTime)> = Vec::new();
    for r in rates_at(conn, now)? {
        if let Some(c) = Currency::parse(&r.currency) {
            if !out.iter().any(|(x, _, _)| *x == c) {
                out.push((c, r.per_base_micros, r.effective_from));
            }
        }
    }
    out.sort_by_key(|(c, _, _)| *c);
    Ok(out)
}

pub fn history(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<RateRow>> {
    exchange_rates::table
        .order((
            exchange_rates::effective_from.desc(),
            exchange_rates::id.desc(),
        ))
        .limit(limit)
        .select(RateRow::as_select())
        .load(conn)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateProblem {
    /// The base currency is 1 by definition.
    Base,
    Absurd,
    /// Needs confirmation: (current, proposed).
    BigChange(i64, i64),
}

impl RateProblem {
    pub fn message_id(&self) -> &'static str {
        match self {
            RateProblem::Base => "staff-rate-base",
            RateProblem::Absurd => "staff-rate-absurd",
            RateProblem::BigChange(..) => "staff-rate-confirm",
        }
    }
}

/// Formats micros as a plain decimal (`98.5`), for audit details and CSV.
pub fn micros_str(m: i64) -> String {
    let s = format!("{}.{:06}", m / 1_000_000, m % 1_000_000);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn check(
    current: &[(Currency, i64, PrimitiveDateTime)],
    currency: Currency,
    micros: i64,
    confirmed: bool,
) -> Result<(), RateProblem> {
    if currency == Currency::BASE {
        return Err(RateProblem::Base);
    }
    if !(MIN_MICROS..=MAX_MICROS).contains(&micros) {
        return Err(RateProblem::Absurd);
    }
    if let Some((_, old, _)) = current.iter().find(|(c, _, _)| *c == currency) {
        let change = (i128::from(micros) - i128::from(*old)).abs() * 100;
        if change > i128::from(*old) * i128::from(CONFIRM_ABOVE_PERCENT) && !confirmed {
            return Err(RateProblem::BigChange(*old, micros));
        }
    }
    Ok(())
}

/// Recomputes the base-currency price used for sorting and price filters (rounded half up).
fn refresh_base_prices(
    conn: &mut DbConnection,
    currency: Currency,
    micros: i64,
) -> QueryResult<usize> {
    diesel::update(products::table.filter(products::currency.eq(currency.code())))
        .set(
            products::base_price_minor
                .eq((products::price_minor * 2_000_000_i64 + micros) / (micros * 2)),
        )
        .execute(conn)
}

fn insert(
    conn: &mut DbConnection,
    actor: i64,
    currency: Currency,
    micros: i64,
    from: PrimitiveDateTime,
    old: Option<i64>,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(exchange_rates::table)
        .values(&RateRow {
            currency: currency.code().to_string(),
            per_base_micros: micros,
            effective_from: from,
        })
        .execute(conn)?;
    if from <= now {
        refresh_base_prices(conn, currency, micros)?;
    }
    let detail = match old {
        Some(o) => format!("{} → {} (from {from})", micros_str(o), micros_str(micros)),
        None => format!("{} (from {from})", micros_str(micros)),
    };
    audit::record(conn, actor, "rate.set", currency.code(), &detail, now)
}

/// Sets a rate effective now, after the sanity checks.
pub fn set_rate(
    conn: &mut DbConnection,
    actor: i64,
    currency: Currency,
    micros: i64,
    confirmed: bool,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), RateProblem>> {
    crate::db::write_tx(conn, |c| {
        let cur = current(c, now)?;
        if let Err(p) = check(&cur, currency, micros, confirmed) {
            return Ok(Err(p));
        }
        let old = cur
            .iter()
            .find(|(x, _, _)| *x == currency)
            .map(|(_, m, _)| *m);
        insert(c, actor, currency, micros, now, old, now)?;
        Ok(Ok(()))
    })
}

/// One line of a CSV import that cannot be used: (line number, Fluent id).
pub type LineError = (usize, &'static str);

fn parse_instant(s: &str, now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return Some(now);
    }
    let rfc = time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(s, &rfc) {
        let u = t.to_offset(time::UtcOffset::UTC);
        return Some(PrimitiveDateTime::new(u.date(), u.time()));
    }
    let date = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, &date).ok().map(|d| d.midnight())
}

/// Imports `currency,rate,effective_from` lines (header optional, rate with a dot). All or nothing.
pub fn import_csv(
    conn: &mut DbConnection,
    actor: i64,
    text: &str,
    confirmed: bool,
    now: PrimitiveDateTime,
) -> AppResult<Result<usize, Vec<LineError>>> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate().take(10_000) {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() || (i == 0 && line.to_ascii_lowercase().starts_with("currency")) {
            continue;
        }
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        if cols.len() < 2 || cols.len() > 3 {
            errors.push((n, "staff-import-bad-line"));
            continue;
        }
        let Some(cur) = Currency::parse(cols[0]) else {
            errors.push((n, "staff-import-bad-currency"));
            continue;
        };
        let Some(micros) = crate::i18n::parse_decimal(cols[1], crate::i18n::Locale::En, 6) else {
            errors.push((n, "staff-import-bad-rate"));
            continue;
        };
        let Some(from) = parse_instant(cols.get(2).copied().unwrap_or(""), now) else {
            errors.push((n, "staff-import-bad-date"));
            continue;
        };
        rows.push((n, cur, micros, from));
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push((0, "staff-import-empty"));
    }
    crate::db::write_tx(conn, |c| {
        let cur = current(c, now)?;
        for (n, currency, micros, _) in &rows {
            if let Err(p) = check(&cur, *currency, *micros, confirmed) {
                errors.push((*n, p.message_id()));
            }
        }
        if !errors.is_empty() {
            errors.sort_unstable();
            return Ok(Err(errors));
        }
        for (_, currency, micros, from) in &rows {
            let old = cur
                .iter()
                .find(|(x, _, _)| x == currency)
                .map(|(_, m, _)| *m);
            insert(c, actor, *currency, *micros, *from, old, now)?;
        }
        audit::record(
            c,
            actor,
            "rate.import",
            "csv",
            &format!("{} rates", rows.len()),
            now,
        )?;
        Ok(Ok(rows.len()))
    })
}
