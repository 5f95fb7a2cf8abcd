//! Thin handlers for the password reset: ask for a link, open it, choose the new password.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::recovery::{self, Asked, NotReset};
use super::views::ResetPage;
use crate::error::AppResult;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::{AppState, Changes};
use crate::i18n::Locale;

#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    email: String,
}

#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    password: String,
}

fn ask_url(l: Locale) -> String {
    crate::routes::password_reset(l)
}

/// The page at `stage`, with the email field (`ask`) or the new-password field (`choose`) and its problems.
fn page(
    ctx: PageCtx,
    stage: &'static str,
    action: String,
    errors: &FormErrors,
    min: usize,
) -> ResetPage {
    let fields = match stage {
        "ask" => vec![Field::new(&ctx, "email", "email", "", errors)
            .autocomplete("email")
            .max(254)],
        "choose" => vec![Field::new(&ctx, "password", "password", "", errors)
            .label(ctx.t("reset-new-password"))
            .hint(super::handlers::password_hint(&ctx, min))
            .autocomplete("new-password")
            .max(256)],
        _ => Vec::new(),
    };
    ResetPage {
        summary: summary(&ctx, errors),
        fields,
        stage,
        action,
        ctx,
    }
}

/// The page at `stage` (`ask`, `sent`, `limited`, `choose` with the link's token, `invalid`) with its status.
fn answer(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    l: Locale,
    (stage, token): (&'static str, &str),
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let status = match stage {
        "limited" => StatusCode::TOO_MANY_REQUESTS,
        "invalid" => StatusCode::GONE,
        _ if !errors.is_empty() => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let action = match stage {
        "choose" => format!("{}/{token}", ask_url(l)),
        _ => ask_url(l),
    };
    let ctx = PageCtx::build(req, state, l);
    let min = state.passwords.min_length;
    render_status(&page(ctx, stage, action, errors, min), status)
}

pub async fn ask_form(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    answer(&req, &state, lang.0, ("ask", ""), &FormErrors::default())
}

pub async fn ask(
    req: HttpRequest,
    lang: Lang,
    checked: Checked<AskForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (email, now) = (checked.form.email.clone(), state.clock.now());
    let client = super::handlers::client_ip(&req);
    let asked = state
        .db(move |c| recovery::request(c, &email, &client, now))
        .await?;
    let stage = match asked {
        Asked::Answered => "sent",
        Asked::Limited => "limited",
    };
    answer(&req, &state, lang.0, (stage, ""), &FormErrors::default())
}

pub async fn choose_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (token, now) = (path.into_inner().1, state.clock.now());
    let t = token.clone();
    let user = state.db(move |c| Ok(recovery::valid(c, &t, now)?)).await?;
    let stage = if user.is_some() { "choose" } else { "invalid" };
    answer(
        &req,
        &state,
        lang.0,
        (stage, &token),
        &FormErrors::default(),
    )
}

pub async fn choose(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    checked: Checked<ChooseForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (token, now, pw) = (
        path.into_inner().1,
        state.clock.now(),
        state.passwords.clone(),
    );
    let (t, password) = (token.clone(), checked.form.password.clone());
    let done = state
        .write_changing(Changes::Identity, move |c| {
            recovery::reset(c, &pw, &t, &password, now)
        })
        .await?;
    let none = FormErrors::default();
    match done {
        Ok(()) => Ok(checked.saved("reset-done", &crate::routes::sign_in(lang.0))),
        Err(NotReset::Form(e)) => answer(&req, &state, lang.0, ("choose", &token), &e),
        Err(NotReset::Invalid) => answer(&req, &state, lang.0, ("invalid", ""), &none),
    }
}
