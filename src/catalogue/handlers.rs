//! Thin handlers: extract, one service call, render or redirect.

use actix_web::{web, HttpRequest, HttpResponse};

use super::opening::{count_view, open, open_counted};
use super::pages::{self, Found};
use super::service::Shopper;
use super::variant_picker::{Chosen, Selection};
use super::views::{HomePage, ListingPage, ProductPage};
use crate::counters::Seen;
use crate::error::{AppError, AppResult};
use crate::geo::{is_origin, CountryCode};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::http::{moved_permanently, render_status, see_other};
use crate::i18n::Locale;
use crate::routes;
use actix_web::http::StatusCode;

fn flag_url(state: &AppState, cc: CountryCode) -> String {
    state.assets.url(&format!("flags/{}.svg", cc.lower()))
}

pub async fn home(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let o = match open(&req, &state, lang.0).await {
        Ok(o) => o,
        Err(stored) => return Ok(stored),
    };
    let st = state.clone();
    let (data, live) = state
        .db(move |c| pages::home_page(c, o.shopper, |cc| flag_url(&st, cc)))
        .await?;
    let page = HomePage::new(o.ctx, data, live);
    state.pages.render(o.punch, &page)
}

pub async fn category(
    req: HttpRequest,
    lang: Lang,
    slug: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, slug) = (lang.0, slug.into_inner().1);
    let o = match open(&req, &state, l).await {
        Ok(o) => o,
        Err(stored) => return Ok(stored),
    };
    let lq = o.listing.clone();
    let found = state
        .db(move |c| pages::category_page(c, o.shopper, &slug, &lq))
        .await?;
    match found {
        Found::Page(data) => {
            let page = ListingPage::for_category(o.ctx, o.listing, data);
            state.pages.render(o.punch, &page)
        }
        Found::MovedTo(own) => Ok(moved_permanently(&with_query(
            &req,
            routes::category(l, &own),
        ))),
    }
}

pub async fn search(
    req: HttpRequest,
    lang: Lang,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let asked = super::search_counts::Asked::parse(req.query_string());
    asked.count(&state, lang.0);
    let o = match open(&req, &state, lang.0).await {
        Ok(o) => o,
        Err(stored) => return Ok(stored),
    };
    let lq = o.listing.clone();
    let data = state
        .db(move |c| pages::search_page(c, o.shopper, &lq))
        .await?;
    asked.outcome(&state, lang.0, &data);
    // A search without results, or offering a correction, is not stored: each one is counted and listed for
    // the staff (and concurrent requests for it do not wait on one another).
    let stored = data.total > 0 && data.suggestion.is_none();
    let punch = state.pages.keep_if(o.punch, stored);
    state
        .pages
        .render(punch, &ListingPage::for_search(o.ctx, o.listing, data))
}

#[derive(serde::Deserialize)]
pub struct SuggestQuery {
    #[serde(default)]
    q: String,
}

/// The search box's completions as JSON (`[{label, href, kind, note}]`). They depend on the language and the
/// catalogue only, so shared caches may keep them a minute.
pub async fn suggest(
    req: HttpRequest,
    lang: Lang,
    query: web::Query<SuggestQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    // Never the session: a public answer must not mint a token or take a pending message.
    let ctx = PageCtx::without_session(&state, lang.0, req.path(), "");
    let key = super::opening::ShopperKey::of(&ctx, &state);
    let q = query.into_inner().q;
    let found = state.db(move |c| pages::suggestions(c, key, &q)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=60"))
        .json(found))
}

pub async fn origin(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, raw) = (lang.0, path.into_inner().1);
    let cc = CountryCode::parse(&raw)
        .filter(|c| is_origin(*c))
        .ok_or_else(AppError::not_found)?;
    if raw != cc.lower() {
        return Ok(moved_permanently(&routes::origin(l, cc)));
    }
    let o = match open(&req, &state, l).await {
        Ok(o) => o,
        Err(stored) => return Ok(stored),
    };
    let lq = o.listing.clone();
    let data = state
        .db(move |c| pages::origin_page(c, o.shopper, cc, &lq))
        .await?;
    state.pages.render(
        o.punch,
        &ListingPage::for_origin(o.ctx, cc, o.listing, data),
    )
}

