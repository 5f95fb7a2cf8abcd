//! Refunds of card orders cancelled after they were paid. The order's cancellation (by the shop, or by the
//! shopper before shipping) is followed from its history: for each one whose sale is in the ledger, one refund
//! row is opened with the sale's reversal and a "refund requested" event on the order, all in one transaction.
//! Due refunds are then claimed one at a time (a lease, so two instances never send the same one at once), sent
//! to the provider for that order's part of the checkout's payment under the refund's own idempotency key, and on
//! failure retried with a growing wait; staff see the failed ones and may retry them at once.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use time::{Duration, PrimitiveDateTime};

use super::ledger::{self, Account, Line, Posting};
use super::model::PaymentRow;
use super::provider::PaymentProvider;
use crate::db::schema::{ledger_entries, ledger_transactions, payment_cursors, payments, refunds};
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::Currency;
use crate::orders::model::OrderStatus;

/// The cursor over order cancellations.
const CANCELLATIONS: &str = "cancellations";
/// Cancellations read per pass.
const BATCH: i64 = 200;
/// How old a cancellation must be before it is followed: the cursor only passes events older than this, so an
/// event whose transaction commits late (a lower id seen after a higher one) is not skipped.
pub const SETTLE: Duration = Duration::minutes(1);
/// How long a claimed refund is left to its sender before another may send it (same idempotency key).
const LEASE: Duration = Duration::minutes(10);

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = refunds)]
pub struct RefundRow {
    pub id: i64,
    pub payment_id: i64,
    pub order_id: i64,
    pub merchant_id: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub status: String,
    pub provider_ref: Option<String>,
    pub failure: String,
    pub attempts: i32,
    pub next_attempt_at: PrimitiveDateTime,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

/// Where the worker stands in a followed stream of order events.
pub fn cursor(conn: &mut DbConnection, name: &str) -> QueryResult<i64> {
    Ok(payment_cursors::table
        .find(name)
        .select(payment_cursors::position)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// Moves a cursor forward (never back: two instances may read the same events).
pub fn advance(conn: &mut DbConnection, name: &str, to: i64) -> QueryResult<()> {
    diesel::sql_query(
        "INSERT INTO payment_cursors (name, position) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET position = CASE WHEN excluded.position > payment_cursors.position \
         THEN excluded.position ELSE payment_cursors.position END",
    )
    .bind::<Text, _>(name)
    .bind::<BigInt, _>(to)
    .execute(conn)?;
    Ok(())
}

/// The reversal of a posting's lines (every amount negated).
fn reversed(lines: &[(String, i64)]) -> Vec<Line> {
    lines
        .iter()
        .filter_map(|(account, v)| {
            Account::parse(account).map(|account| Line {
                account,
                amount_minor: -v,
            })
        })
        .collect()
}

/// A posted transaction's payment and its lines (account, amount).
type Posted = (i64, Vec<(String, i64)>);

/// A posted transaction's lines, by its key.
fn lines_of(conn: &mut DbConnection, key: &str) -> QueryResult<Option<Posted>> {
    let Some((id, payment)) = ledger_transactions::table
        .filter(ledger_transactions::key.eq(key))
        .select((ledger_transactions::id, ledger_transactions::payment_id))
        .first::<(i64, Option<i64>)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let lines = ledger_entries::table
        .filter(ledger_entries::transaction_id.eq(id))
        .order(ledger_entries::id)
        .select((ledger_entries::account, ledger_entries::amount_minor))
        .load(conn)?;
    Ok(Some((payment.unwrap_or(0), lines)))
}

/// Opens the refund of one cancelled order, if it was paid by card and has none yet (one transaction: the refund
/// row, the sale's reversal in the ledger, the event on the order). Returns whether one was opened.
fn open(conn: &mut DbConnection, order: i64, now: PrimitiveDateTime) -> AppResult<bool> {
    write_tx(conn, |c| {
        let Some((payment, sale)) = lines_of(c, &format!("sale:order:{order}"))? else {
            return Ok(false); // never paid: nothing to give back
        };
        let Some((shop, _, total, currency)) =
            crate::orders::manage::cancelled_card_total(c, order)?
        else {
            return Ok(false);
        };
        let opened = diesel::sql_query(
            "INSERT INTO refunds (payment_id, order_id, merchant_id, amount_minor, currency, status, \
             next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $6) \
             ON CONFLICT (order_id) DO NOTHING",
        )
        .bind::<BigInt, _>(payment)
        .bind::<BigInt, _>(order)
        .bind::<BigInt, _>(shop)
        .bind::<BigInt, _>(total)
        .bind::<Text, _>(&currency)
        .bind::<Timestamp, _>(now)
        .execute(c)?;
        if opened == 0 {
            return Ok(false);
        }
        let sale_currency: String = ledger_transactions::table
            .filter(ledger_transactions::key.eq(format!("sale:order:{order}")))
            .select(ledger_transactions::currency)
            .first(c)?;
        let posting = Posting {
            key: format!("refund:order:{order}"),
            kind: "refund",
            merchant_id: shop,
            order_id: Some(order),
            payment_id: Some(payment),
            currency: Currency::parse(&sale_currency)
                .ok_or_else(|| AppError::new(ErrorCode::Internal))?,
            lines: reversed(&sale),
        };
        ledger::post(c, &posting, now)?;
        crate::orders::manage::record_payment_event(c, order, "refund_requested", now)?;
        Ok(true)
    })
}

/// Opens refunds for the cancellations since the last pass; how many.
pub fn open_new(conn: &mut DbConnection, now: PrimitiveDateTime) -> AppResult<usize> {
    let after = cursor(conn, CANCELLATIONS)?;
    let events = crate::orders::manage::card_events_after(
        conn,
        OrderStatus::Cancelled,
        after,
        now - SETTLE,
        BATCH,
    )?;
    let mut opened = 0;
    for (event, order) in &events {
        if open(conn, *order, now)? {
            opened += 1;
        }
        advance(conn, CANCELLATIONS, *event)?;
    }
    Ok(opened)
}

/// Claims a due refund for sending (pending, or failed and due again); `None` when another sender has it.
fn claim(
    conn: &mut DbConnection,
    id: i64,
    now: PrimitiveDateTime,
) -> QueryResult<Option<RefundRow>> {
    let won = diesel::update(
        refunds::table
            .find(id)
            .filter(refunds::status.eq_any(["pending", "failed", "sending"]))
            .filter(refunds::next_attempt_at.le(now)),
    )
    .set((
        refunds::status.eq("sending"),
        refunds::next_attempt_at.eq(now + LEASE),
        refunds::attempts.eq(refunds::attempts + 1),
        refunds::updated_at.eq(now),
    ))
    .execute(conn)?;
    if won == 0 {
        return Ok(None);
    }
    refunds::table
        .find(id)
        .select(RefundRow::as_select())
        .first(conn)
        .optional()
}

/// The wait before the next attempt after `attempts` failures: 1, 2, 4 … minutes, at most six hours.
pub fn backoff(attempts: i32) -> Duration {
    let minutes = 1i64 << attempts.clamp(1, 10).saturating_sub(1);
    Duration::minutes(minutes.min(360))
}

/// Sends one claimed refund and records the outcome.
fn send(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    r: &RefundRow,
    now: PrimitiveDateTime,
) -> AppResult<bool> {
    let payment: PaymentRow = payments::table
        .find(r.payment_id)
        .select(PaymentRow::as_select())
        .first(conn)?;
    let Some(intent) = payment.provider_ref.as_deref() else {
        return Err(AppError::internal(
            "refund of a payment without a provider reference",
        ));
    };
    let key = format!("caravan-refund-{}", r.id);
    let sent = provider.refund(intent, r.amount_minor, &key);
    write_tx(conn, |c| {
        match &sent {
            Ok(done) if done.status != "failed" => {
                diesel::update(refunds::table.find(r.id))
                    .set((
                        refunds::status.eq("succeeded"),
                        refunds::provider_ref.eq(&done.id),
                        refunds::failure.eq(""),
                        refunds::updated_at.eq(now),
                    ))
                    .execute(c)?;
                crate::orders::manage::record_payment_event(c, r.order_id, "refunded", now)?;
            }
            outcome => {
                let why = match outcome {
                    Ok(done) => format!("refund {} failed at the provider", done.id),
                    Err(e) => e.to_string(),
                };
                tracing::warn!(refund = r.id, order = r.order_id, %why, "refund failed; it will be retried");
                diesel::update(refunds::table.find(r.id))
                    .set((
                        refunds::status.eq("failed"),
                        refunds::failure.eq(why.chars().take(500).collect::<String>()),
                        refunds::next_attempt_at.eq(now + backoff(r.attempts)),
                        refunds::updated_at.eq(now),
                    ))
                    .execute(c)?;
            }
        }
        Ok(matches!(&sent, Ok(done) if done.status != "failed"))
    })
}

/// Sends the refunds that are due (at most `limit`); how many went through.
pub fn send_due(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    now: PrimitiveDateTime,
    limit: i64,
) -> AppResult<usize> {
    let due: Vec<i64> = refunds::table
        .filter(refunds::status.eq_any(["pending", "failed", "sending"]))
        .filter(refunds::next_attempt_at.le(now))
        .order(refunds::id)
        .limit(limit)
        .select(refunds::id)
        .load(conn)?;
    let mut sent = 0;
    for id in due {
        if let Some(r) = claim(conn, id, now)? {
            if send(conn, provider, &r, now)? {
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// Makes a failed refund due now (staff's "retry"); whether it was one.
pub fn retry_now(conn: &mut DbConnection, id: i64, now: PrimitiveDateTime) -> QueryResult<bool> {
    Ok(
        diesel::update(refunds::table.find(id).filter(refunds::status.eq("failed")))
            .set((
                refunds::next_attempt_at.eq(now),
                refunds::updated_at.eq(now),
            ))
            .execute(conn)?
            == 1,
    )
}

/// Refunds not yet through (failed first), for staff.
pub fn open_refunds(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<RefundRow>> {
    refunds::table
        .filter(refunds::status.ne("succeeded"))
        .order((refunds::status.asc(), refunds::id.desc()))
        .limit(limit)
        .select(RefundRow::as_select())
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_and_stops_at_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(4), Duration::minutes(8));
        assert_eq!(backoff(30), Duration::minutes(360));
        assert_eq!(backoff(0), Duration::minutes(1));
    }

    #[test]
    fn a_reversal_negates_every_line() {
        let lines = vec![
            ("provider_clearing".to_string(), 10_000),
            ("merchant_pending".to_string(), -9_000),
            ("platform_commission".to_string(), -1_000),
        ];
        let r = reversed(&lines);
        assert_eq!(r.len(), 3);
        assert!(ledger::balanced(&r));
        assert_eq!(r[1].amount_minor, 9_000);
    }
}
