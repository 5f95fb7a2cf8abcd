//! What staff look up about payments: a payment by its provider reference, by one of its orders' numbers or by a
//! shop's name (or the latest ones), each with its orders and refunds; and webhook events that found no payment of
//! ours or a different amount (worth a look).

use diesel::prelude::*;

use super::model::PaymentRow;
use super::refunds::RefundRow;
use crate::db::schema::{payment_events, payments, refunds};
use crate::db::DbConnection;

/// A payment with its orders (order, number, shop, status) and refunds.
pub struct PaymentLine {
    pub payment: PaymentRow,
    pub orders: Vec<(i64, String, i64, String)>,
    pub refunds: Vec<RefundRow>,
}

/// Payments matching `q` (a `pi_…` reference, an order number, part of a shop's name; empty: the latest).
pub fn find(conn: &mut DbConnection, q: &str, limit: i64) -> QueryResult<Vec<PaymentLine>> {
    let q = q.trim();
    let base = payments::table
        .order(payments::id.desc())
        .limit(limit)
        .select(PaymentRow::as_select());
    let found: Vec<PaymentRow> = if q.is_empty() {
        base.load(conn)?
    } else if q.starts_with("pi_") {
        base.filter(payments::provider_ref.eq(q)).load(conn)?
    } else {
        let number = q.to_uppercase();
        let mut tokens = crate::orders::card::checkout_tokens(conn, Some(&number), &[], limit)?;
        if tokens.is_empty() {
            let needle = q.to_lowercase();
            let shops: Vec<i64> = crate::shops::repo::approved_names(conn)?
                .into_iter()
                .filter(|(_, name)| name.to_lowercase().contains(&needle))
                .map(|(id, _)| id)
                .collect();
            tokens = crate::orders::card::checkout_tokens(conn, None, &shops, limit)?;
        }
        base.filter(payments::checkout_token.eq_any(&tokens))
            .load(conn)?
    };
    let tokens: Vec<String> = found.iter().map(|p| p.checkout_token.clone()).collect();
    let orders = crate::orders::card::orders_of_checkouts(conn, &tokens)?;
    let ids: Vec<i64> = found.iter().map(|p| p.id).collect();
    let all_refunds: Vec<RefundRow> = refunds::table
        .filter(refunds::payment_id.eq_any(&ids))
        .order(refunds::id)
        .select(RefundRow::as_select())
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(|payment| PaymentLine {
            orders: orders
                .iter()
                .filter(|o| o.0 == payment.checkout_token)
                .map(|(_, id, n, s, st)| (*id, n.clone(), *s, st.clone()))
                .collect(),
            refunds: all_refunds
                .iter()
                .filter(|r| r.payment_id == payment.id)
                .cloned()
                .collect(),
            payment,
        })
        .collect())
}

/// Webhook events about payments that are not ours or did not match (event, kind, outcome, when), newest first.
pub fn odd_events(
    conn: &mut DbConnection,
    limit: i64,
) -> QueryResult<Vec<(String, String, String, time::PrimitiveDateTime)>> {
    payment_events::table
        .filter(payment_events::outcome.eq_any(["unknown_payment", "mismatch"]))
        .order(payment_events::received_at.desc())
        .limit(limit)
        .select((
            payment_events::event_id,
            payment_events::kind,
            payment_events::outcome,
            payment_events::received_at,
        ))
        .load(conn)
}
