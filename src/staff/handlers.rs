//! Staff handlers shared by the back office (menu, stale-rate warning, times) and the dashboard and audit log.
//! Every handler requires the staff role; POSTs check the CSRF token and record an audit entry. Categories are in
//! `category_handlers.rs`, exchange rates in `rate_handlers.rs`.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::views::*;
use super::{dashboard, rates};
use crate::audit;
use crate::backoffice::staff::chrome;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::money::Currency;

pub(super) fn url(l: Locale, rest: &str) -> String {
    crate::routes::staff(l, rest)
}

/// Oldest current rate age check, done with the page's other queries.
pub fn stale_codes(
    c: &mut DbConnection,
    max_age_days: i64,
    t: time::PrimitiveDateTime,
) -> AppResult<Vec<String>> {
    Ok(rates::current(c, t)?
        .into_iter()
        .filter(|(cur, _, from)| {
            *cur != Currency::BASE && *from < t - time::Duration::days(max_age_days)
        })
        .map(|(cur, _, _)| cur.code().to_string())
        .collect())
}

pub(super) fn when(ctx: &PageCtx, t: time::PrimitiveDateTime) -> String {
    ctx.when_zoned(t, ctx.staff_zone())
}

// ---------- dashboard ----------

pub async fn dashboard(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (overview, recent, stale, reports) = state
        .db(move |c| {
            let o = dashboard::overview(c, now)?;
            let r = audit::list(c, &audit::AuditFilter::default(), 8, 0)?;
            let reports = crate::reports::service::open_count(c)?;
            Ok((o, r, stale_codes(c, max_age, now)?, reports))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome = chrome(&ctx, "", &stale, max_age);
    let page = DashboardPage::new(ctx, chrome, overview, reports, recent);
    render_status(&page, StatusCode::OK)
}

// ---------- audit ----------

/// Audit entries per page.
const AUDIT_PAGE: i64 = 50;

pub async fn audit(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (filter, page) = audit::AuditFilter::from_query(req.query_string());
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let f2 = filter.clone();
    let (entries, actions, stale) = state
        .db(move |c| {
            Ok((
                audit::list(c, &f2, AUDIT_PAGE + 1, (page - 1) * AUDIT_PAGE)?,
                audit::actions(c)?,
                stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome = chrome(&ctx, "/audit", &stale, max_age);
    let page = AuditPage::new(ctx, chrome, (filter, page), entries, actions);
    render_status(&page, StatusCode::OK)
}
