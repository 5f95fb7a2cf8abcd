//! The public promo page's data: the campaign behind a slug in the reader's language, its products as a listing
//! at the page's instant (a staff preview's may be months ahead), or where it went.

use std::sync::Arc;

use actix_web::HttpRequest;
use time::PrimitiveDateTime;

use super::repo;
use crate::cache::Cache;
use crate::campaigns::model::{Phase, PromoRow, PromoText};
use crate::campaigns::pricing;
use crate::campaigns::tiles::when_line;
use crate::catalogue::cards::{self, ProductCard};
use crate::catalogue::listing::ListingQuery;
use crate::catalogue::repo::Scope;
use crate::catalogue::service::{self, CategoryLinks, ListingData, Shopper};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::i18n::{Locale, Translator};
use crate::ids::PromoId;
use crate::money::Currency;
use crate::routes;

/// What a promo page request asks for.
pub struct PromoAsk {
    slug: String,
    locale: Locale,
    /// Staff see drafts (priced as if published).
    staff: bool,
    at: PrimitiveDateTime,
    tr: Translator,
    currency: Currency,
    cache: Arc<Cache>,
    lexicons: Arc<crate::search::lexicon::Lexicons>,
    /// The market the page is for: the shopper's, or the one staff preview.
    market: CountryCode,
    zone: &'static str,
    pub listing: ListingQuery,
}

impl PromoAsk {
    pub fn new(
        ctx: &PageCtx,
        req: &HttpRequest,
        slug: String,
        staff: bool,
        at: PrimitiveDateTime,
        state: &AppState,
    ) -> Self {
        // Staff preview the page as a market's shoppers see it: `?market=DE`.
        let market = staff
            .then(|| preview_market(req.query_string()))
            .flatten()
            .unwrap_or(ctx.market.ship_to);
        Self {
            slug,
            locale: ctx.locale,
            market,
            staff,
            at,
            tr: ctx.tr.clone(),
            currency: ctx.market.currency,
            cache: state.cache.clone(),
            lexicons: state.lexicons.clone(),
            zone: crate::zones::of_country(market),
            listing: ListingQuery::parse(req.query_string(), ctx.market.currency)
                .shipping_to(ctx.market.ship_to),
        }
    }
}

/// What the promo page shows when the campaign has started or is coming.
pub struct Live {
    pub data: ListingData,
    pub featured: Vec<ProductCard>,
    pub promo: PromoRow,
    pub text: PromoText,
    pub slugs: Vec<(Locale, String)>,
}

/// `?market=DE` on a staff preview: a ship-to market.
fn preview_market(query: &str) -> Option<CountryCode> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "market")
        .and_then(|(_, v)| CountryCode::parse(&v))
        .filter(|c| crate::geo::SHIP_TO.contains(c))
}

pub enum Outcome {
    /// The campaign is for other markets or languages (its title in the reader's language).
    NotHere(String),
    /// The campaign's own slug in the reader's language.
    Redirect(String),
    /// Title and "ended on …".
    Ended(String, String),
    Page(Box<Live>),
}

pub fn promo_page(c: &mut DbConnection, ask: PromoAsk) -> AppResult<Outcome> {
    let (l, at) = (ask.locale, ask.at);
    let (id, _) = repo::by_slug(c, &ask.slug)?.ok_or_else(AppError::not_found)?;
    let promo = repo::by_id(c, id)?;
    if !promo.published() && !ask.staff {
        return Err(AppError::not_found());
    }
    // Each market's shoppers meet the campaign on their own clock.
    let promo = promo.in_market(ask.market);
    let texts = repo::texts(c, id)?;
    let t = repo::pick(&texts, l)
        .cloned()
        .ok_or_else(AppError::not_found)?;
    if t.slug != ask.slug {
        return Ok(Outcome::Redirect(t.slug));
    }
    let slugs: Vec<(Locale, String)> = Locale::ALL
        .iter()
        .filter_map(|x| repo::pick(&texts, *x).map(|t| (*x, t.slug.clone())))
        .collect();
    if !promo.admits(ask.market, l) {
        return Ok(Outcome::NotHere(t.title));
    }
    let (tr, lexicons) = (ask.tr.clone(), ask.lexicons);
    let mut shop = Shopper::load(c, tr, ask.currency, ask.market, ask.cache, at, lexicons)?;
    let phase = promo.phase(at);
    if phase == Phase::Ended {
        let when = when_line(&ask.tr, &promo, at, ask.zone);
        return Ok(Outcome::Ended(t.title.clone(), when));
    }
    if phase == Phase::Live && !shop.promos.promos.iter().any(|x| x.id == id) {
        // A draft previewed by staff prices as if it were published.
        Arc::make_mut(&mut shop.promos)
            .promos
            .extend(pricing::single(c, id, &shop.tree)?.promos);
    }
    let mut targets = pricing::targets_of(c, &[id], &shop.tree)?
        .remove(&id)
        .unwrap_or_default();
    // The products shops joined with are on the page too (while the campaign is open to them).
    if promo.open_to_merchants {
        targets
            .products
            .extend(super::participation::joined_products(c, id)?);
    }
    let featured_ids = repo::featured(c, id)?;
    let featured = cards::load(c, &shop, &featured_ids)?;
    let base = routes::promo(l, &t.slug);
    let links = CategoryLinks::Filter { base_path: &base };
    let data = service::listing(c, &shop, Scope::Promo(targets), &ask.listing, links)?;
    Ok(Outcome::Page(Box::new(Live {
        data,
        featured,
        promo,
        text: t,
        slugs,
    })))
}

/// What a merchant sees of the current campaigns: each with its targets, and the shop's products and titles.
pub struct MerchantView {
    pub rows: Vec<PromoRow>,
    pub texts: Vec<PromoText>,
    pub targets: std::collections::HashMap<PromoId, crate::campaigns::model::Targets>,
    pub mine: Vec<crate::catalogue::model::ProductRow>,
    /// (product id, locale, title).
    pub titles: Vec<(i64, String, String)>,
    /// Campaigns open to merchants, with what the shop joined with.
    pub open: Vec<super::participation::Open>,
}

pub fn merchant_view(
    c: &mut DbConnection,
    shop_id: i64,
    at: PrimitiveDateTime,
) -> AppResult<MerchantView> {
    let rows = repo::current(c, at)?;
    let ids: Vec<PromoId> = rows.iter().map(|r| r.id).collect();
    let tree = crate::catalogue::service::tree_now(c)?;
    let targets = pricing::targets_of(c, &ids, &tree)?;
    let mine = crate::catalogue::repo::shop_products(c, shop_id)?;
    let pids: Vec<i64> = mine.iter().map(|p| p.id).collect();
    Ok(MerchantView {
        texts: repo::texts_of(c, &ids)?,
        titles: crate::catalogue::repo::titles_of(c, &pids)?,
        open: super::participation::open_campaigns(c, shop_id, at)?,
        rows,
        targets,
        mine,
    })
}