pub async fn shop(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, slug) = (lang.0, path.into_inner().1);
    let o = match open(&req, &state, l).await {
        Ok(o) => o,
        Err(stored) => return Ok(stored),
    };
    let (base, lq) = (routes::shop(l, &slug), o.listing.clone());
    let shop = state
        .db(move |c| pages::shop_page(c, o.shopper, &slug, &lq))
        .await?;
    let page = ListingPage::for_shop(o.ctx, base, o.listing, shop);
    state.pages.render(o.punch, &page)
}

pub async fn product(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, id_slug) = (lang.0, path.into_inner().1);
    let (id, slug_part) = id_and_slug(&id_slug)?;
    let o = match open_counted(&req, &state, l, Some(Seen::Product(id))).await {
        Ok(o) => o,
        Err(stored) => return Ok(stored),
    };
    let (ship_to, selection) = (o.ctx.market.ship_to, Selection::parse(req.query_string()));
    let p = state
        .db(move |c| pages::product_page(c, o.shopper, id, ship_to, &selection))
        .await?;
    let own = routes::product(l, id, &p.slug_in(l));
    match &p.picker.chosen {
        // The form's values name a variant: its own URL shows it.
        Chosen::Redirect(sku) => Ok(see_other(&routes::product_variant(
            l,
            id,
            &p.slug_in(l),
            sku,
        ))),
        Chosen::Unknown => Ok(moved_permanently(&own)),
        _ if p.slug_in(l) != slug_part => Ok(moved_permanently(&with_query(&req, own))),
        _ => {
            count_view(&state, &o.ctx, Seen::Product(id));
            state.pages.render(o.punch, &ProductPage::new(o.ctx, p))
        }
    }
}

/// `GET /{lang}/p/{id}-{slug}/reviews`: every review of a product, filtered by stars, photos and language.
pub async fn product_reviews(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, id_slug) = (lang.0, path.into_inner().1);
    let (id, slug_part) = id_and_slug(&id_slug)?;
    let (f, page) = crate::reviews::repo::Filter::parse(req.query_string());
    let asked = f.clone();
    let r = state
        .db(move |c| pages::product_reviews(c, id, l, &asked, page))
        .await?;
    let own = r
        .slugs
        .iter()
        .find(|(x, _)| *x == l)
        .map_or("", |(_, s)| s.as_str());
    if own != slug_part {
        let to = routes::product_reviews(l, id, own, "");
        return Ok(moved_permanently(&with_query(&req, to)));
    }
    let mut ctx = PageCtx::build(&req, &state, l);
    let per_locale: Vec<_> = r
        .slugs
        .iter()
        .map(|(x, s)| (*x, format!("/p/{id}-{s}/reviews")))
        .collect();
    ctx.set_paths(&per_locale, "");
    let page = crate::reviews::views::product_page(ctx, (r.title, id, own), &r.reviews, &f, page);
    render_status(&page, StatusCode::OK)
}

/// The product id and the slug of a `{id}-{slug}` path segment (404 when the id is not a number).
fn id_and_slug(id_slug: &str) -> AppResult<(i64, &str)> {
    let (id_part, slug) = id_slug.split_once('-').unwrap_or((id_slug, ""));
    let id = id_part.parse().map_err(|_| AppError::not_found())?;
    Ok((id, slug))
}

/// `target` with the request's query string kept.
fn with_query(req: &HttpRequest, target: String) -> String {
    match req.query_string() {
        "" => target,
        q => format!("{target}?{q}"),
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
    let lexicons = state.lexicons.clone();
    let xml = state
        .db(move |c| {
            let tr = crate::i18n::Translator::new(i18n, Locale::FALLBACK);
            // Prices play no part in the sitemap; any market will do.
            let (cur, market) = (crate::money::Currency::Eur, crate::geo::CountryCode::US);
            let shop = Shopper::load(c, tr, cur, market, cache, at, lexicons)?;
            super::sitemap::render(c, file, &base, &shop)
        })
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=600"))
        .body(xml))
}
