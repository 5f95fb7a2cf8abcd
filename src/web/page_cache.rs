//! A short-lived cache of whole shopper pages for visitors who are not signed in.
//!
//! What such a page shows depends only on its URL, the market (ship-to and currency), the cart's unit count and
//! which campaigns are live (the last campaign start or end passed, so prices change exactly then); everything
//! else that is personal is the session's CSRF token. Countdowns ("ends in 2 days") are as old as the page.
//! A page is rendered once with a per-process placeholder in place of the token and stored split around it;
//! serving it joins the parts with the visitor's own token. Signed-in pages and pages with a one-time notice
//! are never stored. The total size is bounded by bytes.
//!
//! Freshness: a page is served for at most `CARAVAN_PAGE_CACHE_SECS`; a write to the catalogue through this
//! instance moves the catalogue cache's generation and no page of an older generation is served again. Under
//! load a missing page is rendered once while concurrent requests for it wait for that render, and an expired
//! page keeps being served while one request renders its successor, so a slow render never queues a crowd.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::HttpResponse;
use askama::Template;
use base64::Engine as _;

use super::page::PageCtx;
use crate::error::AppResult;

/// Upper bound of the stored HTML, in bytes (a listing page is about 40 KB).
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
    /// The HTML split around each CSRF placeholder.
    parts: Vec<String>,
}

#[derive(Clone)]
pub struct Bytes;

type Guard<'a> = quick_cache::sync::PlaceholderGuard<
    'a,
    String,
    Arc<Stored>,
    Bytes,
    quick_cache::DefaultHashBuilder,
    quick_cache::sync::DefaultLifecycle<String, Arc<Stored>>,
>;

impl quick_cache::Weighter<String, Arc<Stored>> for Bytes {
    fn weight(&self, key: &String, val: &Arc<Stored>) -> u64 {
        let html: usize = val.parts.iter().map(String::len).sum();
        (key.len() + html + 64) as u64
    }
}

pub struct PageCache {
    ttl: Duration,
    hole: String,
    pages: quick_cache::sync::Cache<String, Arc<Stored>, Bytes>,
}

/// The outcome of [`PageCache::begin`].
pub enum Cached<'a> {
    Hit(HttpResponse),
    /// Render it; with a punch the result is stored.
    Miss(Option<Punch<'a>>),
}

/// A page being rendered for the cache: its key and the visitor's real token (the context holds the
/// placeholder), and when the page was missing, the slot other requests for it are waiting on.
pub struct Punch<'a> {
    key: String,
    generation: u64,
    csrf: String,
    slot: Option<Guard<'a>>,
    /// The expired page this render replaces; if nothing is stored (an error, a redirect), it may be refreshed
    /// by the next request again.
    replacing: Option<Arc<Stored>>,
}

impl Punch<'_> {
    /// Gives up caching this render: the context gets its real token back.
    pub fn cancel(mut self, ctx: &mut PageCtx) {
        ctx.csrf = std::mem::take(&mut self.csrf);
    }
}

impl Drop for Punch<'_> {
    fn drop(&mut self) {
        if let Some(old) = self.replacing.take() {
            old.refreshing.store(false, Ordering::Release);
        }
    }
}

impl PageCache {
    /// `ttl` zero disables the cache.
    pub fn new(ttl: Duration) -> Self {
        let mut bytes = [0u8; 18];
        // Without randomness the placeholder is still unusual enough; it only has to not occur in page text.
        let _ = getrandom::fill(&mut bytes);
        let hole = format!(
            "csrfhole{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
        );
        Self {
            ttl,
            hole,
            pages: quick_cache::sync::Cache::with_weighter(4096, BUDGET_BYTES, Bytes),
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

    /// Looks the page up for the campaign `epoch` (see [`crate::promos::pricing::Schedule::epoch`]). On a miss with a cacheable request, `ctx`'s
    /// token becomes the placeholder and the returned punch carries the real one to [`PageCache::render`].
    pub async fn begin(&self, ctx: &mut PageCtx, epoch: &str, generation: u64) -> Cached<'_> {
        let Some(key) = self.key(ctx, epoch) else {
            return Cached::Miss(None);
        };
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
                Ok(Ok(stored)) => {
                    let fresh = stored.at.elapsed() < self.ttl;
                    if fresh || stored.refreshing.swap(true, Ordering::AcqRel) {
                        return Cached::Hit(respond(join(&stored.parts, &ctx.csrf)));
                    }
                    replacing = Some(stored);
                    break None;
                }
                Ok(Err(slot)) => break Some(slot),
            }
        };
        let csrf = std::mem::replace(&mut ctx.csrf, self.hole.clone());
        Cached::Miss(Some(Punch {
            key,
            generation,
            csrf,
            slot,
            replacing,
        }))
    }

    /// Renders `page`; with a punch, stores it and answers with the visitor's token filled in.
    pub fn render<T: Template>(
        &self,
        punch: Option<Punch<'_>>,
        page: &T,
    ) -> AppResult<HttpResponse> {
        let html = page.render()?;
        let Some(mut p) = punch else {
            return Ok(respond(html));
        };
        let parts: Vec<String> = html.split(self.hole.as_str()).map(str::to_string).collect();
        let body = join(&parts, &p.csrf);
        let stored = Arc::new(Stored {
            at: Instant::now(),
            generation: p.generation,
            refreshing: AtomicBool::new(false),
            parts,
        });
        // Replaced: the old page's flag no longer matters.
        p.replacing = None;
        match p.slot.take() {
            Some(slot) => {
                let _ = slot.insert(stored);
            }
            None => self.pages.insert(std::mem::take(&mut p.key), stored),
        }
        Ok(respond(body))
    }

    /// Pages stored now (for tests and metrics).
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

fn join(parts: &[String], csrf: &str) -> String {
    let len = parts.iter().map(String::len).sum::<usize>() + csrf.len() * parts.len();
    let mut out = String::with_capacity(len);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(csrf);
        }
        out.push_str(part);
    }
    out
}

fn respond(html: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_fills_every_hole() {
        let parts = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(join(&parts, "T"), "aTbTc");
        assert_eq!(join(&["only".to_string()], "T"), "only");
    }

    #[test]
    fn placeholders_differ_per_instance() {
        assert_ne!(
            PageCache::new(Duration::from_secs(1)).hole,
            PageCache::new(Duration::from_secs(1)).hole
        );
    }
}
