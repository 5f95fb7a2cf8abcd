//! Shopper pages change when a campaign starts or ends: the page cache keys them by the campaigns live now.

use super::pricing::{Schedule, SCHEDULE};
use crate::http::page::PageCtx;
use crate::http::page_cache::Cached;
use crate::http::state::AppState;

/// Looks a shopper page up in the page cache for now, the live campaigns and the current catalogue generation
/// (see [`crate::http::page_cache`]).
pub async fn cached<'a>(state: &'a AppState, ctx: &mut PageCtx) -> Cached<'a> {
    // The campaign schedule is cached with the catalogue; a hit never waits on the database.
    let schedule = match state.cache.fresh(SCHEDULE, "") {
        Some(s) => s,
        None => {
            let cache = state.cache.clone();
            let loaded = state
                .db(move |c| Ok(cache.get_or_load(c, SCHEDULE, String::new(), Schedule::load)?))
                .await;
            match loaded {
                Ok(s) => s,
                // The handler renders uncached and meets the same database error itself.
                Err(_) => return Cached::Miss(None),
            }
        }
    };
    let now = state.clock.now();
    let (market, lang) = (ctx.market.ship_to, ctx.locale);
    let epoch = schedule.epoch(now, market, lang);
    // A shared cache may keep the page until then at most: prices change at that instant.
    let until_change = schedule
        .next_change(now, market, lang)
        .map(|t| std::time::Duration::try_from(t - now).unwrap_or_default());
    state
        .pages
        .begin(ctx, &epoch, state.cache.generation(), until_change)
        .await
}
