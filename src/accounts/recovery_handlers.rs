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

fn show(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    l: Locale,
    stage: &'static str,
    action: String,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(req, state, l);
    let min = state.passwords.min_length;
    render_status(&page(ctx, stage, action, errors, min), status)
}

pub async fn ask_form(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    show(
        &req,
        &state,
        lang.0,
        "ask",
        ask_url(lang.0),
        &FormErrors::default(),
        StatusCode::OK,
    )
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
    let (stage, status) = match asked {
        Asked::Answered => ("sent", StatusCode::OK),
        Asked::Limited => ("limited", StatusCode::TOO_MANY_REQUESTS),
    };
    show(
        &req,
        &state,
        lang.0,
        stage,
        ask_url(lang.0),
        &FormErrors::default(),
        status,
    )
}

pub async fn choose_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (token, now) = (path.into_inner().1, state.clock.now());
    let action = format!("{}/{token}", ask_url(lang.0));
    let user = state
        .db(move |c| Ok(recovery::valid(c, &token, now)?))
        .await?;
    let none = FormErrors::default();
    match user {
        Some(_) => show(
            &req,
            &state,
            lang.0,
            "choose",
            action,
            &none,
            StatusCode::OK,
        ),
        None => show(
            &req,
            &state,
            lang.0,
            "invalid",
            ask_url(lang.0),
            &none,
            StatusCode::GONE,
        ),
    }
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
    let (action, password) = (
        format!("{}/{token}", ask_url(lang.0)),
        checked.form.password.clone(),
    );
    let done = state
        .write_changing(Changes::Identity, move |c| {
            recovery::reset(c, &pw, &token, &password, now)
        })
        .await?;
    let l = lang.0;
    match done {
        Ok(()) => Ok(checked.saved("reset-done", &crate::routes::sign_in(l))),
        Err(NotReset::Form(e)) => show(
            &req,
            &state,
            l,
            "choose",
            action,
            &e,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(NotReset::Invalid) => show(
            &req,
            &state,
            l,
            "invalid",
            ask_url(l),
            &FormErrors::default(),
            StatusCode::GONE,
        ),
    }
}
