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
use crate::orders::card::Cancelled;
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

/// Records the refund of a cancelled order out of `payment` (once per order); whether it is new.
fn insert(
    conn: &mut DbConnection,
    payment: i64,
    o: &Cancelled,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let opened = diesel::sql_query(
        "INSERT INTO refunds (payment_id, order_id, merchant_id, amount_minor, currency, status, \
         next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $6) \
         ON CONFLICT (order_id) DO NOTHING",
    )
    .bind::<BigInt, _>(payment)
    .bind::<BigInt, _>(o.order)
    .bind::<BigInt, _>(o.shop)
    .bind::<BigInt, _>(o.total)
    .bind::<Text, _>(&o.currency)
    .bind::<Timestamp, _>(now)
    .execute(conn)?;
    Ok(opened > 0)
}

/// The reversal of a posting's lines (every amount negated).
pub(super) fn reversed(lines: &[(String, i64)]) -> Vec<Line> {
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
pub(super) type Posted = (i64, Vec<(String, i64)>);

/// A posted transaction's lines, by its key.
pub(super) fn lines_of(conn: &mut DbConnection, key: &str) -> QueryResult<Option<Posted>> {
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
        let Some(cancelled) = crate::orders::card::cancelled_card(c, order)? else {
            return Ok(false);
        };
        let shop = cancelled.shop;
        let opened = insert(c, payment, &cancelled, now)?;
        if !opened {
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
        crate::orders::card::record_payment_event(c, order, "refund_requested", now)?;
        Ok(true)
    })
}

/// The cancelled, never-paid orders (most recently cancelled first) whose totals make up `excess` of a payment in
/// `currency` exactly: the orders cancelled while their checkout was being paid. `None` when none do (staff look).
pub fn covering(cancelled: &[Cancelled], currency: &str, excess: i64) -> Option<Vec<Cancelled>> {
    let mut picked = Vec::new();
    let mut sum = 0i64;
    for c in cancelled {
        if sum >= excess {
            break;
        }
        if c.currency != currency {
            return None;
        }
        sum = sum.checked_add(c.total)?;
        picked.push(c.clone());
    }
    (sum == excess && excess > 0).then_some(picked)
}

/// Opens the refunds of orders cancelled while their checkout was being paid (inside the caller's transaction,
/// the one that settles the payment). Their sales were never posted, so the ledger has nothing to reverse.
pub fn open_unpaid(
    conn: &mut DbConnection,
    payment: i64,
    orders: &[Cancelled],
    now: PrimitiveDateTime,
) -> AppResult<()> {
    for o in orders {
        if insert(conn, payment, o, now)? {
            crate::orders::card::record_payment_event(conn, o.order, "refund_requested", now)?;
        }
    }
    Ok(())
}

