//! Thin handlers for email verification: follow a link, ask for a new one, change the address.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::handlers::{account_page, email_fields};
use super::verification::{self, NotVerified};
use super::views::ResetPage;
use crate::error::AppResult;
use crate::http::auth::RequireUser;
use crate::http::checked::{Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::forms::{summary, FormErrors};
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::{AppState, Changes};
use crate::routes;

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    email_password: String,
}

/// The page a mailed link opens: one button confirms (a link opened by a mail scanner changes nothing).
pub async fn confirm_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner().1;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let page = ResetPage {
        stage: "verify-confirm",
        fields: Vec::new(),
        summary: Vec::new(),
        action: format!("{}/{token}", routes::verify_email(lang.0)),
        ctx,
    };
    render_status(&page, StatusCode::OK)
}

pub async fn follow(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (token, now) = (path.into_inner().1, state.clock.now());
    let done = state
        .write_changing(Changes::Identity, move |c| {
            verification::confirm(c, &token, now)
        })
        .await?;
    let stage = match done {
        Ok(_) => return Ok(checked.saved("verify-done", &routes::account(lang.0))),
        Err(NotVerified::Invalid) => "verify-invalid",
        Err(NotVerified::Taken) => "verify-taken",
    };
    let ctx = PageCtx::build(&req, &state, lang.0);
    let page = ResetPage {
        stage,
        fields: Vec::new(),
        summary: Vec::new(),
        action: routes::account(lang.0),
        ctx,
    };
    render_status(&page, StatusCode::GONE)
}

pub async fn resend(
    lang: Lang,
    user: RequireUser,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, now) = (user.0.id, state.clock.now());
    let sent = state.db(move |c| verification::resend(c, id, now)).await?;
    let flash = ["verify-not-sent", "verify-sent"][usize::from(sent)];
    Ok(checked.saved(flash, &routes::account(lang.0)))
}

pub async fn change_email(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    checked: Checked<EmailForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (pw, id, now) = (state.passwords.clone(), user.0.id, state.clock.now());
    let (email, password) = (
        checked.form.new_email.clone(),
        checked.form.email_password.clone(),
    );
    let asked = state
        .db(move |c| verification::change_email(c, &pw, id, (&email, &password), now))
        .await?;
    let Err(errors) = asked else {
        return Ok(checked.saved("account-email-change-sent", &routes::account(lang.0)));
    };
    let ctx = PageCtx::build(&req, &state, lang.0);
    let u = &user.0;
    let none = FormErrors::default();
    let profile = (&u.display_name[..], &u.locale[..], &u.time_zone[..], &none);
    let mut page = account_page(ctx, u, profile, &none, state.passwords.min_length);
    page.email_fields = email_fields(&page.ctx, &checked.form.new_email, &errors);
    page.email_summary = summary(&page.ctx, &errors);
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}
