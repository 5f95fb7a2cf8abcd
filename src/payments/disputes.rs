//! Card disputes (chargebacks), followed from the provider's signed webhook events. A dispute opened on a payment
//! holds back the release of its orders' sales (buyer protection: the money stays with the marketplace while the
//! shopper's bank looks into it). Won, or closed as an inquiry, the held sales are released as usual; lost, the
//! bank has taken the money back, so each order's sale (and its release, if it was made) is reversed in one
//! `chargeback` posting. Events about one dispute may come late or twice: an older event never overwrites a newer
//! state, and a closed dispute never reopens.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::ledger::{self, Posting};
use super::refunds::{lines_of, reversed};
use super::webhook::DisputeFacts;
use crate::db::schema::{disputes, ledger_transactions, payments, refunds};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::Currency;

/// Where a dispute stands for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Under review by the bank (or an inquiry not yet closed): releases are held.
    Open,
    /// Decided for the shop, or an inquiry closed without a chargeback: releases go on.
    Won,
    /// Decided for the shopper: the money went back to the card.
    Lost,
}

impl Stage {
    /// Stripe's dispute statuses; any status we do not know keeps the money held.
    pub fn of(status: &str) -> Self {
        match status {
            "won" | "warning_closed" => Stage::Won,
            "lost" => Stage::Lost,
            _ => Stage::Open,
        }
    }

    /// The stage's name in message ids (`dispute-status-open`).
    pub fn key(self) -> &'static str {
        match self {
            Stage::Open => "open",
            Stage::Won => "won",
            Stage::Lost => "lost",
        }
    }

    fn word(self) -> &'static str {
        match self {
            Stage::Open => "dispute_open",
            Stage::Won => "dispute_won",
            Stage::Lost => "dispute_lost",
        }
    }
}

