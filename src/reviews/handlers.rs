//! Thin handlers: the review form (a buyer's delivered line), reports, the shop's list with replies and the
//! staff moderation queue. A product's reviews page is the catalogue's (it needs the product's title and slug).

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::form::{short_text, ReviewForm};
use super::model::Refusal;
use super::service::{self, Submitted};
use super::views::{self, Chrome};
use super::{moderation, repo};
use crate::backoffice::merchant as area;
use crate::error::{AppError, AppResult};
use crate::http::auth::{RequireMerchant, RequireStaff, RequireUser};
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{form_status, FormErrors};
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, upload};
use crate::media::MAX_UPLOAD_BYTES;
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/reviews/new/{line}", web::get().to(new))
        .route("/reviews/new/{line}", web::post().to(create))
        .route("/reviews/{id}/report", web::post().to(report))
        .route("/merchant/reviews", web::get().to(shop_list))
        .route("/merchant/reviews/{id}/reply", web::post().to(reply))
        .route("/staff/reviews", web::get().to(queue))
        .route("/staff/reviews/{id}/hide", web::post().to(hide))
        .route("/staff/reviews/{id}/restore", web::post().to(restore));
}

/// The refusal as a page: 404 for a line that is not the account's, 422 with the reason otherwise.
fn refused(ctx: PageCtx, r: Refusal) -> AppResult<HttpResponse> {
    match r {
        Refusal::NotBought => Err(AppError::not_found()),
        other => render_status(
            &views::refused_page(ctx, other),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

pub async fn new(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let b = match service::line(&state, user.0.id, path.1).await? {
        Ok(b) => b,
        Err(r) => return refused(ctx, r),
    };
    let page = views::write_page(ctx, &b, &ReviewForm::blank(lang.0), &FormErrors::default());
    render_status(&page, StatusCode::OK)
}

pub async fn create(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireUser,
    session: Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let up = upload::read(mp, super::model::MAX_PHOTOS + 1, MAX_UPLOAD_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let b = match service::line(&state, user.0.id, path.1).await? {
        Ok(b) => b,
        Err(r) => return refused(ctx, r),
    };
    match service::submit(&state, user.0.id, path.1, up).await? {
        Submitted::Saved(_) => Ok(crate::http::checked::saved(
            &session,
            "review-thanks",
            &routes::order(lang.0, &b.order_number),
        )),
        Submitted::Invalid(form, errors) => render_status(
            &views::write_page(ctx, &b, &form, &errors),
            form_status(&errors),
        ),
        Submitted::Refused(r) => refused(ctx, r),
    }
}

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    back: String,
}

pub async fn report(
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireUser,
    checked: Checked<ReportForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, uid, now) = (path.1, user.0.id, state.clock.now());
    let reason = checked.form.reason.clone();
    let done = state
        .db(move |c| moderation::report(c, id, uid, &reason, now))
        .await?;
    let back = routes::safe_local_path(&checked.form.back)
        .map_or_else(|| routes::home(lang.0), str::to_string);
    Ok(checked.saved(done.message_id(), &back))
}

pub async fn shop_list(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/reviews").await?;
    let shop = a.shop.id;
    let rows = state.db(move |c| Ok(repo::of_shop(c, shop, 200)?)).await?;
    let lines = rows
        .iter()
        .map(|r| views::managed(&a.ctx, false, r, &[]))
        .collect();
    let page = views::manage_page(a.ctx, Chrome::Merchant(a.chrome), lines);
    render_status(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    reply: String,
    #[serde(default)]
    lang: String,
}

pub async fn reply(
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    checked: Checked<ReplyForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let shop = area::my_shop(&state, &user).await?.id;
    let back = routes::merchant(lang.0, "/reviews");
    let text = match short_text(&checked.form.reply) {
        Ok(t) => t,
        Err(problem) => return Ok(checked.saved(problem, &back)),
    };
    let in_lang = crate::i18n::Locale::parse(&checked.form.lang)
        .unwrap_or(lang.0)
        .code();
    let (id, actor, now) = (path.1, user.0.id, state.clock.now());
    let done = state
        .write(move |c| moderation::reply(c, (id, shop), &text, in_lang, (actor, now)))
        .await?;
    if !done {
        return Err(AppError::not_found());
    }
    Ok(checked.saved("review-reply-saved", &back))
}

pub async fn queue(
    req: HttpRequest,
    lang: Lang,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome =
        crate::backoffice::staff::chrome(&ctx, "/reviews", &[], state.config.rate_max_age_days);
    let rows = state.db(moderation::queue).await?;
    let lines = rows
        .iter()
        .map(|(r, reasons)| views::managed(&ctx, true, r, reasons))
        .collect();
    render_status(
        &views::manage_page(ctx, Chrome::Staff(chrome), lines),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct HideForm {
    #[serde(default)]
    reason: String,
}

pub async fn hide(
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    checked: Checked<HideForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let back = routes::staff(lang.0, "/reviews");
    let reason = match short_text(&checked.form.reason) {
        Ok(t) => t,
        Err(_) => return Ok(checked.saved("review-hide-reason-required", &back)),
    };
    let (id, actor, now) = (path.1, staff.0.id, state.clock.now());
    state
        .write(move |c| moderation::set_hidden(c, id, Some(&reason), (actor, now)))
        .await?;
    Ok(checked.saved("review-hidden", &back))
}

pub async fn restore(
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    checked: Checked<crate::http::checked::NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, actor, now) = (path.1, staff.0.id, state.clock.now());
    state
        .write(move |c| moderation::set_hidden(c, id, None, (actor, now)))
        .await?;
    Ok(checked.saved("review-restored", &routes::staff(lang.0, "/reviews")))
}
