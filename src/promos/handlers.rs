//! Thin handlers for the public campaign pages: `/promos` (live and upcoming) and `/promo/{slug}` (with the
//! staff-only preview `?at=`).

use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::{web, HttpRequest, HttpResponse};

use super::repo;
use super::service::{self, Outcome};
use super::views::{self, PromosPage};
use crate::campaigns::model::{Phase, PromoRow};
use crate::campaigns::tiles::tiles;
use crate::counters::Seen;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::extract::Lang;
use crate::http::moved_permanently;
use crate::http::page::PageCtx;
use crate::http::page_cache::Cached;
use crate::http::state::AppState;
use crate::identity::model::Role;
use crate::ids::PromoId;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/promos", web::get().to(index))
        .route("/promo/{slug}", web::get().to(page));
}

pub async fn index(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let mut ctx = PageCtx::shopper(&req, &state, lang.0);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    // Read after the cache lookup, which keys the page by the campaign state at the time of the lookup.
    let at = state.clock.now();
    let (market, l) = (ctx.market.ship_to, ctx.locale);
    let (rows, texts) = state
        .db(move |c| {
            let rows = repo::current_for(c, at, market, l)?;
            let ids: Vec<PromoId> = rows.iter().map(|r| r.id).collect();
            Ok((rows, repo::texts_of(c, &ids)?))
        })
        .await?;
    let (live, upcoming): (Vec<PromoRow>, Vec<PromoRow>) =
        rows.into_iter().partition(|p| p.phase(at) == Phase::Live);
    let page = PromosPage {
        live: tiles(&ctx, &live, &texts, at),
        upcoming: tiles(&ctx, &upcoming, &texts, at),
        ctx,
    };
    state.pages.render(punch, &page)
}

/// `?at=2026-11-11T00:00:00Z` (RFC 3339) for staff previews.
fn preview_instant(query: &str) -> Option<time::PrimitiveDateTime> {
    let raw = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "at")
        .map(|(_, v)| v.into_owned())?;
    let odt =
        time::OffsetDateTime::parse(&raw, &time::format_description::well_known::Rfc3339).ok()?;
    let utc = odt.to_offset(time::UtcOffset::UTC);
    Some(time::PrimitiveDateTime::new(utc.date(), utc.time()))
}

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: CurrentUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let staff = user.0.as_ref().is_some_and(|u| u.role == Role::Staff);
    // Only staff preview; for everyone else `at` means nothing.
    let preview = staff.then(|| preview_instant(req.query_string())).flatten();
    let mut ctx = PageCtx::shopper(&req, &state, lang.0);
    let view = (path.1.clone(), ctx.market.ship_to, state.clock.now().date());
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => {
            state.views.hit(Seen::Promo(view.0.clone()), view.1, view.2);
            return Ok(r);
        }
        Cached::Miss(p) => p,
    };
    // Read after the cache lookup, which keys the page by the campaign state at the time of the lookup.
    let at = preview.unwrap_or_else(|| state.clock.now());
    let ask = service::PromoAsk::new(&ctx, &req, path.into_inner().1, staff, at, &state);
    let lq = ask.listing.clone();
    let outcome = state.db(move |c| service::promo_page(c, ask)).await?;
    if let Outcome::Redirect(own) = &outcome {
        return Ok(moved_permanently(&views::own_slug_url(&req, lang.0, own)));
    }
    if matches!(outcome, Outcome::Page(_)) && !staff {
        state.views.hit(Seen::Promo(view.0.clone()), view.1, view.2);
    }
    let mut resp = respond(&state, punch, ctx, outcome, (lq, at, preview))?;
    if staff {
        // Staff see drafts and other instants: never cache what they see.
        private_preview(&mut resp);
    }
    Ok(resp)
}

/// The promo page for what [`service::promo_page`] found (a redirect is answered before).
fn respond(
    state: &AppState,
    punch: Option<crate::http::page_cache::Punch<'_>>,
    ctx: PageCtx,
    outcome: Outcome,
    (lq, at, preview): (
        crate::catalogue::listing::ListingQuery,
        time::PrimitiveDateTime,
        Option<time::PrimitiveDateTime>,
    ),
) -> AppResult<HttpResponse> {
    match outcome {
        Outcome::Ended(title, when) => {
            let page = views::ended_page(ctx, title, when, "promo-ended-text", preview);
            state.pages.render(punch, &page)
        }
        Outcome::NotHere(title) => {
            // A 404 is never stored: dropping the slot lets the next request render for itself.
            drop(punch);
            let page = views::ended_page(ctx, title, String::new(), "promo-not-here", preview);
            crate::http::render_status(&page, actix_web::http::StatusCode::NOT_FOUND)
        }
        Outcome::Page(live) => {
            let page = views::live_page(ctx, lq, *live, at, preview);
            state.pages.render(punch, &page)
        }
        Outcome::Redirect(_) => Err(crate::error::AppError::not_found()),
    }
}

fn private_preview(resp: &mut HttpResponse) {
    resp.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
}
