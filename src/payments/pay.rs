//! The payment step of a card checkout: what the shopper's page shows next, read from the provider's payment
//! (never from the browser). The page's script turns the card into a payment method with the provider (the card
//! number never reaches us); the server pays the checkout's one payment with it and settles what the provider
//! then reports. A declined card, an unreachable or silent provider each leave the orders unpaid with a reason to
//! show, and the one payment per checkout means a retry never charges twice.

use super::model::PaymentRow;
use super::provider::{Intent, IntentStatus, PaymentProvider, ProviderError};
use super::service::{self, NotStarted, Settled};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::{Currency, Money};
use time::PrimitiveDateTime;

/// Why the payment did not go through (each has a message for the shopper; none means a charge was made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The card was refused; the provider's code (`card_declined`, `insufficient_funds`, …).
    Declined(String),
    /// The form came without a card (the page's script did not run or was bypassed).
    NoCard,
    Unreachable,
    Timeout,
    /// Orders of the checkout were cancelled after the payment started.
    OrdersChanged,
    /// The provider cancelled the payment.
    Canceled,
    /// The provider refused our request, or answered something unreadable (logged; our side's fault).
    Refused,
}

impl Problem {
    fn of(e: &ProviderError) -> Self {
        match e {
            ProviderError::Declined(code) => Problem::Declined(code.clone()),
            ProviderError::Network(_) => Problem::Unreachable,
            ProviderError::Timeout => Problem::Timeout,
            ProviderError::Rejected { .. } | ProviderError::Malformed(_) => Problem::Refused,
        }
    }
}

/// What the shopper pays: the amount in their currency and the orders it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub amount: Money,
    pub numbers: Vec<String>,
}

/// What the payment page shows next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Paid (now or before), or nothing here for this shopper to pay: the confirmation page decides.
    Done,
    /// The card form, with the secret the provider's script needs and what went wrong last time.
    Card {
        due: Due,
        setup_secret: String,
        problem: Option<Problem>,
    },
    /// The shopper's bank asks them to confirm in the browser (3-D Secure).
    Authenticate { due: Due, intent_secret: String },
    /// The provider has not decided yet: the page is to be looked at again.
    Processing { due: Due },
    /// The payment cannot go on from this page.
    Stopped { due: Option<Due>, problem: Problem },
}

/// The checkout's payment, started now or before, and the provider's view of it, or the step that ends here.
fn started(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    (user_id, token): (i64, &str),
    now: PrimitiveDateTime,
) -> AppResult<Result<(PaymentRow, Intent), Step>> {
    Ok(match service::begin(conn, provider, user_id, token, now)? {
        Ok(b) => Ok((b.payment, b.intent)),
        Err(NotStarted::NothingToPay) => Err(Step::Done),
        Err(NotStarted::OrdersChanged) => Err(Step::Stopped {
            due: None,
            problem: Problem::OrdersChanged,
        }),
        Err(NotStarted::Provider(e)) => {
            tracing::warn!(error = %e, "payment could not start");
            Err(Step::Stopped {
                due: None,
                problem: Problem::of(&e),
            })
        }
    })
}

fn due(conn: &mut DbConnection, p: &PaymentRow) -> AppResult<Due> {
    let currency =
        Currency::parse(&p.currency).ok_or_else(|| AppError::new(ErrorCode::Internal))?;
    Ok(Due {
        amount: Money::new(p.amount_minor, currency),
        numbers: crate::orders::place::numbers_of(conn, p.user_id, &p.checkout_token)?,
    })
}

/// A fresh key for a create call made once per page view (a reload asks for a new card form).
fn page_key(p: &PaymentRow) -> AppResult<String> {
    let mut raw = [0u8; 12];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    let nonce: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("caravan-setup-{}-{nonce}", p.id))
}

