//! Thin handlers for sign-in, sign-up, sign-out and the account page.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::entry::{self, Entered};
use super::service::{self, Registration};
use super::views::{AccountPage, SignInPage, SignUpPage};
use crate::error::AppResult;
use crate::http::auth::{CurrentUser, RequireUser};
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::{AppState, Changes};
use crate::http::{render_status, require_csrf, see_other};
use crate::i18n::Locale;
use crate::identity::model::Role;
use crate::routes;

pub(crate) use crate::http::extract::client_ip;

fn locale_choices(selected: &str) -> Vec<Choice> {
    Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: l.code() == selected,
        })
        .collect()
}

// ---------- sign in ----------

#[derive(Deserialize, Default)]
pub struct ReturnTo {
    #[serde(default)]
    return_to: String,
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    return_to: String,
}

fn sign_in_page(ctx: PageCtx, email: &str, return_to: &str, errors: &FormErrors) -> SignInPage {
    let fields = vec![
        Field::new(&ctx, "email", "email", email, errors)
            .autocomplete("username")
            .max(254),
        Field::new(&ctx, "password", "password", "", errors)
            .autocomplete("current-password")
            .max(256),
    ];
    let return_to = routes::safe_local_path(return_to).unwrap_or("").to_string();
    let sign_up_url = format!(
        "{}{}",
        routes::sign_up(ctx.locale),
        routes::query(&[("return_to", return_to.clone())])
    );
    SignInPage {
        summary: summary(&ctx, errors),
        fields,
        return_to,
        sign_up_url,
        ctx,
    }
}

pub async fn sign_in_form(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    q: web::Query<ReturnTo>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    if user.0.is_some() {
        return Ok(see_other(&routes::account(lang.0)));
    }
    let ctx = PageCtx::build(&req, &state, lang.0);
    render_status(
        &sign_in_page(ctx, "", &q.return_to, &FormErrors::default()),
        StatusCode::OK,
    )
}

pub async fn sign_in(
    req: HttpRequest,
    lang: Lang,
    checked: Checked<SignInForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let form = &checked.form;
    let gate = gate(&req, &state, &checked.session);
    let (email, password) = (form.email.clone(), form.password.clone());
    let entered = state
        .db(move |c| entry::sign_in(c, &gate, &email, &password))
        .await?;
    match entered {
        Entered::SignedIn {
            session,
            cart_count,
        } => Ok(signed_in(
            &checked.session,
            &session,
            cart_count,
            lang.0,
            &form.return_to,
        )),
        Entered::Refused { errors, wait } => {
            let status = if wait.is_some() {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNAUTHORIZED
            };
            let ctx = PageCtx::build(&req, &state, lang.0);
            let page = sign_in_page(ctx, &form.email, &form.return_to, &errors);
            with_retry_after(render_status(&page, status)?, wait)
        }
    }
}

/// The request's side of a sign-in or sign-up: the hasher, the limits, the client and its cart.
fn gate(req: &HttpRequest, state: &AppState, session: &Session) -> entry::Gate {
    entry::Gate {
        passwords: state.passwords.clone(),
        limits: state.config.limits.clone(),
        ip: client_ip(req),
        guest_cart: SessionData(session).cart_token(),
        guest_wishlist: crate::wishlist::service::guest_items(session),
        now: state.clock.now(),
    }
}

/// The session now signed in (its id renewed), and on to `return_to` if local, else the home page in `l`.
fn signed_in(
    session: &Session,
    session_id: &str,
    cart_count: i64,
    l: Locale,
    return_to: &str,
) -> HttpResponse {
    SessionData(session).start_signed_in(session_id);
    SessionData(session).set_cart_count(cart_count);
    let home = routes::home(l);
    see_other(routes::safe_local_path(return_to).unwrap_or(&home))
}

/// Adds `Retry-After` (seconds) to a throttled answer.
fn with_retry_after(mut res: HttpResponse, wait: Option<i64>) -> AppResult<HttpResponse> {
    if let Some(secs) = wait {
        res.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from(secs.max(1)),
        );
    }
    Ok(res)
}

// ---------- sign up ----------

#[derive(Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    return_to: String,
}

impl SignUpForm {
    fn registration(&self) -> Registration {
        Registration {
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            password: self.password.clone(),
            locale: self.locale.clone(),
        }
    }
}

