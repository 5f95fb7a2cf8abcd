//! Thin handlers: extract, one service call, render or redirect.

use actix_web::{web, HttpRequest, HttpResponse};

use super::listing::ListingQuery;
use super::repo::Scope;
use super::service::{self, CategoryLinks, Shopper};
use super::views::{HomePage, ListingPage, ProductPage};
use crate::error::{AppError, AppResult};
use crate::geo::{is_origin, CountryCode};
use crate::http::extract::Lang;
use crate::http::moved_permanently;
use crate::http::page::PageCtx;
use crate::http::page_cache::Cached;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::routes;

fn flag_url(state: &AppState, cc: CountryCode) -> String {
    state.assets.url(&format!("flags/{}.svg", cc.lower()))
}

pub async fn home(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let mut ctx = PageCtx::shopper(&req, &state, lang.0);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let (tr, cur, cache) = (ctx.tr.clone(), ctx.market.currency, state.cache.clone());
    let at = state.clock.now();
    let st = state.clone();
    let (data, live, texts) = state
        .db(move |c| {
            let shop = Shopper::load(c, tr, cur, cache, at)?;
            let data = service::home(c, &shop, |cc| flag_url(&st, cc))?;
            let live: Vec<crate::campaigns::model::PromoRow> =
                crate::campaigns::repo::current(c, at)?
                    .into_iter()
                    .filter(|p| p.phase(at) == crate::campaigns::model::Phase::Live)
                    .collect();
            let ids: Vec<i64> = live.iter().map(|p| p.id).collect();
            let texts = crate::campaigns::repo::texts_of(c, &ids)?;
            Ok((data, live, texts))
        })
        .await?;
    let promos = crate::campaigns::tiles::tiles(&ctx, &live, &texts, at);
    state.pages.render(punch, &HomePage { ctx, data, promos })
}

pub async fn category(
    req: HttpRequest,
    lang: Lang,
    slug: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let slug = slug.into_inner().1;
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let lq = ListingQuery::parse(req.query_string(), ctx.market.currency)
        .shipping_to(ctx.market.ship_to);
    let (tr, cur, cache) = (ctx.tr.clone(), ctx.market.currency, state.cache.clone());
    let at = state.clock.now();
    let q2 = lq.clone();
    let result = state
        .db(move |c| {
            let shop = Shopper::load(c, tr, cur, cache, at)?;
            let Some(node) = shop.tree.by_slug(l, &slug) else {
                // An old slug (renamed or deleted category) leads to the current page.
                let moved = crate::categories::repo::slug_redirect(c, l, &slug)?;
                return match moved.and_then(|id| shop.tree.get(id)) {
                    Some(n) => Ok(Err(n.slug(l))),
                    None => Err(AppError::not_found()),
                };
            };
            let own_slug = node.slug(l);
            if own_slug != slug {
                return Ok(Err(own_slug));
            }
            let node = node.clone();
            let scope = Scope::Categories(shop.tree.subtree_ids(node.id));
            let data = service::listing(
                c,
                &shop,
                scope,
                &q2,
                CategoryLinks::Children { parent: node.id },
            )?;
            let mut crumbs: Vec<(String, String)> = vec![(shop.tr.t("nav-home"), routes::home(l))];
            crumbs.extend(
                shop.tree
                    .path(node.id)
                    .iter()
                    .map(|n| (n.name(l), routes::category(l, &n.slug(l)))),
            );
            let per_locale: Vec<(Locale, String)> = Locale::ALL
                .iter()
                .map(|x| (*x, format!("/c/{}", node.slug(*x))))
                .collect();
            Ok(Ok((node.name(l), crumbs, per_locale, data)))
        })
        .await?;
    let (name, crumbs, per_locale, data) = match result {
        Ok(v) => v,
        Err(own_slug) => {
            let q = req.query_string();
            let target = routes::category(l, &own_slug) + if q.is_empty() { "" } else { "?" } + q;
            return Ok(HttpResponse::MovedPermanently()
                .insert_header(("Location", target))
                .finish());
        }
    };
    ctx.set_paths(&per_locale, "");
    let action = routes::category(
        l,
        &per_locale
            .iter()
            .find(|(x, _)| *x == l)
            .map(|(_, p)| p[3..].to_string())
            .unwrap_or_default(),
    );
    let mut page = ListingPage::new(ctx, name, action, lq, data);
    page.breadcrumbs = crumbs;
    state.pages.render(punch, &page)
}

pub async fn search(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let lq = ListingQuery::parse(req.query_string(), ctx.market.currency)
        .shipping_to(ctx.market.ship_to);
    ctx.search_q = lq.q.clone();
    let (tr, cur, cache) = (ctx.tr.clone(), ctx.market.currency, state.cache.clone());
    let at = state.clock.now();
    let q2 = lq.clone();
    let base = routes::search_base(l);
    let data = state
        .db(move |c| {
            let shop = Shopper::load(c, tr, cur, cache, at)?;
            let data = service::listing(
                c,
                &shop,
                Scope::All,
                &q2,
                CategoryLinks::Filter {
                    base_path: &routes::search_base(l),
                },
            )?;
            let unfiltered = q2.origins.is_empty()
                && q2.category.is_none()
                && q2.price_min.is_none()
                && q2.price_max.is_none()
                && !q2.in_stock;
            if data.total == 0 && q2.page == 1 && unfiltered && !q2.q.trim().is_empty() {
                super::repo::log_miss(c, l.code(), &q2.q, at)?;
            }
            Ok(data)
        })
        .await?;
    let per_locale: Vec<(Locale, String)> = Locale::ALL
        .iter()
        .map(|x| (*x, "/search".to_string()))
        .collect();
    ctx.set_paths(&per_locale, &routes::query(&[("q", lq.q.clone())]));
    let heading = if lq.q.is_empty() {
        ctx.t("search-title")
    } else {
        ctx.t1("search-results-for", "query", &lq.q)
    };
    // A search without results is not stored, so every such search reaches the staff's "searches that found
    // nothing" list.
    let punch = match punch {
        Some(p) if data.total == 0 => {
            drop(p);
            None
        }
        p => p,
    };
    let mut page = ListingPage::new(ctx, heading, base, lq, data);
    page.show_search_box = true;
    state.pages.render(punch, &page)
}

