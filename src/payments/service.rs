//! Payments of checkouts: starting one (our row first, then the provider's payment under the same idempotency
//! key, so a double submit or a retry never makes a second charge), settling it from the provider's word (the
//! only way card orders become paid, exactly once), and webhook events (each handled once; the payment's state is
//! read back from the provider rather than taken from the event, so events arriving late or out of order are
//! harmless).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use time::PrimitiveDateTime;

use super::model::{PaymentRow, PaymentStatus};
use super::provider::{Intent, IntentStatus, PaymentProvider, ProviderError};
use super::webhook::Event;
use crate::db::schema::{payment_events, payments};
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::Currency;

/// A payment started: our row and the provider's payment.
pub struct Begun {
    pub payment: PaymentRow,
    pub intent: Intent,
}

/// Why a payment could not start.
#[derive(Debug)]
pub enum NotStarted {
    /// Nothing of this checkout waits for a card payment (paid already, cancelled, someone else's).
    NothingToPay,
    /// Orders of the checkout were cancelled after its payment started (the started amount is no longer owed).
    OrdersChanged,
    Provider(ProviderError),
}

fn by_checkout(
    conn: &mut DbConnection,
    user_id: i64,
    token: &str,
) -> QueryResult<Option<PaymentRow>> {
    payments::table
        .filter(payments::checkout_token.eq(token))
        .filter(payments::user_id.eq(user_id))
        .select(PaymentRow::as_select())
        .first(conn)
        .optional()
}

/// What the checkout's card orders still awaiting payment come to, in the shopper's currency.
fn due(conn: &mut DbConnection, user_id: i64, token: &str) -> QueryResult<i64> {
    Ok(crate::orders::card::card_totals(conn, user_id, token)?
        .iter()
        .map(|(_, t)| t)
        .sum())
}

/// Our payment row for a checkout's card orders (found, or recorded now with its idempotency key).
fn record(
    conn: &mut DbConnection,
    user_id: i64,
    token: &str,
    provider: &str,
    now: PrimitiveDateTime,
) -> AppResult<Option<PaymentRow>> {
    write_tx(conn, |c| {
        if let Some(p) = by_checkout(c, user_id, token)? {
            return Ok(Some(p));
        }
        let totals = crate::orders::card::card_totals(c, user_id, token)?;
        let Some((currency, _)) = totals.first() else {
            return Ok(None);
        };
        if totals.iter().any(|(cur, _)| cur != currency) {
            // One checkout is priced in one display currency; anything else is a bug upstream.
            return Err(AppError::new(ErrorCode::Internal));
        }
        let amount: i64 = totals.iter().map(|(_, t)| t).sum();
        // Two starts at once (a double submit) insert one row: the other finds it.
        diesel::sql_query(
            "INSERT INTO payments (checkout_token, user_id, provider, amount_minor, currency, status, \
             idempotency_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $7) \
             ON CONFLICT (checkout_token) DO NOTHING",
        )
        .bind::<Text, _>(token)
        .bind::<BigInt, _>(user_id)
        .bind::<Text, _>(provider)
        .bind::<BigInt, _>(amount)
        .bind::<Text, _>(currency)
        .bind::<Text, _>(format!("caravan-checkout-{token}"))
        .bind::<Timestamp, _>(now)
        .execute(c)?;
        Ok(by_checkout(c, user_id, token)?)
    })
}

