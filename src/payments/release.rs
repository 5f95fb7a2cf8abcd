//! Buyer protection: a card sale stays pending until its order has been delivered for the protection window
//! (`CARAVAN_PROTECTION_DAYS`) and then becomes available to the shop — one `release` posting per order, keyed, so
//! a second pass or a second instance records it once. Deliveries are followed from the orders' history, oldest
//! first, only as far as the window allows. A payment under dispute holds its sales back until the dispute is won
//! or closed ([`super::disputes`]).

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use super::ledger::{self, Account, Line, Posting};
use super::refunds::{advance, cursor};
use crate::db::schema::{ledger_entries, ledger_transactions, refunds};
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::Currency;
use crate::orders::model::OrderStatus;

const DELIVERIES: &str = "deliveries";
const BATCH: i64 = 200;

/// What the shop was credited as pending by an order's sale: (shop, payment, currency, amount).
type Pending = (i64, Option<i64>, String, i64);

fn pending_of(conn: &mut DbConnection, order: i64) -> QueryResult<Option<Pending>> {
    let Some((id, shop, payment, currency)) = ledger_transactions::table
        .filter(ledger_transactions::key.eq(format!("sale:order:{order}")))
        .select((
            ledger_transactions::id,
            ledger_transactions::merchant_id,
            ledger_transactions::payment_id,
            ledger_transactions::currency,
        ))
        .first::<(i64, i64, Option<i64>, String)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let credited: Vec<i64> = ledger_entries::table
        .filter(ledger_entries::transaction_id.eq(id))
        .filter(ledger_entries::account.eq(Account::MerchantPending.as_str()))
        .select(ledger_entries::amount_minor)
        .load(conn)?;
    Ok(Some((
        shop,
        payment,
        currency,
        -credited.iter().sum::<i64>(),
    )))
}

/// Makes one delivered order's sale available, unless it was refunded; whether it did.
fn release(conn: &mut DbConnection, order: i64, now: PrimitiveDateTime) -> AppResult<bool> {
    write_tx(conn, |c| {
        let refunded: i64 = refunds::table
            .filter(refunds::order_id.eq(order))
            .count()
            .get_result(c)?;
        let Some((shop, payment, currency, amount)) = pending_of(c, order)? else {
            return Ok(false);
        };
        if refunded > 0 || amount <= 0 {
            return Ok(false);
        }
        if let Some(p) = payment {
            if super::disputes::holds(c, p)? {
                // Held while the shopper's bank looks into it; released when the dispute is won or closed.
                return Ok(false);
            }
        }
        let posting = Posting {
            key: format!("release:order:{order}"),
            kind: "release",
            merchant_id: shop,
            order_id: Some(order),
            payment_id: payment,
            currency: Currency::parse(&currency)
                .ok_or_else(|| AppError::new(ErrorCode::Internal))?,
            lines: vec![
                Line {
                    account: Account::MerchantPending,
                    amount_minor: amount,
                },
                Line {
                    account: Account::MerchantAvailable,
                    amount_minor: -amount,
                },
            ],
        };
        Ok(ledger::post(c, &posting, now)? != ledger::Posted::Already)
    })
}

/// Releases the sales of card orders delivered at least `window` ago; how many.
pub fn release_due(
    conn: &mut DbConnection,
    window: Duration,
    now: PrimitiveDateTime,
) -> AppResult<usize> {
    let after = cursor(conn, DELIVERIES)?;
    let events = crate::orders::card::card_events_after(
        conn,
        OrderStatus::Delivered,
        after,
        now - window,
        BATCH,
    )?;
    let mut released = 0;
    for (event, order) in &events {
        if release(conn, *order, now)? {
            released += 1;
        }
        advance(conn, DELIVERIES, *event)?;
    }
    Ok(released)
}

/// Releases the sales a dispute held back, once it is won or closed: its payment's orders delivered at least
/// `window` ago (later deliveries are still ahead of the deliveries cursor); how many.
pub fn release_after_disputes(
    conn: &mut DbConnection,
    window: Duration,
    now: PrimitiveDateTime,
) -> AppResult<usize> {
    let mut released = 0;
    for (dispute, token) in super::disputes::closed_unreleased(conn)? {
        for order in crate::orders::card::delivered_before(conn, &token, now - window)? {
            if release(conn, order, now)? {
                released += 1;
            }
        }
        super::disputes::mark_released(conn, dispute, now)?;
    }
    Ok(released)
}
