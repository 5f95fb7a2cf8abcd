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

/// The period a form asked for (ISO dates, as date inputs send them); empty ends default to this month so far.
/// `None` when a date is not one, the end is before the start or the period is longer than a year.
pub fn period(from: &str, to: &str, today: Date) -> Option<Period> {
    let from = match from.trim() {
        "" => today.replace_day(1).ok()?,
        s => day(s)?,
    };
    let to = match to.trim() {
        "" => today,
        s => day(s)?,
    };
    (from <= to && (to - from).whole_days() < MAX_DAYS).then_some(Period { from, to })
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
            Some(Period {
                from: date!(2026 - 12 - 01),
                to: today
            })
        );
        assert_eq!(
            period("2026-11-01", "2026-11-30", today).map(|p| p.bounds().1.date()),
            Some(date!(2026 - 12 - 01))
        );
        assert_eq!(period("2026-12-05", "2026-12-01", today), None);
        assert_eq!(period("05.12.2026", "", today), None);
        assert_eq!(period("2024-01-01", "2026-01-01", today), None);
    }
}
