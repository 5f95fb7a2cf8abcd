//! Staff pages about money: payout batches and payments (with refunds and odd webhook events).

use askama::Template;

use crate::backoffice::staff::StaffChrome;
use crate::http::page::{Choice, PageCtx};

/// A payout batch as listed.
pub struct BatchView {
    pub id: i64,
    pub created: String,
    pub payouts: String,
    pub total: String,
    pub status: String,
    pub open: bool,
    pub export_url: String,
    pub paid_url: String,
}

#[derive(Template)]
#[template(path = "staff/payouts.html")]
pub struct PayoutsPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// Per currency: (shops, total owed now).
    pub available: Vec<(String, String)>,
    pub currency_choices: Vec<Choice>,
    pub minimum_value: String,
    pub minimum_error: Option<String>,
    pub currency_error: Option<String>,
    pub summary: Vec<(String, String)>,
    pub batches: Vec<BatchView>,
}

/// A refund as staff see it.
pub struct RefundView {
    pub order: String,
    pub amount: String,
    pub status: String,
    pub attempts: String,
    pub failure: String,
    pub retry_url: Option<String>,
}

/// A payment as staff see it.
pub struct PaymentView {
    pub when: String,
    pub amount: String,
    pub status: String,
    pub reference: String,
    pub failure: String,
    /// (number, staff order URL, status).
    pub orders: Vec<(String, String, String)>,
    pub refunds: Vec<RefundView>,
}

/// A dispute as staff see it.
pub struct DisputeView {
    pub when: String,
    pub amount: String,
    pub status: String,
    pub reason: String,
    pub reference: String,
    /// The payment's search URL on this page.
    pub payment_url: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/payments.html")]
pub struct PaymentsPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub q: String,
    pub payments: Vec<PaymentView>,
    /// Refunds not through yet, across payments.
    pub open_refunds: Vec<RefundView>,
    /// Disputes open or lost.
    pub disputes: Vec<DisputeView>,
    /// (event, kind, outcome, when).
    pub odd_events: Vec<(String, String, String, String)>,
}

/// A failed email as staff see it.
pub struct FailedMailView {
    pub when: String,
    pub what: String,
    pub to: String,
    pub order: String,
    pub attempts: String,
    pub error: String,
    pub retry_url: String,
}

#[derive(Template)]
#[template(path = "staff/mail.html")]
pub struct MailPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// (state, count), in the reader's words.
    pub counts: Vec<(String, String)>,
    pub failed: Vec<FailedMailView>,
}