/// Starts the payment of a checkout's card orders, or finds the one started before (its provider payment read
/// back). Call from a blocking thread: it waits for the provider.
pub fn begin(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    user_id: i64,
    token: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<Begun, NotStarted>> {
    let Some(payment) = record(conn, user_id, token, provider.name(), now)? else {
        return Ok(Err(NotStarted::NothingToPay));
    };
    if payment.status() != Some(PaymentStatus::Pending) {
        return Ok(Err(NotStarted::NothingToPay));
    }
    let owed = due(conn, payment.user_id, token)?;
    let payment = if owed == payment.amount_minor {
        payment
    } else {
        match reprice(conn, provider, payment, owed, now)? {
            Ok(Some(p)) => p,
            Ok(None) => return Ok(Err(NotStarted::NothingToPay)),
            Err(why) => return Ok(Err(why)),
        }
    };
    let currency =
        Currency::parse(&payment.currency).ok_or_else(|| AppError::new(ErrorCode::Internal))?;
    let found = match &payment.provider_ref {
        Some(id) => provider.retrieve_intent(id),
        None => provider.create_intent(
            payment.amount_minor,
            currency,
            token,
            &payment.idempotency_key,
        ),
    };
    let intent = match found {
        Ok(i) => i,
        Err(e) => return Ok(Err(NotStarted::Provider(e))),
    };
    if payment.provider_ref.is_none() {
        diesel::update(
            payments::table
                .find(payment.id)
                .filter(payments::provider_ref.is_null()),
        )
        .set((
            payments::provider_ref.eq(&intent.id),
            payments::updated_at.eq(now),
        ))
        .execute(conn)?;
    }
    let payment = by_checkout(conn, user_id, token)?.ok_or_else(AppError::not_found)?;
    Ok(Ok(Begun { payment, intent }))
}

/// An order of the checkout was cancelled since its payment started, so the started amount is no longer owed:
/// the provider's payment is cancelled and ours asks for what is still owed (a new provider payment under a new
/// idempotency key), or ends when nothing is. A payment that went through meanwhile cannot be cancelled: it is
/// settled instead (the cancelled orders' part is refunded). `None`: nothing is left to pay on this page.
fn reprice(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    payment: PaymentRow,
    owed: i64,
    now: PrimitiveDateTime,
) -> AppResult<Result<Option<PaymentRow>, NotStarted>> {
    if owed > payment.amount_minor {
        // Orders are only ever cancelled out of a checkout, never added: this is not ours to guess at.
        tracing::error!(
            payment = payment.id,
            "more owed than the payment was started for"
        );
        return Ok(Err(NotStarted::OrdersChanged));
    }
    if let Some(id) = &payment.provider_ref {
        let cancelled = provider.cancel_intent(id, &format!("caravan-cancel-{id}"));
        let intent = match cancelled {
            Ok(i) => i,
            Err(e) => match provider.retrieve_intent(id) {
                Ok(i) if i.status == IntentStatus::Succeeded => i,
                _ => return Ok(Err(NotStarted::Provider(e))),
            },
        };
        if intent.status == IntentStatus::Succeeded {
            settle(conn, &intent, now)?;
            return Ok(Ok(None));
        }
    }
    let pending = payments::table
        .find(payment.id)
        .filter(payments::status.eq(PaymentStatus::Pending.as_str()))
        .filter(payments::amount_minor.eq(payment.amount_minor));
    if owed == 0 {
        diesel::update(pending)
            .set((
                payments::status.eq(PaymentStatus::Canceled.as_str()),
                payments::updated_at.eq(now),
            ))
            .execute(conn)?;
        return Ok(Ok(None));
    }
    diesel::update(pending)
        .set((
            payments::amount_minor.eq(owed),
            payments::provider_ref.eq(None::<String>),
            payments::idempotency_key.eq(format!(
                "caravan-checkout-{}-{owed}",
                payment.checkout_token
            )),
            payments::updated_at.eq(now),
        ))
        .execute(conn)?;
    let now_row = by_checkout(conn, payment.user_id, &payment.checkout_token)?;
    Ok(Ok(
        now_row.filter(|p| p.status() == Some(PaymentStatus::Pending))
    ))
}

/// What the provider's word did to our payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// Verified now: these orders became paid.
    Paid(Vec<i64>),
    /// Verified before (the other of return and webhook came first).
    AlreadyPaid,
    /// Not paid (yet): the provider's status and the last failure, if any.
    Waiting(IntentStatus, Option<String>),
    /// The provider's payment is not one of ours.
    Unknown,
    /// Amount or currency differ from what we asked: never marked paid.
    Mismatch,
}

impl Settled {
    /// A short word for the event log.
    pub fn outcome(&self) -> &'static str {
        match self {
            Settled::Paid(_) => "paid",
            Settled::AlreadyPaid => "already_paid",
            Settled::Waiting(..) => "waiting",
            Settled::Unknown => "unknown_payment",
            Settled::Mismatch => "mismatch",
        }
    }
}

