//! A short-lived cache of whole shopper pages for visitors who are not signed in.
//!
//! What such a page shows depends only on its URL, the market (ship-to and currency), the cart's unit count and
//! which campaigns are live (the last campaign start or end passed, so prices change exactly then). Nothing
//! personal is in it: pages kept here carry no form token (their two forms, add to cart and the market, are
//! checked by origin instead, see [`super::csrf`]). Countdowns ("ends in 2 days") are as old as the page.
//! Signed-in pages and pages with a one-time notice are never stored. The total size is bounded by bytes.
//!
//! A page is compressed with gzip when it is rendered (see [`super::encoding`]) and with brotli 11 and gzip 9 in
//! the background once it is asked for a second time; a hit sends the stored body in the best coding the request
//! allows (gzip until the brotli body is there), or `304` when the browser already has it. For a visitor without
//! a session the answer may be kept by shared caches for the page cache's lifetime (`public`, `s-maxage`,
//! `stale-while-revalidate`, `Vary: Accept-Encoding, Cookie`); with a session it is `private, no-cache`.
//!
//! Freshness: a page is served for at most `CARAVAN_PAGE_CACHE_SECS`; a write to the catalogue through this
//! instance moves the catalogue cache's generation and no page of an older generation is served again. Under
//! load a missing page is rendered once while concurrent requests for it wait for that render, and an expired
//! page keeps being served while one request renders its successor, so a slow render never queues a crowd.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::HttpResponse;
use arc_swap::ArcSwap;
use askama::Template;

use super::encoding::{self, Effort, Encoded};
use super::page::PageCtx;
use crate::error::AppResult;

/// Upper bound of the stored pages, in bytes, all codings counted (a listing page is about 40 KB, 6 KB in brotli).
const BUDGET_BYTES: u64 = 48 * 1024 * 1024;

/// A request too long to be a page anyone links to is not worth a slot.
const MAX_KEY: usize = 1024;

/// How long a request waits for another request's render of the same page before rendering on its own.
const MAX_WAIT: Duration = Duration::from_secs(3);

pub struct Stored {
    at: Instant,
    generation: u64,
    /// Set by the one request that renders this page's successor once it has expired.
    refreshing: AtomicBool,
    /// Compressed fast when rendered; replaced by the best compression once the page is asked for again.
    body: ArcSwap<Encoded>,
    /// Set when the page is handed to the background compressor.
    upgrading: AtomicBool,
    /// A page that is never stored (see [`PageCache::pass`]): the entry only tells requests for it not to
    /// wait for one another's render. It has no body worth serving.
    pass: bool,
    /// Bytes counted against the budget, fixed when stored (the cache requires an entry's weight never to change,
    /// and the body grows by its brotli coding later): the brotli body is reserved at the size of the gzip one.
    weight: u64,
}

impl Stored {
    fn new(generation: u64, body: Arc<Encoded>) -> Self {
        let gzip = body.gzip.as_ref().map_or(0, Bytes::len);
        let brotli = body.brotli.as_ref().map_or(gzip, Bytes::len);
        let weight = (body.identity.len() + gzip + brotli + 128) as u64;
        Self {
            at: Instant::now(),
            generation,
            refreshing: AtomicBool::new(false),
            upgrading: AtomicBool::new(body.brotli.is_some()),
            body: ArcSwap::new(body),
            weight,
            pass: false,
        }
    }

    /// The mark of a page that is rendered for every request (see [`PageCache::pass`]).
    fn pass(generation: u64) -> Self {
        let mut s = Self::new(
            generation,
            Arc::new(Encoded::plain(Bytes::new(), String::new())),
        );
        s.pass = true;
        s
    }
}

#[derive(Clone)]
pub struct Weight;

type Guard<'a> = quick_cache::sync::PlaceholderGuard<
    'a,
    String,
    Arc<Stored>,
    Weight,
    quick_cache::DefaultHashBuilder,
    quick_cache::sync::DefaultLifecycle<String, Arc<Stored>>,
