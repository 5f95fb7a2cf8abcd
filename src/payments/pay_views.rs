//! The payment step's page: what is paid, for which orders, and the card form, the bank's confirmation, a wait
//! or why the payment stopped, with the shopper's message for what went wrong.

use actix_web::http::StatusCode;
use askama::Template;

use super::pay::{Due, Problem, Step};
use super::provider::PaymentProvider;
use crate::http::page::PageCtx;
use crate::i18n::Arg;

/// What the page offers.
pub enum Mode {
    /// The card form; the provider's script needs the secret.
    Card {
        secret: String,
    },
    /// The bank's confirmation runs in the browser, then the page is loaded again.
    Authenticate {
        secret: String,
    },
    Processing,
    Stopped,
}

#[derive(Template)]
#[template(path = "payments/pay.html")]
pub struct PayPage {
    pub ctx: PageCtx,
    pub token: String,
    /// "One payment of 41 200 ₸ for 2 orders".
    pub intro: String,
    pub amount: String,
    /// Order numbers and their pages.
    pub orders: Vec<(String, String)>,
    pub problem: Option<String>,
    pub mode: Mode,
    pub key: String,
    pub script_url: String,
    pub pay_js: String,
}

/// The Fluent id of a problem's message.
pub fn problem_message(p: &Problem) -> &'static str {
    match p {
        Problem::Declined(code) => match code.as_str() {
            "insufficient_funds" => "pay-insufficient-funds",
            "expired_card" => "pay-expired-card",
            "incorrect_cvc" | "invalid_cvc" => "pay-incorrect-cvc",
            "incorrect_number" | "invalid_number" => "pay-incorrect-number",
            "payment_intent_authentication_failure" | "authentication_required" => {
                "pay-auth-failed"
            }
            "processing_error" => "pay-processing-error",
            _ => "pay-declined",
        },
        Problem::NoCard => "pay-no-card",
        Problem::Unreachable => "pay-unreachable",
        Problem::Timeout => "pay-timeout",
        Problem::OrdersChanged => "pay-orders-changed",
        Problem::Canceled => "pay-canceled",
        Problem::Refused => "pay-refused",
    }
}

/// The status a step is answered with: 402 for a refused card, 503 when the provider could not be asked, 409
/// when the payment cannot go on, 200 otherwise.
pub fn status(step: &Step) -> StatusCode {
    let problem = match step {
        Step::Card { problem, .. } => problem.as_ref(),
        Step::Stopped { problem, .. } => Some(problem),
        _ => None,
    };
    match problem {
        None => StatusCode::OK,
        Some(Problem::Declined(_)) => StatusCode::PAYMENT_REQUIRED,
        Some(Problem::NoCard) => StatusCode::UNPROCESSABLE_ENTITY,
        Some(Problem::Unreachable | Problem::Timeout) => StatusCode::SERVICE_UNAVAILABLE,
        Some(Problem::OrdersChanged | Problem::Canceled) => StatusCode::CONFLICT,
        Some(Problem::Refused) => StatusCode::BAD_GATEWAY,
    }
}

impl PayPage {
    /// The page for a step other than [`Step::Done`] (which is a redirect).
    pub fn new(
        ctx: PageCtx,
        token: &str,
        step: Step,
        provider: &dyn PaymentProvider,
        pay_js: String,
    ) -> Self {
        let (due, mode, problem) = match step {
            Step::Card {
                due,
                setup_secret,
                problem,
            } => (
                Some(due),
                Mode::Card {
                    secret: setup_secret,
                },
                problem,
            ),
            Step::Authenticate { due, intent_secret } => (
                Some(due),
                Mode::Authenticate {
                    secret: intent_secret,
                },
                None,
            ),
            Step::Processing { due } => (Some(due), Mode::Processing, None),
            Step::Stopped { due, problem } => (due, Mode::Stopped, Some(problem)),
            Step::Done => (None, Mode::Stopped, None),
        };
        let Due { amount, numbers } = due.unwrap_or(Due {
            amount: crate::money::Money::new(0, ctx.market.currency),
            numbers: Vec::new(),
        });
        let shown = ctx.money(&amount);
        let intro = ctx.tr.t_args(
            "pay-intro",
            &[
                ("amount", Arg::Str(&shown)),
                ("count", Arg::Num(numbers.len() as i64)),
            ],
        );
        let l = ctx.l();
        PayPage {
            token: token.to_string(),
            intro,
            amount: shown,
            orders: crate::orders::views::order_links(l, numbers),
            problem: problem.map(|p| ctx.t(problem_message(&p))),
            mode,
            key: provider.publishable_key().to_string(),
            script_url: provider.page_sources().script_url,
            pay_js,
            ctx,
        }
    }

    /// Whether the page loads the provider's script.
    pub fn scripted(&self) -> bool {
        matches!(self.mode, Mode::Card { .. } | Mode::Authenticate { .. })
    }
}
