//! The opening every shopper page shares: the page context, the page-cache lookup (a stored page answers at once),
//! the listing query, and what loading the shopper's view of the catalogue needs.

use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};
use time::PrimitiveDateTime;

use super::listing::ListingQuery;
use super::service::Shopper;
use crate::cache::Cache;
use crate::counters::Seen;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::http::page::PageCtx;
use crate::http::page_cache::{Cached, Punch};
use crate::http::state::AppState;
use crate::i18n::{Locale, Translator};
use crate::money::Currency;

/// A shopper page that was not in the page cache, ready to be built.
pub struct Opening<'a> {
    pub ctx: PageCtx,
    /// Where the rendered page is stored (none when it must not be).
    pub punch: Option<Punch<'a>>,
    /// Filters, sort and page from the query string, limited to what ships to the shopper's market.
    pub listing: ListingQuery,
    pub shopper: ShopperKey,
}

/// What [`Shopper::load`] needs, sendable to the database thread.
pub struct ShopperKey {
    tr: Translator,
    currency: Currency,
    market: crate::geo::CountryCode,
    cache: Arc<Cache>,
    lexicons: Arc<crate::search::lexicon::Lexicons>,
    /// The page's instant: read after the cache lookup, which keys the page by the campaigns live then.
    pub at: PrimitiveDateTime,
}

impl ShopperKey {
    /// The shopper of `ctx` (language, currency, market) at the current instant.
    pub fn of(ctx: &PageCtx, state: &AppState) -> Self {
        ShopperKey {
            tr: ctx.tr.clone(),
            currency: ctx.market.currency,
            market: ctx.market.ship_to,
            cache: state.cache.clone(),
            lexicons: state.lexicons.clone(),
            at: state.clock.now(),
        }
    }

    pub fn load(self, c: &mut DbConnection) -> AppResult<Shopper> {
        let (tr, currency, market) = (self.tr, self.currency, self.market);
        Shopper::load(c, tr, currency, market, self.cache, self.at, self.lexicons)
    }

    pub fn at(mut self, at: PrimitiveDateTime) -> Self {
        self.at = at;
        self
    }
}

/// Opens a shopper page in `l`: `Err` carries the stored page when the cache had it.
pub async fn open<'a>(
    req: &HttpRequest,
    state: &'a web::Data<AppState>,
    l: Locale,
) -> Result<Opening<'a>, HttpResponse> {
    open_counted(req, state, l, None).await
}

/// [`open`] for a page whose views are counted: a stored page served as a 200 counts here (a rendered one is
/// counted by its handler with [`count_view`]).
pub async fn open_counted<'a>(
    req: &HttpRequest,
    state: &'a web::Data<AppState>,
    l: Locale,
    seen: Option<Seen>,
) -> Result<Opening<'a>, HttpResponse> {
    let mut ctx = PageCtx::shopper(req, state, l);
    let punch = match crate::campaigns::pages::cached(state, &mut ctx).await {
        Cached::Hit(r) => {
            if let (Some(page), true) = (seen, r.status().is_success()) {
                count_view(state, &ctx, page);
            }
            return Err(r);
        }
        Cached::Miss(p) => p,
    };
    let listing = ListingQuery::parse(req.query_string(), ctx.market.currency)
        .shipping_to(ctx.market.ship_to);
    let shopper = ShopperKey::of(&ctx, state);
    Ok(Opening {
        ctx,
        punch,
        listing,
        shopper,
    })
}

/// One view of `page` by the shopper of `ctx`, today (UTC).
pub fn count_view(state: &AppState, ctx: &PageCtx, page: Seen) {
    state
        .views
        .hit(page, ctx.market.ship_to, state.clock.now().date());
}