>;

impl quick_cache::Weighter<String, Arc<Stored>> for Weight {
    fn weight(&self, key: &String, val: &Arc<Stored>) -> u64 {
        key.len() as u64 + val.weight
    }
}

/// Pages waiting for the background compressor; when it is this far behind, pages stay as they were stored.
const UPGRADE_QUEUE: usize = 256;

pub struct PageCache {
    ttl: Duration,
    /// The background compressor's queue (see [`PageCache::upgrade`]).
    upgrades: Option<SyncSender<Arc<Stored>>>,
    pages: quick_cache::sync::Cache<String, Arc<Stored>, Weight>,
}

/// The outcome of [`PageCache::begin`].
pub enum Cached<'a> {
    Hit(HttpResponse),
    /// Render it; with a punch the result is stored.
    Miss(Option<Punch<'a>>),
}

/// A page being rendered for the cache: its key, who it is answered to, and when the page was missing, the slot
/// other requests for it are waiting on.
pub struct Punch<'a> {
    key: String,
    generation: u64,
    /// For a visitor without a session: how long a shared cache may keep the answer, and serve it stale after.
    shared: Option<(Duration, Duration)>,
    slot: Option<Guard<'a>>,
    /// The expired page this render replaces; if nothing is stored (an error, a redirect), it may be refreshed
    /// by the next request again.
    replacing: Option<Arc<Stored>>,
}

impl Drop for Punch<'_> {
    fn drop(&mut self) {
        if let Some(old) = self.replacing.take() {
            old.refreshing.store(false, Ordering::Release);
        }
    }
}

impl PageCache {
    /// `ttl` zero disables the cache. A page asked for a second time is recompressed at the best levels on a
    /// background thread (brotli 11 is 20–26% smaller than gzip on our pages but takes up to 65 ms, too long for
    /// the request that renders it); the thread ends with the cache.
    pub fn new(ttl: Duration) -> Self {
        let upgrades = (!ttl.is_zero()).then(|| {
            let (tx, rx) = sync_channel::<Arc<Stored>>(UPGRADE_QUEUE);
            let spawned = std::thread::Builder::new()
                .name("page-compress".into())
                .spawn(move || {
                    while let Ok(page) = rx.recv() {
                        let best = page.body.load().best();
                        page.body.store(Arc::new(best));
                    }
                });
            spawned.ok().map(|_| tx)
        });
        Self {
            ttl,
            upgrades: upgrades.flatten(),
            pages: quick_cache::sync::Cache::with_weighter(4096, BUDGET_BYTES, Weight),
        }
    }

    /// The cache key of this request's page, or `None` when the page is personal or the cache is off.
    fn key(&self, ctx: &PageCtx, epoch: &str) -> Option<String> {
        if self.ttl.is_zero() || ctx.user.is_some() || ctx.flash.is_some() {
            return None;
        }
        let key = format!(
            "{}|{}|{}|{}|{}",
            ctx.here,
            ctx.market.ship_to.as_str(),
            ctx.market.currency.code(),
            ctx.cart_count,
            epoch
        );
        (key.len() <= MAX_KEY).then_some(key)
    }