pub async fn origin(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let raw = path.into_inner().1;
    let cc = CountryCode::parse(&raw)
        .filter(|c| is_origin(*c))
        .ok_or_else(AppError::not_found)?;
    if raw != cc.lower() {
        return Ok(HttpResponse::MovedPermanently()
            .insert_header(("Location", routes::origin(l, cc)))
            .finish());
    }
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let lq = ListingQuery::parse(req.query_string(), ctx.market.currency)
        .shipping_to(ctx.market.ship_to);
    let (tr, cur, cache) = (ctx.tr.clone(), ctx.market.currency, state.cache.clone());
    let at = state.clock.now();
    let q2 = lq.clone();
    let base = routes::origin(l, cc);
    let base2 = base.clone();
    let data = state
        .db(move |c| {
            let shop = Shopper::load(c, tr, cur, cache, at)?;
            service::listing(
                c,
                &shop,
                Scope::Origin(cc.as_str().to_string()),
                &q2,
                CategoryLinks::Filter { base_path: &base2 },
            )
        })
        .await?;
    let heading = ctx.t(&format!("origin-heading-{}", cc.lower()));
    let intro = ctx.t(&format!("origin-intro-{}", cc.lower()));
    let mut page = ListingPage::new(ctx, heading, base, lq, data);
    page.intro = intro;
    state.pages.render(punch, &page)
}

pub async fn shop(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, slug) = (lang.0, path.into_inner().1);
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let lq = ListingQuery::parse(req.query_string(), ctx.market.currency)
        .shipping_to(ctx.market.ship_to);
    let (tr, cur, cache, at) = (
        ctx.tr.clone(),
        ctx.market.currency,
        state.cache.clone(),
        state.clock.now(),
    );
    let (base, q2) = (routes::shop(l, &slug), lq.clone());
    let shop = state
        .db(move |c| {
            let shopper = Shopper::load(c, tr, cur, cache, at)?;
            service::shop_listing(c, &shopper, &slug, &q2)
        })
        .await?;
    state
        .pages
        .render(punch, &ListingPage::for_shop(ctx, base, lq, shop))
}

pub async fn product(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let id_slug = path.into_inner().1;
    let (id_part, slug_part) = id_slug.split_once('-').unwrap_or((&id_slug, ""));
    let id: i64 = id_part.parse().map_err(|_| AppError::not_found())?;
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let (tr, cur, cache) = (ctx.tr.clone(), ctx.market.currency, state.cache.clone());
    let (at, ship_to) = (state.clock.now(), ctx.market.ship_to);
    let p = state
        .db(move |c| {
            let shop = Shopper::load(c, tr, cur, cache, at)?;
            service::product(c, &shop, id, ship_to)
        })
        .await?;
    let own_slug = p
        .slugs
        .iter()
        .find(|(x, _)| *x == l)
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    if own_slug != slug_part {
        return Ok(moved_permanently(&routes::product(l, id, &own_slug)).respond_to_owned(&req));
    }
    state.pages.render(punch, &ProductPage::new(ctx, p))
}

trait RespondOwned {
    fn respond_to_owned(self, req: &HttpRequest) -> HttpResponse;
}

impl<R: actix_web::Responder> RespondOwned for R {
    fn respond_to_owned(self, req: &HttpRequest) -> HttpResponse {
        self.respond_to(req).map_into_boxed_body()
    }
}

/// schema.org Product data, with `<` escaped so it can never close the script element.
/// `GET /sitemap.xml`: every public page in every locale (products bounded to the newest 10,000).
/// `GET /sitemap.xml`: the whole store, or the index of the files below.
pub async fn sitemap(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    sitemap_file(state, super::sitemap::File::Root).await
}

/// `GET /sitemap-pages.xml`.
pub async fn sitemap_pages(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    sitemap_file(state, super::sitemap::File::Pages).await
}

/// `GET /sitemap-products-{n}.xml`.
pub async fn sitemap_products(
    state: web::Data<AppState>,
    n: web::Path<i64>,
) -> AppResult<HttpResponse> {
    sitemap_file(state, super::sitemap::File::Products(n.into_inner())).await
}

async fn sitemap_file(
    state: web::Data<AppState>,
    file: super::sitemap::File,
) -> AppResult<HttpResponse> {
    let base = state.config.public_url.clone();
    let (i18n, cache, at) = (state.i18n.clone(), state.cache.clone(), state.clock.now());
    let xml = state
        .db(move |c| {
            let tr = crate::i18n::Translator::new(i18n, Locale::FALLBACK);
            let shop = Shopper::load(c, tr, crate::money::Currency::Eur, cache, at)?;
            super::sitemap::render(c, file, &base, &shop)
        })
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=600"))
        .body(xml))
}
