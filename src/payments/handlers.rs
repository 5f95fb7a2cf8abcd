//! The provider's webhook (`POST /payments/stripe/webhook`, outside the language scope): the signature and its
//! timestamp are checked before anything in the body is believed (400 otherwise), then the event is handled once
//! (200, also for replays and kinds we ignore, so the provider stops sending them); a provider we cannot reach to
//! read the payment back answers 503, so the provider retries later.

use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};

use super::provider::{PaymentProvider, ProviderError};
use super::service::{self, EventOutcome};
use super::stripe::Stripe;
use super::webhook;
use crate::config::Config;
use crate::error::AppResult;
use crate::http::state::AppState;

/// The configured payment provider, if any (app data beside the state).
#[derive(Clone, Default)]
pub struct Payments {
    pub provider: Option<Arc<dyn PaymentProvider>>,
    webhook_secret: String,
}

impl Payments {
    pub fn from_config(config: &Config) -> Self {
        match &config.stripe {
            Some(s) => Payments {
                webhook_secret: s.webhook_secret.clone(),
                provider: Some(Arc::new(Stripe::new(s.clone()))),
            },
            None => Payments::default(),
        }
    }

    /// The provider, or 404 where card payments are not offered.
    pub fn required(&self) -> AppResult<Arc<dyn PaymentProvider>> {
        self.provider
            .clone()
            .ok_or_else(crate::error::AppError::not_found)
    }

    /// A provider given by the caller (tests: a short timeout).
    pub fn with(provider: Arc<dyn PaymentProvider>, webhook_secret: &str) -> Self {
        Payments {
            provider: Some(provider),
            webhook_secret: webhook_secret.to_string(),
        }
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/payments/stripe/webhook", web::post().to(stripe_webhook));
}

/// The event, if the request carries a good signature from within the tolerance.
fn verified(
    req: &HttpRequest,
    body: &[u8],
    secret: &str,
    now: i64,
) -> Result<webhook::Event, webhook::WebhookError> {
    let header = req
        .headers()
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    webhook::verify(header, body, secret, now).inspect_err(|why| {
        tracing::warn!(%why, "webhook refused");
    })
}

/// What the provider is told: 200 with what happened, or 503 so it sends the event again.
fn answer(handled: Result<EventOutcome, ProviderError>) -> HttpResponse {
    match handled {
        Ok(EventOutcome::Handled(s)) => HttpResponse::Ok().body(s.outcome()),
        Ok(EventOutcome::Replay) => HttpResponse::Ok().body("replay"),
        Ok(EventOutcome::Dispute(w)) => HttpResponse::Ok().body(w),
        Ok(EventOutcome::Ignored) => HttpResponse::Ok().body("ignored"),
        Err(e) => {
            tracing::warn!(error = %e, "webhook: the provider could not be asked; it will retry");
            HttpResponse::ServiceUnavailable().body("retry")
        }
    }
}

pub async fn stripe_webhook(
    req: HttpRequest,
    body: web::Bytes,
    payments: web::Data<Payments>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Some(provider) = payments.provider.clone() else {
        return Ok(HttpResponse::NotFound().finish());
    };
    let now = state.clock.now();
    let unix = now.assume_utc().unix_timestamp();
    let event = match verified(&req, &body, &payments.webhook_secret, unix) {
        Ok(e) => e,
        Err(why) => return Ok(HttpResponse::BadRequest().body(why.to_string())),
    };
    let handled = state
        .db(move |c| service::on_event(c, provider.as_ref(), &event, now))
        .await?;
    Ok(answer(handled))
}