pub(crate) fn password_hint(ctx: &PageCtx, min: usize) -> String {
    ctx.tr.t_args(
        "account-password-hint",
        &[("min", crate::i18n::Arg::Num(min as i64))],
    )
}

fn sign_up_page(ctx: PageCtx, form: &SignUpForm, errors: &FormErrors, min: usize) -> SignUpPage {
    let hint = password_hint(&ctx, min);
    let locale = if form.locale.is_empty() {
        ctx.locale.code().to_string()
    } else {
        form.locale.clone()
    };
    let fields = vec![
        Field::new(&ctx, "email", "email", &form.email, errors)
            .autocomplete("email")
            .max(254),
        Field::new(&ctx, "display_name", "text", &form.display_name, errors)
            .autocomplete("name")
            .max(80),
        Field::new(&ctx, "password", "password", "", errors)
            .autocomplete("new-password")
            .max(256)
            .hint(hint),
        Field::new(&ctx, "locale", "select", &locale, errors).options(locale_choices(&locale)),
    ];
    let return_to = routes::safe_local_path(&form.return_to)
        .unwrap_or("")
        .to_string();
    let sign_in_url = format!(
        "{}{}",
        routes::sign_in(ctx.locale),
        routes::query(&[("return_to", return_to.clone())])
    );
    SignUpPage {
        summary: summary(&ctx, errors),
        fields,
        return_to,
        sign_in_url,
        ctx,
    }
}

pub async fn sign_up_form(
    req: HttpRequest,
    lang: Lang,
    q: web::Query<ReturnTo>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let form = SignUpForm {
        email: String::new(),
        display_name: String::new(),
        password: String::new(),
        locale: String::new(),
        return_to: q.into_inner().return_to,
    };
    render_status(
        &sign_up_page(
            ctx,
            &form,
            &FormErrors::default(),
            state.passwords.min_length,
        ),
        StatusCode::OK,
    )
}