/// Opens refunds for the cancellations since the last pass; how many.
pub fn open_new(conn: &mut DbConnection, now: PrimitiveDateTime) -> AppResult<usize> {
    let after = cursor(conn, CANCELLATIONS)?;
    let events = crate::orders::card::card_events_after(
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

/// Statuses of a refund still to be sent or followed: `pending` (opened), `sending` (claimed), `failed` (to be
/// retried), `processing` (sent; the provider has not finished it and is asked again later).
const OPEN: [&str; 4] = ["pending", "failed", "sending", "processing"];

/// Claims a due refund (a lease, so no other sender takes it meanwhile); `None` when another sender has it. A
/// processing refund stays processing: it is followed up, not sent again.
fn claim(
    conn: &mut DbConnection,
    id: i64,
    now: PrimitiveDateTime,
) -> QueryResult<Option<RefundRow>> {
    let Some(r) = refunds::table
        .find(id)
        .select(RefundRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let status = if r.status == "processing" {
        "processing"
    } else {
        "sending"
    };
    let won = diesel::update(
        refunds::table
            .find(id)
            .filter(refunds::status.eq(&r.status))
            .filter(refunds::next_attempt_at.eq(r.next_attempt_at))
            .filter(refunds::next_attempt_at.le(now)),
    )
    .set((
        refunds::status.eq(status),
        refunds::next_attempt_at.eq(now + LEASE),
        refunds::attempts.eq(refunds::attempts + 1),
        refunds::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok((won == 1).then(|| RefundRow {
        status: status.to_string(),
        attempts: r.attempts + 1,
        ..r
    }))
}

/// The wait before the next attempt after `attempts` failures.
pub use crate::clock::backoff;

/// The idempotency key of the next create call for a refund: the same key while a call's outcome is unknown (a
/// timeout, an unreachable provider), so a retry never refunds twice; a new one after the provider reported the
/// previous refund failed (`provider_ref` then names it), since that key would only return the failed refund.
pub fn key(r: &RefundRow) -> String {
    match &r.provider_ref {
        None => format!("caravan-refund-{}", r.id),
        Some(failed) => format!("caravan-refund-{}-after-{failed}", r.id),
    }
}

/// Where a refund stands after one attempt.
enum Outcome {
    Done(String),
    /// Sent; the provider has not finished it.
    Processing(String),
    /// The provider reports the refund failed: a new one is made next time.
    FailedAt(String),
    /// The call failed; its outcome is unknown or nothing happened (a failure code for staff).
    Error(&'static str),
}

fn outcome_of(sent: Result<super::provider::Refund, super::provider::ProviderError>) -> Outcome {
    match sent {
        Ok(r) if r.status == "succeeded" => Outcome::Done(r.id),
        Ok(r) if r.status == "pending" || r.status == "requires_action" => {
            Outcome::Processing(r.id)
        }
        Ok(r) => Outcome::FailedAt(r.id),
        Err(e) => {
            tracing::warn!(error = %e, "refund call failed");
            Outcome::Error(e.code())
        }
    }
}

/// Sends one claimed refund (or asks after a processing one) and records the outcome; whether it is through.
fn send(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    r: &RefundRow,
    now: PrimitiveDateTime,
) -> AppResult<bool> {
    let outcome = match (&r.status[..], &r.provider_ref) {
        ("processing", Some(id)) => match outcome_of(provider.retrieve_refund(id)) {
            Outcome::Error(_) => Outcome::Processing(id.clone()),
            o => o,
        },
        _ => {
            let payment: PaymentRow = payments::table
                .find(r.payment_id)
                .select(PaymentRow::as_select())
                .first(conn)?;
            let Some(intent) = payment.provider_ref.as_deref() else {
                return Err(AppError::internal(
                    "refund of a payment without a provider reference",
                ));
            };
            outcome_of(provider.refund(intent, r.amount_minor, &key(r)))
        }
    };
    let later = now + backoff(r.attempts);
    let (status, provider_ref, failure, next) = match &outcome {
        Outcome::Done(id) => ("succeeded", Some(id.clone()), "", now),
        Outcome::Processing(id) => ("processing", Some(id.clone()), "", later),
        Outcome::FailedAt(id) => ("failed", Some(id.clone()), "provider_failed", later),
        Outcome::Error(code) => ("failed", r.provider_ref.clone(), *code, later),
    };
    if status == "failed" {
        tracing::warn!(
            refund = r.id,
            order = r.order_id,
            failure,
            "refund failed; it will be retried"
        );
    }
    write_tx(conn, |c| {
        diesel::update(refunds::table.find(r.id))
            .set((
                refunds::status.eq(status),
                refunds::provider_ref.eq(&provider_ref),
                refunds::failure.eq(failure),
                refunds::next_attempt_at.eq(next),
                refunds::updated_at.eq(now),
            ))
            .execute(c)?;
        if status == "succeeded" {
            crate::orders::card::record_payment_event(c, r.order_id, "refunded", now)?;
            crate::orders::card::notify_refunded(c, r.order_id, now)?;
        }
        Ok(status == "succeeded")
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
        .filter(refunds::status.eq_any(OPEN))
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

    fn cancelled(order: i64, total: i64) -> Cancelled {
        Cancelled {
            order,
            shop: order * 10,
            total,
            currency: "KZT".into(),
        }
    }

    #[test]
    fn the_refunded_orders_are_the_latest_cancellations_that_make_up_the_difference_exactly() {
        // Most recently cancelled first: 3 was cancelled during the payment, 1 long before it.
        let list = [cancelled(3, 500), cancelled(2, 300), cancelled(1, 200)];
        let ids =
            |v: Option<Vec<Cancelled>>| v.map(|v| v.iter().map(|c| c.order).collect::<Vec<_>>());
        assert_eq!(ids(covering(&list, "KZT", 500)), Some(vec![3]));
        assert_eq!(ids(covering(&list, "KZT", 800)), Some(vec![3, 2]));
        assert_eq!(
            ids(covering(&list, "KZT", 600)),
            None,
            "no exact match: staff look"
        );
        assert_eq!(ids(covering(&list, "KZT", 0)), None);
        assert_eq!(
            ids(covering(&list, "EUR", 500)),
            None,
            "another currency is never refunded"
        );
        assert_eq!(ids(covering(&[], "KZT", 500)), None);
    }

    #[test]
    fn a_refund_keeps_its_key_until_the_provider_says_it_failed() {
        let now = time::macros::datetime!(2026-12-06 12:00);
        let mut r = RefundRow {
            id: 7,
            payment_id: 1,
            order_id: 2,
            merchant_id: 3,
            amount_minor: 100,
            currency: "KZT".into(),
            status: "failed".into(),
            provider_ref: None,
            failure: "timeout".into(),
            attempts: 1,
            next_attempt_at: now,
            created_at: now,
            updated_at: now,
        };
        assert_eq!(key(&r), "caravan-refund-7");
        r.provider_ref = Some("re_1".into());
        assert_eq!(key(&r), "caravan-refund-7-after-re_1");
    }
}
