//! The card payment step (`/{lang}/checkout/pay`): the page shows what the checkout's payment needs next (the card
//! form, the bank's confirmation, a wait, or why it stopped); the form posts the payment method the provider's
//! script made. Only this page loads the provider's script, and its Content-Security-Policy names the provider.

use std::sync::Arc;

use actix_web::http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::handlers::Payments;
use super::pay::{self, Step};
use super::pay_views::{self, PayPage};
use super::provider::PaymentProvider;
use crate::error::{AppError, AppResult};
use crate::http::auth::RequireUser;
use crate::http::checked::Checked;
use crate::http::csp::{self, ThirdParty};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::http::{render_status, see_other};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/checkout/pay", web::get().to(pay_page))
        .route("/checkout/pay", web::post().to(pay_card));
}

#[derive(Deserialize)]
pub struct PayQuery {
    #[serde(default)]
    c: String,
}

#[derive(Deserialize)]
pub struct PayForm {
    #[serde(default)]
    c: String,
    #[serde(default)]
    payment_method: String,
}

/// The checkout token from the URL or the form (404 when it cannot be one).
fn token(c: &str) -> AppResult<String> {
    let c = c.trim();
    if c.is_empty() || c.len() > 64 {
        return Err(AppError::not_found());
    }
    Ok(c.to_string())
}

/// The page for `step` with the provider's origins in its policy, or the confirmation once paid.
fn answer(
    req: &HttpRequest,
    lang: Lang,
    state: &web::Data<AppState>,
    provider: &dyn PaymentProvider,
    (token, step): (&str, Step),
) -> AppResult<HttpResponse> {
    if step == Step::Done {
        return Ok(see_other(&crate::routes::checkout_done(
            lang.0, token, false,
        )));
    }
    let status = pay_views::status(&step);
    let ctx = PageCtx::build(req, state, lang.0);
    let page = PayPage::new(ctx, token, step, provider, state.assets.url("js/pay.js"));
    let sources = provider.page_sources();
    let policy = if page.scripted() {
        csp::with(&ThirdParty {
            script: &sources.script,
            frame: &sources.frame,
            connect: &sources.connect,
        })
    } else {
        csp::DEFAULT.to_string()
    };
    let mut res = render_status(&page, status)?;
    let value = HeaderValue::from_str(&policy).map_err(|e| AppError::internal(e.to_string()))?;
    res.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
    Ok(res)
}

pub async fn pay_page(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    q: web::Query<PayQuery>,
    payments: web::Data<Payments>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let provider: Arc<dyn PaymentProvider> = payments.required()?;
    let (uid, token, now) = (user.0.id, token(&q.c)?, state.clock.now());
    let (p, t) = (provider.clone(), token.clone());
    let step = state
        .db(move |c| pay::show(c, p.as_ref(), uid, &t, now))
        .await?;
    answer(&req, lang, &state, provider.as_ref(), (&token, step))
}

pub async fn pay_card(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    checked: Checked<PayForm>,
    payments: web::Data<Payments>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let provider: Arc<dyn PaymentProvider> = payments.required()?;
    let (uid, token, now) = (user.0.id, token(&checked.form.c)?, state.clock.now());
    let (p, t, method) = (
        provider.clone(),
        token.clone(),
        checked.form.payment_method.clone(),
    );
    let step = state
        .db(move |c| pay::pay(c, p.as_ref(), (uid, &t), &method, now))
        .await?;
    answer(&req, lang, &state, provider.as_ref(), (&token, step))
}
