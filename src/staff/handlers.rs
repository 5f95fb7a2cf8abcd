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
use crate::http::page::{Choice, PageCtx};
use crate::http::render_status;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::money::Currency;

pub(super) fn url(l: Locale, rest: &str) -> String {
    format!("/{l}/staff{rest}")
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

pub(super) fn locale_name(ctx: &PageCtx, code: &str) -> String {
    Locale::parse(code)
        .map(|l| l.autonym().to_string())
        .unwrap_or_else(|| ctx.t("staff-unknown"))
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
    let n = |v: i64| ctx.tr.i18n().formatters.number(ctx.locale, v);
    let tiles = vec![
        (ctx.t("staff-tile-pending"), n(overview.pending_merchants)),
        (ctx.t("staff-tile-shops"), n(overview.approved_merchants)),
        (ctx.t("staff-tile-products"), n(overview.listed_products)),
        (
            ctx.t("staff-tile-new-products"),
            n(overview.new_products_week),
        ),
        (ctx.t("staff-tile-open-reports"), n(reports)),
    ];
    let mut misses: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (loc, q, times) in overview.misses {
        let name = locale_name(&ctx, &loc);
        match misses.iter_mut().find(|(x, _)| *x == name) {
            Some((_, list)) => list.push((q, n(times))),
            None => misses.push((name, vec![(q, n(times))])),
        }
    }
    let recent = recent.into_iter().map(|e| audit_line(&ctx, e)).collect();
    let chrome = chrome(&ctx, "", &stale, max_age);
    render_status(
        &DashboardPage {
            chrome,
            tiles,
            misses,
            recent,
            ctx,
        },
        StatusCode::OK,
    )
}

fn audit_line(ctx: &PageCtx, e: audit::AuditEntry) -> AuditLine {
    AuditLine {
        when: when(ctx, e.created_at),
        actor: e.actor_email.unwrap_or_else(|| ctx.t("staff-unknown")),
        action: e.action,
        subject: e.subject,
        detail: e.detail,
    }
}

// ---------- audit ----------

pub async fn audit(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let mut filter = audit::AuditFilter::default();
    let mut page: i64 = 1;
    for (k, v) in form_urlencoded::parse(req.query_string().as_bytes()) {
        match k.as_ref() {
            "action" if !v.is_empty() => filter.action = Some(v.chars().take(64).collect()),
            "actor" if !v.trim().is_empty() => {
                filter.actor = Some(v.trim().chars().take(254).collect())
            }
            "page" => page = v.parse::<i64>().unwrap_or(1).clamp(1, 1000),
            _ => {}
        }
    }
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let f2 = filter.clone();
    let (entries, actions, stale) = state
        .db(move |c| {
            Ok((
                audit::list(c, &f2, 51, (page - 1) * 50)?,
                audit::actions(c)?,
                stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let more = entries.len() > 50;
    let lines = entries
        .into_iter()
        .take(50)
        .map(|e| audit_line(&ctx, e))
        .collect();
    let mut action_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("staff-audit-all"),
        selected: filter.action.is_none(),
    }];
    action_choices.extend(actions.into_iter().map(|a| Choice {
        selected: filter.action.as_deref() == Some(a.as_str()),
        label: a.clone(),
        value: a,
    }));
    let mut pairs = Vec::new();
    if let Some(a) = &filter.action {
        pairs.push(("action", a.clone()));
    }
    if let Some(a) = &filter.actor {
        pairs.push(("actor", a.clone()));
    }
    pairs.push(("page", (page + 1).to_string()));
    let next_url =
        more.then(|| format!("{}{}", url(lang.0, "/audit"), crate::routes::query(&pairs)));
    let chrome = chrome(&ctx, "/audit", &stale, max_age);
    render_status(
        &AuditPage {
            chrome,
            lines,
            action_choices,
            actor: filter.actor.unwrap_or_default(),
            next_url,
            ctx,
        },
        StatusCode::OK,
    )
}