    /// Looks the page up for the campaign `epoch` (the campaigns' `Schedule::epoch`), which lasts
    /// `until_change` more (none: no campaign starts or ends later). A page that may be kept is rendered without
    /// a form token: `ctx`'s token is cleared.
    pub async fn begin(
        &self,
        ctx: &mut PageCtx,
        epoch: &str,
        generation: u64,
        until_change: Option<Duration>,
    ) -> Cached<'_> {
        let Some(key) = self.key(ctx, epoch) else {
            return Cached::Miss(None);
        };
        ctx.csrf.clear();
        let shared = (!ctx.has_session).then(|| {
            let until = until_change.unwrap_or(Duration::MAX);
            let keep = until.min(self.ttl);
            (keep, (until - keep).min(self.ttl))
        });
        let mut replacing = None;
        let slot = loop {
            // Waiting on another request's render is bounded: when that render stores nothing (a redirect, a
            // 404, an error), the slot passes to one waiter at a time.
            let waited =
                actix_web::rt::time::timeout(MAX_WAIT, self.pages.get_value_or_guard_async(&key))
                    .await;
            match waited {
                Err(_) => {
                    return Cached::Miss(None);
                }
                Ok(Ok(stored)) if stored.generation < generation => {
                    // Rendered before a write: never served again.
                    self.pages.remove_if(&key, |s| s.generation < generation);
                }
                Ok(Ok(stored)) if stored.pass => {
                    if stored.at.elapsed() < self.ttl {
                        return Cached::Miss(None);
                    }
                    self.pages.remove_if(&key, |s| s.pass);
                }
                Ok(Ok(stored)) => {
                    let fresh = stored.at.elapsed() < self.ttl;
                    if fresh || stored.refreshing.swap(true, Ordering::AcqRel) {
                        self.upgrade(&stored);
                        return Cached::Hit(self.respond(stored.body.load_full(), shared));
                    }
                    replacing = Some(stored);
                    break None;
                }
                Ok(Err(slot)) => break Some(slot),
            }
        };
        Cached::Miss(Some(Punch {
            key,
            generation,
            shared,
            slot,
            replacing,
        }))
    }

    /// Renders `page`; with a punch, compresses and stores it.
    pub fn render<T: Template>(
        &self,
        punch: Option<Punch<'_>>,
        page: &T,
    ) -> AppResult<HttpResponse> {
        let html = page.render()?;
        let Some(mut p) = punch else {
            return Ok(HttpResponse::Ok()
                .content_type("text/html; charset=utf-8")
                .body(html));
        };
        // An expired page rendered again byte for byte keeps its bodies, brotli included: nothing is compressed
        // again (every page is re-rendered each `CARAVAN_PAGE_CACHE_SECS`).
        let etag = Encoded::etag_of(html.as_bytes());
        let same = p
            .replacing
            .as_ref()
            .map(|old| old.body.load_full())
            .filter(|old| old.etag == etag && old.identity.as_ref() == html.as_bytes());
        let body = match same {
            Some(old) => old,
            None => Arc::new(Encoded::with_etag(Bytes::from(html), Effort::Stored, etag)),
        };
        let stored = Arc::new(Stored::new(p.generation, body.clone()));
        // Replaced: the old page's flag no longer matters.
        p.replacing = None;
        match p.slot.take() {
            Some(slot) => {
                let _ = slot.insert(stored);
            }
            None => self.pages.insert(std::mem::take(&mut p.key), stored),
        }
        Ok(self.respond(body, p.shared))
    }

    /// Gives up storing the page being rendered (a search that found nothing is counted and logged each time):
    /// for the cache's lifetime, requests for it render it each on their own at once, instead of waiting in turn
    /// for a render that stores nothing.
    pub fn pass(&self, punch: Option<Punch<'_>>) {
        let Some(mut p) = punch else {
            return;
        };
        let mark = Arc::new(Stored::pass(p.generation));
        match p.slot.take() {
            Some(slot) => {
                let _ = slot.insert(mark);
            }
            None => self.pages.insert(std::mem::take(&mut p.key), mark),
        }
    }

    /// The punch when the page is to be stored, else [`PageCache::pass`]es it.
    pub fn keep_if<'a>(&self, punch: Option<Punch<'a>>, keep: bool) -> Option<Punch<'a>> {
        if keep {
            return punch;
        }
        self.pass(punch);
        None
    }

    /// Hands a page asked for again to the background compressor, once.
    fn upgrade(&self, stored: &Arc<Stored>) {
        if let Some(tx) = &self.upgrades {
            if !stored.upgrading.swap(true, Ordering::AcqRel) {
                // A full queue: the page keeps its first compression.
                let _ = tx.try_send(stored.clone());
            }
        }
    }

    /// Browsers always revalidate (`max-age=0`, answered with `304` while unchanged); a shared cache keeps a page
    /// for a visitor without a session for the first duration of `shared` (the page cache's lifetime, shorter
    /// when a campaign starts or ends sooner) and may serve it stale for the second while it fetches the new one
    /// (never past a campaign's start or end).
    fn respond(&self, body: Arc<Encoded>, shared: Option<(Duration, Duration)>) -> HttpResponse {
        let mut res = HttpResponse::Ok();
        res.content_type("text/html; charset=utf-8");
        match shared {
            Some((keep, stale)) => {
                let (secs, stale) = (keep.as_secs(), stale.as_secs());
                res.insert_header((
                    header::CACHE_CONTROL,
                    format!("public, max-age=0, s-maxage={secs}, stale-while-revalidate={stale}"),
                ))
                .insert_header((header::VARY, "Accept-Encoding, Cookie"));
            }
            None => {
                res.insert_header((header::CACHE_CONTROL, "private, no-cache"));
            }
        }
        let res = res.body(body.identity.clone());
        encoding::precompressed(res, body)
    }

    /// Pages stored now (for tests and metrics).
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_page_weighs_the_same_after_its_brotli_body_arrives() {
        use quick_cache::Weighter as _;
        let html = "<li class=\"card\">Leather bag €120.00</li>\n".repeat(400);
        let first = Arc::new(Encoded::new(Bytes::from(html), Effort::Stored));
        let stored = Arc::new(Stored::new(1, first.clone()));
        let key = "/en/|IT|EUR|0|-".to_string();
        let before = Weight.weight(&key, &stored);
        stored.body.store(Arc::new(first.best()));
        assert!(stored.body.load().brotli.is_some());
        assert_eq!(Weight.weight(&key, &stored), before);
        // And the cache takes it in and out without miscounting (quick_cache checks in debug builds).
        let cache = quick_cache::sync::Cache::with_weighter(16, 1 << 20, Weight);
        let fresh = Arc::new(Stored::new(1, first.clone()));
        cache.insert(key.clone(), fresh.clone());
        fresh.body.store(Arc::new(first.best()));
        cache.remove(&key);
        assert_eq!(cache.weight(), 0);
    }

    #[actix_web::test]
    async fn requests_for_a_page_that_is_never_stored_do_not_wait_in_turn() {
        let cache = PageCache::new(Duration::from_secs(30));
        let key = "/en/search?q=zzqq|IT|EUR|0|-".to_string();
        let Err(slot) = cache.pages.get_value_or_guard_async(&key).await else {
            panic!("the first request renders the page");
        };
        cache.pass(Some(Punch {
            key: key.clone(),
            generation: 1,
            shared: None,
            slot: Some(slot),
            replacing: None,
        }));
        // The next requests find the mark, not the slot a render that stores nothing would hand on to one of
        // them at a time: each renders at once.
        for _ in 0..2 {
            match cache.pages.get_value_or_guard_async(&key).await {
                Ok(mark) => assert!(mark.pass),
                Err(_) => panic!("a request would wait for another's render"),
            }
        }
    }

    #[test]
    fn shared_pages_say_how_long_a_shared_cache_may_keep_them() {
        let cache = PageCache::new(Duration::from_secs(30));
        let body = Arc::new(Encoded::new(Bytes::from_static(b"<p>x</p>"), Effort::Fast));
        let public = cache.respond(
            body.clone(),
            Some((Duration::from_secs(30), Duration::from_secs(30))),
        );
        let cc = public
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok());
        assert_eq!(
            cc,
            Some("public, max-age=0, s-maxage=30, stale-while-revalidate=30")
        );
        let soon = cache.respond(body.clone(), Some((Duration::from_secs(7), Duration::ZERO)));
        let cc = soon
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok());
        assert_eq!(
            cc,
            Some("public, max-age=0, s-maxage=7, stale-while-revalidate=0")
        );
        let private = cache.respond(body, None);
        let cc = private
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok());
        assert_eq!(cc, Some("private, no-cache"));
    }
}
