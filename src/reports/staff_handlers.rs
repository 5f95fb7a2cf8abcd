//! The staff queue of product notices: `/{lang}/staff/reports[?status=open&page=2]` and the status change.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service::{self, QueueItem};
use super::views::{QueueLine, QueuePage};
use super::{Reason, Status};
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::auth::RequireStaff;
use crate::web::extract::Lang;
use crate::web::page::{Choice, PageCtx};
use crate::web::session::SessionData;
use crate::web::{render_status, require_csrf, routes, see_other};

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

fn queue_url(l: Locale, status: &str, page: i64) -> String {
    let mut pairs = vec![("status", status.to_string())];
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    format!("{}{}", routes::staff(l, "/reports"), routes::query(&pairs))
}

fn line(ctx: &PageCtx, item: QueueItem, back: &str) -> QueueLine {
    let r = item.row;
    let status = Status::parse(&r.status).unwrap_or(Status::Open);
    QueueLine {
        id: r.id,
        when: ctx.when_zoned(r.created_at, ctx.staff_zone()),
        product: item
            .product
            .as_ref()
            .map_or_else(|| format!("#{}", r.product_id), |p| p.title.clone()),
        product_url: item.product.as_ref().map(|p| p.url.clone()),
        shop: item.product.map(|p| p.shop_name).unwrap_or_default(),
        reason: Reason::parse(&r.reason).map_or(r.reason.clone(), |x| ctx.t(&x.message_id())),
        details: r.details,
        contact: r.contact,
        language: Locale::parse(&r.locale).map_or(r.locale.clone(), |l| l.autonym().into()),
        status: ctx.t(&status.message_id()),
        note: r.staff_note,
        choices: status
            .choices()
            .into_iter()
            .map(|s| Choice {
                value: s.as_str().into(),
                label: ctx.t(&s.message_id()),
                selected: s == status,
            })
            .collect(),
        action: format!(
            "{}?back={}",
            routes::staff(ctx.locale, &format!("/reports/{}", r.id)),
            urlencode(back)
        ),
        error: None,
    }
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
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
    let current = filter.map_or("all", Status::as_str);
    let here = queue_url(l, current, page);
    let mut tabs: Vec<(String, String, bool)> = Status::ALL
        .iter()
        .map(|s| {
            let n = counts.get(s.as_str()).copied().unwrap_or(0);
            let label = format!(
                "{} ({})",
                ctx.t(&s.message_id()),
                ctx.tr.i18n().formatters.number(l, n)
            );
            (label, queue_url(l, s.as_str(), 1), Some(*s) == filter)
        })
        .collect();
    tabs.push((
        ctx.t("report-status-all"),
        queue_url(l, "all", 1),
        filter.is_none(),
    ));
    let full = items.len() as i64 == service::QUEUE_PAGE;
    let lines = items.into_iter().map(|i| line(&ctx, i, &here)).collect();
    let page = QueuePage {
        chrome: crate::staff::handlers::chrome(
            &ctx,
            "/reports",
            &[],
            state.config.rate_max_age_days,
        ),
        tabs,
        lines,
        next_url: full.then(|| queue_url(l, current, page + 1)),
        prev_url: (page > 1).then(|| queue_url(l, current, page - 1)),
        ctx,
    };
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
