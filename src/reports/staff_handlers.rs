//! The staff queue of product notices: `/{lang}/staff/reports[?status=open&page=2]` and the status change.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service;
use super::views::{queue_url, QueuePage};
use super::Status;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::routes;

#[derive(Deserialize)]
pub struct QueueQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    page: i64,
}

/// `?status=` with "all" for every status; none means the open ones.
fn status_filter(raw: &str) -> Option<Status> {
    match raw {
        "" => Some(Status::Open),
        "all" => None,
        s => Some(Status::parse(s).unwrap_or(Status::Open)),
    }
}

pub async fn queue(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    q: web::Query<QueueQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, filter, page) = (lang.0, status_filter(&q.status), q.page.max(1));
    let (items, counts) = state
        .db(move |c| service::queue(c, filter, page, l))
        .await?;
    let ctx = PageCtx::build(&req, &state, l);
    let max_age = state.config.rate_max_age_days;
    let chrome = crate::backoffice::staff::chrome(&ctx, "/reports", &[], max_age);
    let page = QueuePage::new(ctx, chrome, (filter, page), items, &counts);
    render_status(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
pub struct Back {
    #[serde(default)]
    back: String,
}

pub async fn update(
    lang: Lang,
    path: web::Path<(String, i64)>,
    back: web::Query<Back>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<DecisionForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (id, actor, now) = (path.1, staff.0.id, state.clock.now());
    let to = Status::parse(&form.status).ok_or_else(crate::error::AppError::not_found)?;
    let note = form.note.clone();
    let outcome = state
        .db(move |c| service::decide(c, actor, id, to, &note, now))
        .await?;
    SessionData(&session).set_flash(outcome.err().unwrap_or("staff-saved"));
    let back = routes::safe_local_path(&back.back)
        .map(str::to_string)
        .unwrap_or_else(|| queue_url(lang.0, "open", 1));
    Ok(see_other(&format!("{back}#report-{id}")))
}