pub async fn sign_up(
    req: HttpRequest,
    lang: Lang,
    checked: Checked<SignUpForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let form = &checked.form;
    let input = form.registration();
    let gate = gate(&req, &state, &checked.session);
    let entered = state.db(move |c| entry::sign_up(c, &gate, &input)).await?;
    match entered {
        Entered::SignedIn {
            session,
            cart_count,
        } => {
            let target = Locale::parse(&form.locale).unwrap_or(lang.0);
            Ok(signed_in(
                &checked.session,
                &session,
                cart_count,
                target,
                &form.return_to,
            ))
        }
        Entered::Refused { errors, wait } => {
            let status = if wait.is_some() {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let ctx = PageCtx::build(&req, &state, lang.0);
            let page = sign_up_page(ctx, form, &errors, state.passwords.min_length);
            with_retry_after(render_status(&page, status)?, wait)
        }
    }
}

// ---------- sign out ----------

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn sign_out(
    lang: Lang,
    session: Session,
    user: CurrentUser,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    if let Some(u) = user.0 {
        let sid = u.session_id.clone();
        state
            .write_changing(Changes::Identity, move |c| {
                Ok(crate::identity::repo::delete_session(c, &sid)?)
            })
            .await?;
    }
    SessionData(&session).purge();
    Ok(see_other(&routes::home(lang.0)))
}

// ---------- account page ----------

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    time_zone: String,
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// The change-of-address form: the new address and the current password.
pub(crate) fn email_fields(ctx: &PageCtx, new_email: &str, errors: &FormErrors) -> Vec<Field> {
    vec![
        Field::new(ctx, "new_email", "email", new_email, errors)
            .label(ctx.t("account-new-email"))
            .hint(ctx.t("account-new-email-hint"))
            .autocomplete("email")
            .max(254),
        Field::new(ctx, "email_password", "password", "", errors)
            .label(ctx.t("account-current-password"))
            .autocomplete("current-password")
            .max(256),
    ]
}

pub(crate) fn account_page(
    ctx: PageCtx,
    user: &crate::identity::model::AuthUser,
    profile: (&str, &str, &str, &FormErrors),
    password_errors: &FormErrors,
    min: usize,
) -> AccountPage {
    let (name, locale, zone, profile_errors) = profile;
    let hint = password_hint(&ctx, min);
    let mut profile_fields = vec![
        Field::new(&ctx, "display_name", "text", name, profile_errors)
            .autocomplete("name")
            .max(80),
        Field::new(&ctx, "locale", "select", locale, profile_errors)
            .options(locale_choices(locale)),
    ];
    if user.role == Role::Staff {
        let zone = if zone.is_empty() { "UTC" } else { zone };
        let choices = crate::zones::CHOICES
            .iter()
            .map(|z| Choice {
                value: (*z).to_string(),
                label: match *z {
                    "UTC" => "UTC".to_string(),
                    _ => format!(
                        "{} ({z})",
                        ctx.tr.i18n().formatters.zone_name(ctx.locale, z)
                    ),
                },
                selected: *z == zone,
            })
            .collect();
        profile_fields.push(
            Field::new(&ctx, "time_zone", "select", zone, profile_errors)
                .label(ctx.t("account-time-zone"))
                .hint(ctx.t("account-time-zone-hint"))
                .options(choices),
        );
    }
    AccountPage {
        email: user.email.clone(),
        role_label: ctx.t(&format!("account-role-{}", user.role.as_str())),
        profile_fields,
        profile_summary: summary(&ctx, profile_errors),
        password_fields: vec![
            Field::new(&ctx, "current_password", "password", "", password_errors)
                .autocomplete("current-password")
                .max(256),
            Field::new(&ctx, "new_password", "password", "", password_errors)
                .autocomplete("new-password")
                .max(256)
                .hint(hint),
        ],
        password_summary: summary(&ctx, password_errors),
        email_fields: email_fields(&ctx, "", &FormErrors::default()),
        email_summary: Vec::new(),
        notifications: Vec::new(),
        ctx,
    }
}

pub async fn account(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let u = user.0;
    let uid = u.id;
    let messages = state
        .db(move |c| Ok(crate::orders::notify::latest(c, uid, 20)?))
        .await?;
    let none = FormErrors::default();
    let mut page = account_page(
        ctx,
        &u,
        (&u.display_name, &u.locale, &u.time_zone, &none),
        &none,
        state.passwords.min_length,
    );
    page.notifications = messages
        .into_iter()
        .map(|(kind, number, at)| {
            let text = page
                .ctx
                .t1(&format!("notification-{kind}"), "number", &number);
            let when = page
                .ctx
                .tr
                .i18n()
                .formatters
                .date(page.ctx.locale, at.date());
            (text, when)
        })
        .collect();
    render_status(&page, StatusCode::OK)
}

pub async fn update_profile(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    session: Session,
    form: web::Form<ProfileForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let u = user.0;
    let (id, name, locale) = (u.id, form.display_name.clone(), form.locale.clone());
    let zone = (u.role == Role::Staff).then(|| form.time_zone.clone());
    let now = state.clock.now();
    let result = state
        .write_changing(Changes::Identity, move |c| {
            service::update_profile(c, id, &name, &locale, zone.as_deref(), now)
        })
        .await?;
    match result {
        Ok(()) => {
            SessionData(&session).set_flash("account-saved");
            Ok(see_other(&routes::account(lang.0)))
        }
        Err(errors) => {
            let ctx = PageCtx::build(&req, &state, lang.0);
            let none = FormErrors::default();
            render_status(
                &account_page(
                    ctx,
                    &u,
                    (&form.display_name, &form.locale, &form.time_zone, &errors),
                    &none,
                    state.passwords.min_length,
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub async fn change_password(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    session: Session,
    form: web::Form<PasswordForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let u = user.0;
    let (pw, id, sid) = (state.passwords.clone(), u.id, u.session_id.clone());
    let (current, new) = (form.current_password.clone(), form.new_password.clone());
    let now = state.clock.now();
    let result = state
        .write_changing(Changes::Identity, move |c| {
            service::change_password(c, &pw, id, &sid, &current, &new, now)
        })
        .await?;
    match result {
        Ok(()) => {
            SessionData(&session).set_flash("account-password-changed");
            Ok(see_other(&routes::account(lang.0)))
        }
        Err(errors) => {
            let ctx = PageCtx::build(&req, &state, lang.0);
            let none = FormErrors::default();
            render_status(
                &account_page(
                    ctx,
                    &u,
                    (&u.display_name, &u.locale, &u.time_zone, &none),
                    &errors,
                    state.passwords.min_length,
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}