/// The card form for `p` (a new setup secret), or where the provider could not be asked for one.
fn card_form(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    p: &PaymentRow,
    problem: Option<Problem>,
) -> AppResult<Step> {
    let due = due(conn, p)?;
    Ok(match provider.prepare_card(&page_key(p)?) {
        Ok(setup_secret) => Step::Card {
            due,
            setup_secret,
            problem,
        },
        Err(e) => {
            tracing::warn!(error = %e, payment = p.id, "card form could not be prepared");
            Step::Stopped {
                due: Some(due),
                problem: Problem::of(&e),
            }
        }
    })
}

/// Settles what the provider reports and says what the page shows next.
fn next(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    p: &PaymentRow,
    intent: &Intent,
    problem: Option<Problem>,
    now: PrimitiveDateTime,
) -> AppResult<Step> {
    let stopped = |conn: &mut DbConnection, problem| -> AppResult<Step> {
        Ok(Step::Stopped {
            due: Some(due(conn, p)?),
            problem,
        })
    };
    match service::settle(conn, intent, now)? {
        Settled::Paid(_) | Settled::AlreadyPaid => Ok(Step::Done),
        Settled::Mismatch => stopped(conn, Problem::OrdersChanged),
        Settled::Unknown => stopped(conn, Problem::Refused),
        Settled::Waiting(status, failure) => match status {
            IntentStatus::RequiresAction => Ok(Step::Authenticate {
                due: due(conn, p)?,
                intent_secret: intent.client_secret.clone(),
            }),
            IntentStatus::Processing => Ok(Step::Processing { due: due(conn, p)? }),
            IntentStatus::Canceled => stopped(conn, Problem::Canceled),
            IntentStatus::RequiresPaymentMethod
            | IntentStatus::RequiresConfirmation
            | IntentStatus::Succeeded => {
                let problem = problem.or(failure.map(Problem::Declined));
                card_form(conn, provider, p, problem)
            }
        },
    }
}

/// The payment page as it stands: also the page the shopper's browser returns to after authenticating, so it
/// settles a payment the provider reports succeeded.
pub fn show(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    user_id: i64,
    token: &str,
    now: PrimitiveDateTime,
) -> AppResult<Step> {
    match started(conn, provider, (user_id, token), now)? {
        Ok((p, intent)) => next(conn, provider, &p, &intent, None, now),
        Err(step) => Ok(step),
    }
}

/// Whether the browser sent something shaped like a provider payment method.
fn looks_like_method(id: &str) -> bool {
    id.starts_with("pm_")
        && id.len() <= 255
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Pays the checkout with the payment method the page's script made, then says what the page shows next.
pub fn pay(
    conn: &mut DbConnection,
    provider: &dyn PaymentProvider,
    (user_id, token): (i64, &str),
    method: &str,
    now: PrimitiveDateTime,
) -> AppResult<Step> {
    let (p, intent) = match started(conn, provider, (user_id, token), now)? {
        Ok(found) => found,
        Err(step) => return Ok(step),
    };
    let open = matches!(
        intent.status,
        IntentStatus::RequiresPaymentMethod | IntentStatus::RequiresConfirmation
    );
    if !open {
        // Paid, processing or authenticating already (a double submit): nothing is confirmed twice.
        return next(conn, provider, &p, &intent, None, now);
    }
    if !looks_like_method(method) {
        return card_form(conn, provider, &p, Some(Problem::NoCard));
    }
    let key = format!("caravan-confirm-{}-{method}", intent.id);
    match provider.confirm_intent(&intent.id, method, &key) {
        Ok(now_intent) => next(conn, provider, &p, &now_intent, None, now),
        Err(e) => {
            tracing::info!(error = %e, payment = p.id, "card payment not confirmed");
            // A timeout may hide a confirmation that happened: the provider's word decides.
            match provider.retrieve_intent(&intent.id) {
                Ok(read) if read.status != intent.status => {
                    next(conn, provider, &p, &read, None, now)
                }
                Ok(read) => next(conn, provider, &p, &read, Some(Problem::of(&e)), now),
                Err(_) => Ok(Step::Stopped {
                    due: Some(due(conn, &p)?),
                    problem: Problem::of(&e),
                }),
            }
        }
    }
}
