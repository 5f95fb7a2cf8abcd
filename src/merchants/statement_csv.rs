//! The shop's statement for a period as CSV (from the payouts page): every ledger transaction with its date, kind
//! (code and the merchant's words), order, currency, what it means for the shop and the commission, amounts in
//! major units with a point. Text cells are neutralized against spreadsheet formulas.

use time::{Date, Duration, PrimitiveDateTime, Time};

use crate::error::{AppError, AppResult};
use crate::http::page::PageCtx;
use crate::money::{Currency, Money};
use crate::payments::ledger::StatementLine;

/// Longest period one file covers.
const MAX_DAYS: i64 = 366;

/// A period of whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// `[from 00:00, the day after to 00:00)` in UTC, as the ledger is stamped.
    pub fn bounds(&self) -> (PrimitiveDateTime, PrimitiveDateTime) {
        (
            PrimitiveDateTime::new(self.from, Time::MIDNIGHT),
            PrimitiveDateTime::new(self.to, Time::MIDNIGHT) + Duration::days(1),
        )
    }
}

fn day(s: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &format).ok()
}

/// What is wrong with a period a form asked for, by field (a Fluent message id each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodErrors {
    pub from: Option<&'static str>,
    pub to: Option<&'static str>,
}

impl PeriodErrors {
    /// A message on the end date.
    pub fn to(message: &'static str) -> Self {
        Self {
            from: None,
            to: Some(message),
        }
    }
}

/// The period a form asked for (ISO dates, as date inputs send them); empty ends default to this month so far.
/// Refused, field by field: a date that is not one, an end before the start, a period longer than a year.
pub fn period(from: &str, to: &str, today: Date) -> Result<Period, PeriodErrors> {
    let from_day = match from.trim() {
        "" => today.replace_day(1).ok(),
        s => day(s),
    };
    let to_day = match to.trim() {
        "" => Some(today),
        s => day(s),
    };
    let mut errors = PeriodErrors {
        from: from_day.is_none().then_some("payouts-error-date"),
        to: to_day.is_none().then_some("payouts-error-date"),
    };
    if let (Some(from), Some(to)) = (from_day, to_day) {
        if from > to {
            errors.to = Some("payouts-error-order");
        } else if (to - from).whole_days() >= MAX_DAYS {
            errors.to = Some("payouts-error-too-long");
        } else {
            return Ok(Period { from, to });
        }
    }
    Err(errors)
}

/// A statement's lines and the numbers of the orders they name.
pub type StatementFile = (Vec<StatementLine>, Vec<(i64, String)>);

/// A shop's statement lines for a period with its orders' numbers; `None` when there are more than `limit` (a
/// file would be cut short).
pub fn lines(
    conn: &mut crate::db::DbConnection,
    shop: i64,
    p: Period,
    limit: i64,
) -> AppResult<Option<StatementFile>> {
    let lines = crate::payments::ledger::statement_between(conn, shop, p.bounds(), limit + 1)?;
    if i64::try_from(lines.len()).unwrap_or(i64::MAX) > limit {
        return Ok(None);
    }
    let ids: Vec<i64> = lines.iter().filter_map(|s| s.order_id).collect();
    let numbers = crate::orders::card::numbers_of_shop(conn, shop, &ids)?;
    Ok(Some((lines, numbers)))
}

/// The statement lines as CSV; `numbers` maps order ids to their numbers.
pub fn csv(ctx: &PageCtx, lines: &[StatementLine], numbers: &[(i64, String)]) -> AppResult<String> {
    let fail = |e: csv::Error| AppError::internal(e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "date_utc",
        "kind",
        "description",
        "order",
        "currency",
        "to_shop",
        "commission",
    ])
    .map_err(fail)?;
    for s in lines {
        let cur = Currency::parse(&s.currency).unwrap_or(Currency::BASE);
        let order = s
            .order_id
            .and_then(|id| numbers.iter().find(|(o, _)| *o == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let label = ctx.t(&format!("ledger-kind-{}", s.kind));
        w.write_record([
            s.at.date().to_string(),
            s.kind.clone(),
            crate::csv_cell::neutralize(&label).into_owned(),
            order,
            s.currency.clone(),
            Money::new(s.to_shop, cur).plain_decimal(),
            Money::new(s.commission, cur).plain_decimal(),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| AppError::internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn periods_default_to_this_month_and_refuse_nonsense() {
        let today = date!(2026 - 12 - 06);
        assert_eq!(
            period("", "", today),
            Ok(Period {
                from: date!(2026 - 12 - 01),
                to: today
            })
        );
        assert_eq!(
            period("2026-11-01", "2026-11-30", today).map(|p| p.bounds().1.date()),
            Ok(date!(2026 - 12 - 01))
        );
        let to = |e| PeriodErrors {
            from: None,
            to: Some(e),
        };
        assert_eq!(
            period("2026-12-05", "2026-12-01", today),
            Err(to("payouts-error-order"))
        );
        assert_eq!(
            period("05.12.2026", "", today),
            Err(PeriodErrors {
                from: Some("payouts-error-date"),
                to: None
            })
        );
        assert_eq!(
            period("2024-01-01", "2026-01-01", today),
            Err(to("payouts-error-too-long"))
        );
    }
}
