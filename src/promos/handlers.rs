//! Thin handlers for the public campaign pages: `/promos` (live and upcoming) and `/promo/{slug}` (with the
//! staff-only preview `?at=`).

use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::{web, HttpRequest, HttpResponse};

use super::repo;
use super::views::{EndedPage, PromosPage};
use crate::campaigns::model::{Phase, PromoRow};
use crate::campaigns::tiles::{discount_label, tiles, when_line};
use crate::campaigns::{pricing, schedule};
use crate::catalogue::cards;
use crate::catalogue::listing::ListingQuery;
use crate::catalogue::repo::Scope;
use crate::catalogue::service::{self, CategoryLinks, Shopper};
use crate::catalogue::views::{ListingPage, PromoHeader};
use crate::error::{AppError, AppResult};
use crate::http::auth::CurrentUser;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::page_cache::Cached;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::identity::model::Role;
use crate::routes;

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
    let (rows, texts) = state
        .db(move |c| {
            let rows = repo::current(c, at)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
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

/// What the promo page shows when the campaign has started or is coming.
struct Live {
    data: crate::catalogue::service::ListingData,
    featured: Vec<cards::ProductCard>,
    promo: PromoRow,
    text: crate::campaigns::model::PromoText,
    slugs: Vec<(Locale, String)>,
}

enum Outcome {
    Redirect(String),
    Ended(String, String),
    Page(Box<Live>),
}

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: CurrentUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let slug = path.into_inner().1;
    let staff = user.0.as_ref().is_some_and(|u| u.role == Role::Staff);
    let asked = preview_instant(req.query_string());
    // Only staff preview; for everyone else `at` means nothing.
    let preview = staff.then_some(asked).flatten();
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    // Read after the cache lookup, which keys the page by the campaign state at the time of the lookup.
    let at = preview.unwrap_or_else(|| state.clock.now());
    let lq = ListingQuery::parse(req.query_string(), ctx.market.currency)
        .shipping_to(ctx.market.ship_to);
    let (tr, cur, cache) = (ctx.tr.clone(), ctx.market.currency, state.cache.clone());
    let zone = crate::zones::of_country(ctx.market.ship_to);
    let q2 = lq.clone();
    let outcome = state
        .db(move |c| {
            let (id, _) = repo::by_slug(c, &slug)?.ok_or_else(AppError::not_found)?;
            let promo = repo::by_id(c, id)?;
            if !promo.published() && !staff {
                return Err(AppError::not_found());
            }
            let texts = repo::texts(c, id)?;
            let t = repo::pick(&texts, l)
                .cloned()
                .ok_or_else(AppError::not_found)?;
            if t.slug != slug {
                return Ok(Outcome::Redirect(t.slug));
            }
            let slugs: Vec<(Locale, String)> = Locale::ALL
                .iter()
                .filter_map(|x| repo::pick(&texts, *x).map(|t| (*x, t.slug.clone())))
                .collect();
            let mut shop = Shopper::load(c, tr.clone(), cur, cache, at)?;
            let phase = promo.phase(at);
            if phase == Phase::Ended {
                return Ok(Outcome::Ended(
                    t.title.clone(),
                    when_line(&tr, &promo, at, zone),
                ));
            }
            if phase == Phase::Live && !shop.promos.promos.iter().any(|x| x.id == id) {
                // A draft previewed by staff prices as if it were published.
                std::sync::Arc::make_mut(&mut shop.promos)
                    .promos
                    .extend(pricing::single(c, id, &shop.tree)?.promos);
            }
            let targets = pricing::targets_of(c, &[id], &shop.tree)?
                .remove(&id)
                .unwrap_or_default();
            let featured_ids = repo::featured(c, id)?;
            let featured: Vec<cards::ProductCard> = cards::load(c, &shop, &featured_ids)?;
            let base = routes::promo(l, &t.slug);
            let data = service::listing(
                c,
                &shop,
                Scope::Promo(targets),
                &q2,
                CategoryLinks::Filter { base_path: &base },
            )?;
            Ok(Outcome::Page(Box::new(Live {
                data,
                featured,
                promo,
                text: t,
                slugs,
            })))
        })
        .await?;
    let preview_note = preview.map(|p| {
        ctx.t1(
            "promo-preview-banner",
            "at",
            &schedule::show(&ctx.tr, p, ctx.staff_zone()),
        )
    });
    let mut resp = match outcome {
        Outcome::Redirect(own) => {
            let target = format!(
                "{}{}",
                routes::promo(l, &own),
                match req.query_string() {
                    "" => String::new(),
                    q => format!("?{q}"),
                }
            );
            return Ok(HttpResponse::MovedPermanently()
                .insert_header(("Location", target))
                .finish());
        }
        Outcome::Ended(title, when) => {
            let page = EndedPage {
                title,
                when,
                preview: preview_note,
                ctx,
            };
            state.pages.render(punch, &page)?
        }
        Outcome::Page(b) => {
            let Live {
                data,
                featured,
                promo,
                text: t,
                slugs,
            } = *b;
            let per_locale: Vec<(Locale, String)> = slugs
                .iter()
                .map(|(x, s)| (*x, format!("/promo/{}", s)))
                .collect();
            ctx.set_paths(&per_locale, "");
            let text_lang = Locale::parse(&t.locale)
                .filter(|x| *x != l)
                .map(Locale::code);
            let header = PromoHeader {
                phase: match promo.phase(at) {
                    Phase::Upcoming => "upcoming",
                    Phase::Live => "live",
                    Phase::Ended => "ended",
                },
                when: when_line(
                    &ctx.tr,
                    &promo,
                    at,
                    crate::zones::of_country(ctx.market.ship_to),
                ),
                discount: discount_label(&ctx.tr, promo.discount_percent),
                subtitle: t.subtitle.clone(),
                body_html: crate::markdown::render(&t.body),
                text_lang,
                hero: (!promo.hero_path.is_empty())
                    .then(|| (routes::media(&promo.hero_path), t.hero_alt.clone())),
                preview: preview_note,
                promos_url: routes::promos(l),
            };
            let base = routes::promo(l, &t.slug);
            let mut page = ListingPage::new(ctx, t.title.clone(), base, lq, data);
            page.promo = Some(header);
            page.featured = featured;
            state.pages.render(punch, &page)?
        }
    };
    if staff {
        // Staff see drafts and other instants: never cache what they see.
        resp.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        resp.headers_mut().insert(
            actix_web::http::header::HeaderName::from_static("x-robots-tag"),
            HeaderValue::from_static("noindex"),
        );
    }
    Ok(resp)
}