/// Applies the provider's verified view of a payment (inside one transaction): a succeeded payment of the
/// amount and currency we asked marks the checkout's card orders paid, exactly once.
pub fn settle(
    conn: &mut DbConnection,
    intent: &Intent,
    now: PrimitiveDateTime,
) -> AppResult<Settled> {
    write_tx(conn, |c| {
        let Some(p) = payments::table
            .filter(payments::provider_ref.eq(&intent.id))
            .select(PaymentRow::as_select())
            .first(c)
            .optional()?
        else {
            return Ok(Settled::Unknown);
        };
        if p.amount_minor != intent.amount_minor || p.currency != intent.currency.code() {
            tracing::error!(payment = p.id, intent = %intent.id, "provider amount or currency differs from ours");
            return Ok(Settled::Mismatch);
        }
        let pending = p.status() == Some(PaymentStatus::Pending);
        if intent.status == IntentStatus::Succeeded && !pending {
            return Ok(Settled::AlreadyPaid);
        }
        let owed = due(c, p.user_id, &p.checkout_token)?;
        let cancelled = if intent.status == IntentStatus::Succeeded && owed != p.amount_minor {
            // Paid while orders of the checkout were being cancelled: the rest become paid and the cancelled
            // orders' part is refunded, when those orders account for the difference exactly.
            super::refunds::covering(
                &crate::orders::card::cancelled_unpaid(c, &p.checkout_token)?,
                &p.currency,
                p.amount_minor - owed,
            )
        } else {
            Some(Vec::new())
        };
        let Some(cancelled) = cancelled else {
            tracing::error!(payment = p.id, intent = %intent.id, "paid amount no longer matches the orders awaiting it");
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::failure_code.eq("orders_changed"),
                    payments::updated_at.eq(now),
                ))
                .execute(c)?;
            return Ok(Settled::Mismatch);
        };
        if intent.status != IntentStatus::Succeeded {
            if let Some(code) = &intent.failure_code {
                diesel::update(payments::table.find(p.id))
                    .set((
                        payments::failure_code.eq(code),
                        payments::updated_at.eq(now),
                    ))
                    .execute(c)?;
            }
            return Ok(Settled::Waiting(intent.status, intent.failure_code.clone()));
        }
        let won = diesel::update(
            payments::table
                .find(p.id)
                .filter(payments::status.eq(PaymentStatus::Pending.as_str())),
        )
        .set((
            payments::status.eq(PaymentStatus::Succeeded.as_str()),
            payments::failure_code.eq(""),
            payments::updated_at.eq(now),
        ))
        .execute(c)?;
        if won == 0 {
            return Ok(Settled::AlreadyPaid);
        }
        let orders = crate::orders::card::mark_paid_by_card(c, &p.checkout_token, now)?;
        for a in crate::orders::card::shop_amounts(c, &orders)? {
            let currency =
                Currency::parse(&a.currency).ok_or_else(|| AppError::new(ErrorCode::Internal))?;
            let rate = super::commission::rate_at(c, a.shop, now)?;
            let sale = super::ledger::sale(super::ledger::Sale {
                order: a.order,
                shop: a.shop,
                payment: p.id,
                currency,
                goods: a.goods,
                shipping: a.shipping,
                platform_discount: a.platform_discount,
                rate_bp: rate,
                vat: a.platform_vat,
                goods_vat: a.platform_goods_vat,
            });
            super::ledger::post(c, &sale, now)?;
        }
        super::refunds::open_unpaid(c, p.id, &cancelled, now)?;
        Ok(Settled::Paid(orders))
    })
}

/// What became of a webhook event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventOutcome {
    Handled(Settled),
    /// Seen before: nothing done.
    Replay,
    /// A dispute event: what it did (`dispute_open`, `dispute_won`, `dispute_lost`, `dispute_stale`, …).
    Dispute(&'static str),
    /// A kind we do not act on.
    Ignored,
}

fn seen(conn: &mut DbConnection, provider: &str, id: &str) -> QueryResult<bool> {
    let n: i64 = payment_events::table
        .filter(payment_events::provider.eq(provider))
        .filter(payment_events::event_id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Handles a verified webhook event once. Payment events are settled from the payment as the provider reports it
/// now; a provider that cannot be reached leaves the event unrecorded, so the provider's retry handles it.
pub fn on_event(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    event: &Event,
    now: PrimitiveDateTime,
) -> AppResult<Result<EventOutcome, ProviderError>> {
    let name = provider.name();
    if seen(conn, name, &event.id)? {
        return Ok(Ok(EventOutcome::Replay));
    }
    let about_payment =
        event.kind.starts_with("payment_intent.") && event.object_kind == "payment_intent";
    let about_dispute = event.kind.starts_with("charge.dispute.") && event.dispute.is_some();
    let intent = if about_payment {
        match provider.retrieve_intent(&event.object_id) {
            Ok(i) => Some(i),
            // The provider does not know it (another integration's, another mode's): recorded, not retried.
            Err(ProviderError::Rejected { status, .. }) if (400..500).contains(&status) => None,
            Err(e) => return Ok(Err(e)),
        }
    } else {
        if !about_dispute {
            tracing::info!(kind = %event.kind, id = %event.id, "webhook event ignored");
        }
        None
    };
    write_tx(conn, |c| {
        // Raw SQL: the one-connection type has no ON CONFLICT; both backends take this statement.
        let fresh = diesel::sql_query(
            "INSERT INTO payment_events (provider, event_id, kind, outcome, received_at) \
             VALUES ($1, $2, $3, 'received', $4) ON CONFLICT (provider, event_id) DO NOTHING",
        )
        .bind::<Text, _>(name)
        .bind::<Text, _>(&event.id)
        .bind::<Text, _>(&event.kind)
        .bind::<Timestamp, _>(now)
        .execute(c)?;
        if fresh == 0 {
            return Ok(Ok(EventOutcome::Replay));
        }
        let outcome = match (&intent, &event.dispute) {
            (Some(i), _) => EventOutcome::Handled(settle(c, i, now)?),
            (None, _) if about_payment => EventOutcome::Handled(Settled::Unknown),
            (None, Some(d)) if about_dispute => EventOutcome::Dispute(super::disputes::apply(
                c,
                &event.object_id,
                d,
                event.created,
                now,
            )?),
            _ => EventOutcome::Ignored,
        };
        let word = match &outcome {
            EventOutcome::Handled(s) => s.outcome(),
            EventOutcome::Dispute(w) => w,
            _ => "ignored",
        };
        diesel::update(
            payment_events::table
                .filter(payment_events::provider.eq(name))
                .filter(payment_events::event_id.eq(&event.id)),
        )
        .set(payment_events::outcome.eq(word))
        .execute(c)?;
        Ok(Ok(outcome))
    })
}