/// A dispute as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = disputes)]
pub struct DisputeRow {
    pub id: i64,
    pub payment_id: i64,
    pub provider_ref: String,
    pub status: String,
    pub reason: String,
    pub amount_minor: i64,
    pub currency: String,
    pub event_at: i64,
    pub released_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

/// Applies a dispute event (inside the webhook's transaction); the outcome word for the event log.
pub fn apply(
    conn: &mut DbConnection,
    dispute_ref: &str,
    facts: &DisputeFacts,
    event_at: i64,
    now: PrimitiveDateTime,
) -> AppResult<&'static str> {
    let Some((payment, token)) = payments::table
        .filter(payments::provider_ref.eq(&facts.payment_intent))
        .select((payments::id, payments::checkout_token))
        .first::<(i64, String)>(conn)
        .optional()?
    else {
        return Ok("unknown_payment");
    };
    let stage = Stage::of(&facts.status);
    let before: Option<DisputeRow> = disputes::table
        .filter(disputes::provider_ref.eq(dispute_ref))
        .select(DisputeRow::as_select())
        .first(conn)
        .optional()?;
    match &before {
        Some(d) if Stage::of(&d.status) != Stage::Open => return Ok("dispute_closed_before"),
        Some(d) if event_at < d.event_at => return Ok("dispute_stale"),
        Some(d) => {
            diesel::update(disputes::table.find(d.id))
                .set((
                    disputes::status.eq(&facts.status),
                    disputes::reason.eq(&facts.reason),
                    disputes::event_at.eq(event_at),
                    disputes::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(disputes::table)
                .values((
                    disputes::payment_id.eq(payment),
                    disputes::provider_ref.eq(dispute_ref),
                    disputes::status.eq(&facts.status),
                    disputes::reason.eq(&facts.reason),
                    disputes::amount_minor.eq(facts.amount_minor),
                    disputes::currency.eq(facts.currency.to_ascii_uppercase()),
                    disputes::event_at.eq(event_at),
                    disputes::created_at.eq(now),
                    disputes::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
    }
    let orders: Vec<i64> = crate::orders::card::orders_of_checkouts(conn, &[token])?
        .into_iter()
        .map(|o| o.1)
        .collect();
    let event = match (before.is_some(), stage) {
        (false, Stage::Open) => Some("dispute_opened"),
        (_, Stage::Won) => Some("dispute_won"),
        (_, Stage::Lost) => Some("dispute_lost"),
        (true, Stage::Open) => None,
    };
    for order in &orders {
        if stage == Stage::Lost {
            charge_back(conn, *order, payment, now)?;
        }
        if let Some(kind) = event {
            crate::orders::card::record_payment_event(conn, *order, kind, now)?;
        }
    }
    Ok(stage.word())
}

/// Reverses a sold order's sale, and its release if made, after a lost dispute (nothing for an order never sold
/// or already refunded: its sale was reversed then).
fn charge_back(
    conn: &mut DbConnection,
    order: i64,
    payment: i64,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    let refunded: i64 = refunds::table
        .filter(refunds::order_id.eq(order))
        .count()
        .get_result(conn)?;
    let Some((_, sale)) = lines_of(conn, &format!("sale:order:{order}"))? else {
        return Ok(());
    };
    if refunded > 0 {
        tracing::warn!(
            order,
            payment,
            "a refunded order was charged back too; the marketplace bears it"
        );
        return Ok(());
    }
    let mut lines = reversed(&sale);
    if let Some((_, release)) = lines_of(conn, &format!("release:order:{order}"))? {
        lines.extend(reversed(&release));
    }
    let (shop, currency): (i64, String) = ledger_transactions::table
        .filter(ledger_transactions::key.eq(format!("sale:order:{order}")))
        .select((
            ledger_transactions::merchant_id,
            ledger_transactions::currency,
        ))
        .first(conn)?;
    let posting = Posting {
        key: format!("chargeback:order:{order}"),
        kind: "chargeback",
        merchant_id: shop,
        order_id: Some(order),
        payment_id: Some(payment),
        currency: Currency::parse(&currency).ok_or_else(|| AppError::new(ErrorCode::Internal))?,
        lines,
    };
    ledger::post(conn, &posting, now)?;
    Ok(())
}

/// Whether an open or lost dispute holds back the release of this payment's sales.
pub fn holds(conn: &mut DbConnection, payment: i64) -> QueryResult<bool> {
    let statuses: Vec<String> = disputes::table
        .filter(disputes::payment_id.eq(payment))
        .select(disputes::status)
        .load(conn)?;
    Ok(statuses.iter().any(|s| Stage::of(s) != Stage::Won))
}

/// Disputes won or closed whose held releases are not made yet: (dispute, checkout).
pub fn closed_unreleased(conn: &mut DbConnection) -> QueryResult<Vec<(i64, String)>> {
    let rows: Vec<(i64, String, String)> = disputes::table
        .inner_join(payments::table)
        .filter(disputes::released_at.is_null())
        .select((disputes::id, disputes::status, payments::checkout_token))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, s, _)| Stage::of(s) == Stage::Won)
        .map(|(id, _, token)| (id, token))
        .collect())
}

/// Marks a closed dispute's held releases made.
pub fn mark_released(conn: &mut DbConnection, id: i64, now: PrimitiveDateTime) -> QueryResult<()> {
    diesel::update(disputes::table.find(id))
        .set(disputes::released_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// Open and lost disputes, newest first, with their payment's provider reference, for staff.
pub fn needing_attention(
    conn: &mut DbConnection,
    limit: i64,
) -> QueryResult<Vec<(DisputeRow, Option<String>)>> {
    let rows: Vec<(DisputeRow, Option<String>)> = disputes::table
        .inner_join(payments::table)
        .order(disputes::id.desc())
        .limit(limit * 4)
        .select((DisputeRow::as_select(), payments::provider_ref))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(d, _)| Stage::of(&d.status) != Stage::Won)
        .take(usize::try_from(limit).unwrap_or(0))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_won_or_closed_dispute_lets_money_go() {
        assert_eq!(Stage::of("needs_response"), Stage::Open);
        assert_eq!(Stage::of("warning_needs_response"), Stage::Open);
        assert_eq!(Stage::of("under_review"), Stage::Open);
        assert_eq!(Stage::of("something_new"), Stage::Open);
        assert_eq!(Stage::of("won"), Stage::Won);
        assert_eq!(Stage::of("warning_closed"), Stage::Won);
        assert_eq!(Stage::of("lost"), Stage::Lost);
    }
}
