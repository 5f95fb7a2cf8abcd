//! A short-lived, bounded in-memory cache of catalogue data that every shopper page needs and that changes
//! rarely: facet aggregates per listing, search orders, listing pages' product ids, the category tree and the exchange rates, the campaign
//! schedule and the live campaigns' targets, and product cards' data. Writes made through this
//! instance clear it at once; other instances see changes within the TTL plus the time a reload takes (at most
//! [`REFRESH_TIMEOUT`] before a request takes a stuck reload over).
//!
//! No request waits for a value that is only old: an expired entry keeps being served while one background
//! thread, with its own pooled connection, loads its successor. Only a missing value is loaded by the request
//! that needs it (once, while concurrent requests for it wait). Cards are the exception: a listing reads the
//! cards it lacks or finds expired in one batch, itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use super::cards::CardData;
use super::repo::FacetGroup;
use super::tree::CategoryTree;
use crate::db::{DbConnection, DbPool};
use crate::money::Rates;
use crate::promos::pricing::{LivePromos, Schedule};

/// What every shopper page needs: the category tree and the rates, shared with each request, never copied.
pub type Basics = (Arc<CategoryTree>, Arc<Rates>);

const MAX_ENTRIES: usize = 20_000;

/// Bytes of facet groups and of search orders kept, each (weighed by [`Budget::weigh`] plus the key and the
/// entry): without a byte bound, 20,000 distinct searches of 2,000 ids each would hold 320 MB.
const FACET_BUDGET_BYTES: u64 = 16 * 1024 * 1024;
const RANKED_BUDGET_BYTES: u64 = 16 * 1024 * 1024;
/// Bytes of listing pages' (id, sort key) lists kept: a page of 24 is 384 bytes, so some 20,000 pages.
const PAGE_KEYS_BUDGET_BYTES: u64 = 8 * 1024 * 1024;

/// Bookkeeping of one entry besides its value and key (the map slot, the `Arc`, the marks).
const ENTRY_OVERHEAD: u64 = 96;

/// How much one map may hold: entries and bytes, and how a value is weighed. A map that would go over either is
/// emptied before the new entry goes in (entries are cheap to load again; an order is never kept past its TTL).
struct Budget<T> {
    entries: usize,
    bytes: u64,
    weigh: fn(&T) -> u64,
}

impl<T> Clone for Budget<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Budget<T> {}

impl<T> Budget<T> {
    /// A map of `entries` small values, bounded by count alone.
    const fn count(entries: usize) -> Self {
        Self {
            entries,
            bytes: u64::MAX,
            weigh: |_| 0,
        }
    }
}

fn facet_bytes(groups: &[FacetGroup]) -> u64 {
    let strings: usize = groups.iter().map(|g| g.origin.len()).sum();
    (std::mem::size_of_val(groups) + strings) as u64
}

fn ranked_bytes(ids: &[i64]) -> u64 {
    std::mem::size_of_val(ids) as u64
}

fn page_keys_bytes(keys: &[(i64, i64)]) -> u64 {
    std::mem::size_of_val(keys) as u64
}

/// Bytes of card data kept (every locale's title, slug and alt text, weighed by [`CardBytes`]): about 1 KB a
/// product in the demo catalogue, so some 30,000 products, 1,250 full listing pages.
const CARD_BUDGET_BYTES: u64 = 32 * 1024 * 1024;

/// Weighs a cached card by the bytes of its strings plus a fixed share for the row, the maps and the entry.
#[derive(Clone)]
struct CardBytes;

impl quick_cache::Weighter<i64, (u64, Instant, Arc<CardData>)> for CardBytes {
    fn weight(&self, _: &i64, val: &(u64, Instant, Arc<CardData>)) -> u64 {
        let d = &val.2;
        let p = &d.product;
        let texts = d
            .titles
            .values()
            .map(|(t, s)| t.len() + s.len() + 48)
            .sum::<usize>()
            + d.alts.values().map(|a| a.len() + 40).sum::<usize>()
            + d.image_url.as_ref().map_or(0, String::len)
            + d.shop_name.len()
            + p.sku.len()
            + p.currency.len()
            + p.status.len()
            + p.origin.len()
            + p.original_lang.len();
        (texts + 384) as u64
    }
}

/// How long a caller waits for another caller's load of the same missing value before loading it itself.
const MAX_WAIT: Duration = Duration::from_secs(3);

/// Reloads waiting for the background thread. When the queue is full the reload is dropped (its flag reset) and
/// the old value served: the next request for the entry asks again.
const RELOAD_QUEUE: usize = 256;

/// A reload running longer than this (a hung query, a starved pool) is taken over by the next request for the
/// entry, which reloads it itself; values are never served indefinitely old.
const REFRESH_TIMEOUT: Duration = Duration::from_secs(10);

/// A reload of one expired entry, run by the background thread.
type Job = Box<dyn FnOnce(&mut DbConnection) + Send>;

/// Clears an expired entry's `refreshing` mark when its reload ends, or when a queued reload is dropped unrun.
struct Reset(Arc<AtomicU64>);

impl Drop for Reset {
    fn drop(&mut self) {
        self.0.store(0, Ordering::Release);
    }
}

/// A load in progress that callers wanting the same missing value wait for.
#[derive(Default)]
struct Loading {
    done: Mutex<bool>,
    finished: Condvar,
}

/// The caller loading a missing value; dropping it (after storing, or on failure) wakes the waiters.
struct Lead<'a> {
    cache: &'a CatalogueCache,
    id: String,
    loading: Arc<Loading>,
}

impl Drop for Lead<'_> {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.cache.inner.lock() {
            inner.loading.remove(&self.id);
        }
        if let Ok(mut done) = self.loading.done.lock() {
            *done = true;
        }
        self.loading.finished.notify_all();
    }
}

struct Entry<T> {
    at: Instant,
    value: Arc<T>,
    /// While this expired entry's successor is being loaded: when that began (milliseconds since the cache's
    /// `base`, plus one; 0 when no reload runs). Until it ends everyone gets the old value.
    refreshing: Arc<AtomicU64>,
    /// What the entry counts against its map's byte budget.
    weight: u64,
}

/// One kind of cached value by key, with the bytes its entries weigh.
struct Map<T> {
    entries: HashMap<String, Entry<T>>,
    bytes: u64,
}

impl<T> Default for Map<T> {
    fn default() -> Self {
        Self {
            entries: HashMap::new(),
            bytes: 0,
        }
    }
}

impl<T> Map<T> {
    fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }
}

struct Inner {
    facets: Map<Vec<FacetGroup>>,
    ranked: Map<Vec<i64>>,
    page_keys: Map<Vec<(i64, i64)>>,
    basics: Map<Basics>,
    live: Map<LivePromos>,
    schedule: Map<Schedule>,
    /// Loads of missing values in progress, by map and key.
    loading: HashMap<String, Arc<Loading>>,
}

type MapOf<T> = fn(&mut Inner) -> &mut Map<T>;

pub struct CatalogueCache {
    ttl: Duration,
    /// Moves on every [`CatalogueCache::clear`]; anything derived from the catalogue (whole pages) compares it.
    generation: AtomicU64,
    inner: Mutex<Inner>,
    /// The background reloader's queue; without one (unit tests), the caller that finds a value expired
    /// reloads it.
    reloads: Option<SyncSender<Job>>,
    /// This cache, for reload jobs to store into (they never keep it alive).
    me: Weak<CatalogueCache>,
    /// Card data by product id, with the generation it was read in and when (see [`CatalogueCache::card`]).
    cards: quick_cache::sync::Cache<i64, (u64, Instant, Arc<CardData>), CardBytes>,
    /// The origin of the `refreshing` marks.
    base: Instant,
    /// [`REFRESH_TIMEOUT`] (shorter in tests).
    refresh_timeout: Duration,
    /// Where [`CatalogueCache::clear`] tells the other instances (see [`crate::db::fanout`]).
    announce: crate::db::fanout::Announcer,
}

impl CatalogueCache {
    /// A cache whose expired entries are reloaded by the caller that finds them (for tests).
    pub fn new(ttl: Duration) -> Arc<Self> {
        Arc::new_cyclic(|me| Self::build(ttl, None, me.clone()))
    }

    /// A cache whose expired entries are reloaded by a background thread with a connection from `pool`. The
    /// thread ends when the cache is dropped.
    pub fn with_reloader(ttl: Duration, pool: DbPool) -> Result<Arc<Self>, String> {
        Self::reloading(ttl, pool, REFRESH_TIMEOUT)
    }

    fn reloading(
        ttl: Duration,
        pool: DbPool,
        refresh_timeout: Duration,
    ) -> Result<Arc<Self>, String> {
        if ttl.is_zero() {
            // Nothing is kept, so nothing expires.
            return Ok(Self::new(ttl));
        }
        let (tx, rx) = sync_channel::<Job>(RELOAD_QUEUE);
        std::thread::Builder::new()
            .name("catalogue-reload".into())
            .spawn(move || {
                while let Ok(job) = rx.recv() {
                    match pool.get() {
                        Ok(mut conn) => {
                            // A panicking load must not end the thread; its drop guard resets the flag.
                            let run = std::panic::AssertUnwindSafe(|| job(&mut conn));
                            if std::panic::catch_unwind(run).is_err() {
                                tracing::error!("catalogue reload panicked");
                            }
                        }
                        // Dropping the job resets its entry's flag: the next request asks again.
                        Err(e) => tracing::warn!(error = %e, "catalogue reload: no connection"),
                    }
                }
            })
            .map_err(|e| format!("cannot start the catalogue reloader: {e}"))?;
        Ok(Arc::new_cyclic(|me| {
            let mut cache = Self::build(ttl, Some(tx), me.clone());
            cache.refresh_timeout = refresh_timeout;
            cache
        }))
    }

    fn build(ttl: Duration, reloads: Option<SyncSender<Job>>, me: Weak<Self>) -> Self {
        Self {
            ttl,
            generation: AtomicU64::new(0),
            inner: Mutex::new(Inner {
                facets: Map::default(),
                ranked: Map::default(),
                page_keys: Map::default(),
                basics: Map::default(),
                live: Map::default(),
                schedule: Map::default(),
                loading: HashMap::new(),
            }),
            reloads,
            me,
            cards: quick_cache::sync::Cache::with_weighter(32_768, CARD_BUDGET_BYTES, CardBytes),
            base: Instant::now(),
            refresh_timeout: REFRESH_TIMEOUT,
            announce: Default::default(),
        }
    }

    fn fresh<T>(&self, e: &Entry<T>) -> bool {
        self.within_ttl(e.at)
    }

    fn within_ttl(&self, at: Instant) -> bool {
        !self.ttl.is_zero() && at.elapsed() < self.ttl
    }

    /// The value in `map` for `key` while fresh, else `load`s it. A missing value is loaded by one caller while
    /// the others wanting it wait (at most [`MAX_WAIT`]); an expired one is reloaded once, in the background
    /// when there is a reloader, while every caller keeps getting the old value. So neither a cold start nor
    /// an expiry sends every request to the database at once, and no request waits for an expiry. A value
    /// loaded while a write cleared the cache is returned but not kept: it may predate the write.
    fn get_or_load<T, E, L>(
        &self,
        conn: &mut DbConnection,
        map: MapOf<T>,
        key: String,
        limit: Budget<T>,
        load: L,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
    {
        let mut waiting = None;
        let mut lead = None;
        if let Ok(mut inner) = self.inner.lock() {
            if let Some(e) = map(&mut inner).entries.get(&key) {
                if self.fresh(e) {
                    return Ok(e.value.clone());
                }
                if !self.ttl.is_zero() {
                    let Some(taken_over) = self.claim(&e.refreshing) else {
                        return Ok(e.value.clone());
                    };
                    let reset = Reset(e.refreshing.clone());
                    let old = e.value.clone();
                    drop(inner);
                    let reloads = self.reloads.as_ref().filter(|_| !taken_over);
                    let Some(tx) = reloads else {
                        // No reloader (tests), or the reload in progress is stuck: this caller loads it.
                        return self.load_and_store(conn, map, key, limit, Some(reset), load);
                    };
                    match tx.try_send(self.reload_job(map, key, limit, reset, load)) {
                        // Queue full: dropping the job resets the flag; the old value is served meanwhile.
                        Ok(()) | Err(TrySendError::Full(_)) => {}
                        // The reloader is gone: run the reload here.
                        Err(TrySendError::Disconnected(job)) => job(conn),
                    }
                    return Ok(old);
                }
            } else if !self.ttl.is_zero() {
                // The map's address tells the maps apart.
                let id = format!("{:p}|{key}", map(&mut inner));
                match inner.loading.get(&id) {
                    Some(l) => waiting = Some(l.clone()),
                    None => {
                        let loading = Arc::new(Loading::default());
                        inner.loading.insert(id.clone(), loading.clone());
                        lead = Some(Lead {
                            cache: self,
                            id,
                            loading,
                        });
                    }
                }
            }
        }
        if let Some(l) = waiting {
            if let Ok(done) = l.done.lock() {
                let _ = l.finished.wait_timeout_while(done, MAX_WAIT, |done| !*done);
            }
            if let Ok(mut inner) = self.inner.lock() {
                if let Some(e) = map(&mut inner).entries.get(&key) {
                    return Ok(e.value.clone());
                }
            }
            // The other load failed, was not kept or is slow: load on our own.
        }
        let value = self.load_and_store(conn, map, key, limit, None, load);
        drop(lead);
        value
    }

    /// Marks an expired entry as being reloaded by this caller: `None` when another reload is running (and not
    /// stuck), `Some(true)` when this caller takes a reload running longer than [`REFRESH_TIMEOUT`] over.
    fn claim(&self, mark: &AtomicU64) -> Option<bool> {
        let now = u64::try_from(self.base.elapsed().as_millis())
            .unwrap_or(u64::MAX - 1)
            .saturating_add(1);
        let current = mark.load(Ordering::Acquire);
        let stuck =
            current != 0 && now.saturating_sub(current) > self.refresh_timeout.as_millis() as u64;
        if current != 0 && !stuck {
            return None;
        }
        mark.compare_exchange(current, now, Ordering::AcqRel, Ordering::Acquire)
            .ok()
            .map(|_| stuck)
    }

    /// The background reload of an expired entry: loads, and stores unless a write cleared the cache since. The
    /// job owns the entry's `Reset`, so however it ends (or if it is dropped unrun) the flag is cleared.
    fn reload_job<T, E, L>(
        &self,
        map: MapOf<T>,
        key: String,
        limit: Budget<T>,
        reset: Reset,
        load: L,
    ) -> Job
    where
        T: Send + Sync + 'static,
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
    {
        let me = self.me.clone();
        let before = self.generation();
        Box::new(move |conn| {
            let _reset = reset;
            let Some(cache) = me.upgrade() else {
                return;
            };
            match load(conn) {
                Ok(v) => cache.store(map, key, limit, before, Arc::new(v)),
                Err(e) => tracing::warn!(error = %e, "catalogue reload failed"),
            }
        })
    }

    fn load_and_store<T, E, L>(
        &self,
        conn: &mut DbConnection,
        map: MapOf<T>,
        key: String,
        limit: Budget<T>,
        reset: Option<Reset>,
        load: L,
    ) -> Result<Arc<T>, E>
    where
        L: FnOnce(&mut DbConnection) -> Result<T, E>,
    {
        let before = self.generation();
        // Reset however the load ends (an error, even a panic): stored below on success with a new flag, and
        // on failure the next caller tries again.
        let _reset = reset;
        let value = Arc::new(load(conn)?);
        self.store(map, key, limit, before, value.clone());
        Ok(value)
    }

    /// Keeps `value` unless a write cleared the cache since its load began (generation `before`).
    fn store<T>(&self, map: MapOf<T>, key: String, limit: Budget<T>, before: u64, value: Arc<T>) {
        if let Ok(mut inner) = self.inner.lock() {
            if self.generation() == before {
                let m = map(&mut inner);
                let weight = (limit.weigh)(&value) + key.len() as u64 + ENTRY_OVERHEAD;
                if let Some(old) = m.entries.remove(&key) {
                    m.bytes = m.bytes.saturating_sub(old.weight);
                }
                if m.entries.len() >= limit.entries || m.bytes.saturating_add(weight) > limit.bytes
                {
                    m.clear();
                }
                m.bytes += weight;
                m.entries.insert(
                    key,
                    Entry {
                        at: Instant::now(),
                        value,
                        refreshing: Arc::new(AtomicU64::new(0)),
                        weight,
                    },
                );
            }
        }
    }

    /// Cached facet groups for `key`, or computes and stores them.
    pub fn facets<E, L>(
        &self,
        conn: &mut DbConnection,
        key: String,
        load: L,
    ) -> Result<Arc<Vec<FacetGroup>>, E>
    where
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<Vec<FacetGroup>, E> + Send + 'static,
    {
        let budget = Budget {
            entries: MAX_ENTRIES,
            bytes: FACET_BUDGET_BYTES,
            weigh: |groups: &Vec<FacetGroup>| facet_bytes(groups),
        };
        self.get_or_load(conn, |i| &mut i.facets, key, budget, load)
    }

    /// Cached relevance order of a search (product ids, best first), or computes and stores it.
    pub fn ranked<E, L>(
        &self,
        conn: &mut DbConnection,
        key: String,
        load: L,
    ) -> Result<Arc<Vec<i64>>, E>
    where
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<Vec<i64>, E> + Send + 'static,
    {
        let budget = Budget {
            entries: MAX_ENTRIES,
            bytes: RANKED_BUDGET_BYTES,
            weigh: |ids: &Vec<i64>| ranked_bytes(ids),
        };
        self.get_or_load(conn, |i| &mut i.ranked, key, budget, load)
    }

    /// Cached (id, sort key) list of one listing page, or reads and stores it: a page counted from the start of
    /// a large category (`?page=150`) skips thousands of rows, every time, for every signed-in shopper.
    pub fn page_keys<E, L>(
        &self,
        conn: &mut DbConnection,
        key: String,
        load: L,
    ) -> Result<Arc<Vec<(i64, i64)>>, E>
    where
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<Vec<(i64, i64)>, E> + Send + 'static,
    {
        let budget = Budget {
            entries: MAX_ENTRIES,
            bytes: PAGE_KEYS_BUDGET_BYTES,
            weigh: |keys: &Vec<(i64, i64)>| page_keys_bytes(keys),
        };
        self.get_or_load(conn, |i| &mut i.page_keys, key, budget, load)
    }

    /// Cached targets and names of a set of live campaigns (`key` names the set), or loads and stores them.
    pub fn live<E, L>(
        &self,
        conn: &mut DbConnection,
        key: String,
        load: L,
    ) -> Result<Arc<LivePromos>, E>
    where
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<LivePromos, E> + Send + 'static,
    {
        self.get_or_load(conn, |i| &mut i.live, key, Budget::count(64), load)
    }

    /// Cached category tree and exchange rates, or loads and stores them.
    pub fn basics<E, L>(&self, conn: &mut DbConnection, load: L) -> Result<Arc<Basics>, E>
    where
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<Basics, E> + Send + 'static,
    {
        self.get_or_load(
            conn,
            |i| &mut i.basics,
            String::new(),
            Budget::count(1),
            load,
        )
    }

    /// The cached schedule of the published campaigns (their ids, discounts, starts and ends), or loads and
    /// stores it.
    pub fn schedule<E, L>(&self, conn: &mut DbConnection, load: L) -> Result<Arc<Schedule>, E>
    where
        E: std::fmt::Display + 'static,
        L: FnOnce(&mut DbConnection) -> Result<Schedule, E> + Send + 'static,
    {
        self.get_or_load(
            conn,
            |i| &mut i.schedule,
            String::new(),
            Budget::count(1),
            load,
        )
    }

    /// The campaign schedule if cached and fresh, without touching the database.
    pub fn fresh_schedule(&self) -> Option<Arc<Schedule>> {
        let inner = self.inner.lock().ok()?;
        inner
            .schedule
            .entries
            .get("")
            .filter(|e| self.fresh(e))
            .map(|e| e.value.clone())
    }

    /// A product's card data if read in the current generation and within the TTL. Cards are not reloaded in
    /// the background: a listing reads the few it lacks in one batch (see [`super::cards::load`]).
    pub fn card(&self, id: i64) -> Option<Arc<CardData>> {
        let (generation, at, data) = self.cards.get(&id)?;
        (generation == self.generation() && self.within_ttl(at)).then_some(data)
    }

    /// Keeps a product's card data read in `generation` (unless a write has moved it since).
    pub fn store_card(&self, id: i64, generation: u64, data: Arc<CardData>) {
        if !self.ttl.is_zero() && generation == self.generation() {
            self.cards.insert(id, (generation, Instant::now(), data));
        }
    }

    /// The current generation (see [`CatalogueCache::clear`]).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Forgets everything (after any catalogue, category or rate write) here, and tells the other instances.
    pub fn clear(&self) {
        self.clear_local();
        self.announce.send();
    }

    /// Forgets everything on this instance only (another instance wrote, or notices may have been missed).
    pub fn clear_local(&self) {
        // Emptied and the generation moved under the lock: a store (which checks the generation under the same
        // lock) either lands before and is emptied, or sees the new generation and is dropped.
        let mut guard = self.inner.lock().ok();
        if let Some(inner) = guard.as_mut() {
            inner.facets.clear();
            inner.ranked.clear();
            inner.page_keys.clear();
            inner.basics.clear();
            inner.live.clear();
            inner.schedule.clear();
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
        drop(guard);
        // Cards of an older generation are never served (see `card`); this only frees them.
        self.cards.clear();
    }
}

impl crate::db::fanout::Fanned for CatalogueCache {
    fn announce_to(&self, tx: SyncSender<()>) {
        self.announce.set(tx);
    }

    fn clear_local(&self) {
        CatalogueCache::clear_local(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::Connection;

    type Res<T> = Result<T, &'static str>;

    fn conn() -> DbConnection {
        match diesel::SqliteConnection::establish(":memory:") {
            Ok(c) => DbConnection::Sqlite(c),
            Err(e) => panic!("in-memory SQLite: {e}"),
        }
    }

    fn counter() -> Arc<AtomicU64> {
        Arc::new(AtomicU64::new(0))
    }

    fn counting<T: Send + 'static>(
        n: &Arc<AtomicU64>,
        v: T,
    ) -> impl FnOnce(&mut DbConnection) -> Res<T> + Send + 'static {
        let n = n.clone();
        move |_| {
            n.fetch_add(1, Ordering::SeqCst);
            Ok(v)
        }
    }

    fn card(id: i64) -> Arc<CardData> {
        let t = time::macros::datetime!(2026-11-27 12:00:00);
        Arc::new(CardData {
            product: super::super::model::ProductRow {
                id,
                merchant_id: 1,
                category_id: 1,
                sku: "S".into(),
                price_minor: 100,
                currency: "EUR".into(),
                base_price_minor: 100,
                stock: 1,
                status: "active".into(),
                listed: true,
                origin: "IT".into(),
                original_lang: "it".into(),
                weight_grams: None,
                created_at: t,
                updated_at: t,
            },
            titles: HashMap::new(),
            image_url: None,
            alts: HashMap::new(),
            shop_name: "Bottega".into(),
        })
    }

    #[test]
    fn cards_are_kept_for_their_generation_and_ttl_only() {
        let cache = CatalogueCache::new(Duration::from_millis(300));
        let g = cache.generation();
        cache.store_card(7, g, card(7));
        assert_eq!(cache.card(7).map(|d| d.product.id), Some(7));
        assert!(cache.card(8).is_none());
        // A card read before a write is neither served after it nor stored.
        cache.clear();
        assert!(cache.card(7).is_none());
        cache.store_card(7, g, card(7));
        assert!(cache.card(7).is_none());
        cache.store_card(7, cache.generation(), card(7));
        assert!(cache.card(7).is_some());
        std::thread::sleep(Duration::from_millis(350));
        assert!(cache.card(7).is_none(), "kept past its TTL");
        // TTL 0 keeps nothing.
        let off = CatalogueCache::new(Duration::ZERO);
        off.store_card(7, off.generation(), card(7));
        assert!(off.card(7).is_none());
    }

    #[test]
    fn caches_within_ttl_and_clears() {
        let (cache, mut c, loads) = (
            CatalogueCache::new(Duration::from_secs(60)),
            conn(),
            counter(),
        );
        for _ in 0..3 {
            assert!(cache
                .facets(&mut c, "k".into(), counting(&loads, Vec::new()))
                .is_ok());
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        cache.clear();
        let _ = cache.facets(&mut c, "k".into(), counting(&loads, Vec::new()));
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn search_orders_are_bounded_by_bytes() {
        let (cache, mut c) = (CatalogueCache::new(Duration::from_secs(60)), conn());
        // 2,000 ids (a full relevance window) weigh 16 KB: the 16 MB budget holds about a thousand of them,
        // far fewer than the 20,000 entries the count alone allows.
        for i in 0..3_000 {
            let ids: Vec<i64> = (0..2_000).collect();
            let _ = cache.ranked(&mut c, format!("q{i}"), move |_| -> Res<Vec<i64>> {
                Ok(ids)
            });
        }
        let inner = cache.inner.lock().unwrap();
        assert!(
            inner.ranked.bytes <= RANKED_BUDGET_BYTES,
            "{}",
            inner.ranked.bytes
        );
        assert!(
            inner.ranked.entries.len() < 1_100,
            "{}",
            inner.ranked.entries.len()
        );
        let summed: u64 = inner.ranked.entries.values().map(|e| e.weight).sum();
        assert_eq!(summed, inner.ranked.bytes);
    }

    #[test]
    fn a_value_loaded_while_a_write_clears_is_not_kept() {
        let (cache, mut c, loads) = (
            CatalogueCache::new(Duration::from_secs(60)),
            conn(),
            counter(),
        );
        let weak = Arc::downgrade(&cache);
        let _ = cache.facets(&mut c, "k".into(), move |_| -> Res<Vec<FacetGroup>> {
            if let Some(cache) = weak.upgrade() {
                cache.clear();
            }
            Ok(Vec::new())
        });
        let _ = cache.facets(&mut c, "k".into(), counting(&loads, Vec::new()));
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn without_a_reloader_an_expired_value_is_reloaded_once_while_others_get_the_old_one() {
        let (cache, mut c) = (CatalogueCache::new(Duration::from_millis(5)), conn());
        let _ = cache.ranked(&mut c, "k".into(), |_| -> Res<Vec<i64>> { Ok(vec![1]) });
        std::thread::sleep(Duration::from_millis(10));
        let inner_loads = counter();
        let (weak, n) = (Arc::downgrade(&cache), inner_loads.clone());
        let reloaded = cache.ranked(&mut c, "k".into(), move |c| -> Res<Vec<i64>> {
            // Another request while this one reloads: served the old order, no second load.
            let cache = weak.upgrade().ok_or("gone")?;
            let during = cache.ranked(c, "k".into(), counting(&n, vec![3]));
            assert_eq!(during.ok().as_deref(), Some(&vec![1]));
            Ok(vec![2])
        });
        assert_eq!(reloaded.ok().as_deref(), Some(&vec![2]));
        assert_eq!(inner_loads.load(Ordering::SeqCst), 0);
        // A failed reload lets the next caller try again.
        std::thread::sleep(Duration::from_millis(10));
        assert!(cache
            .ranked(&mut c, "k".into(), |_| -> Res<Vec<i64>> { Err("down") })
            .is_err());
        let again = cache.ranked(&mut c, "k".into(), |_| -> Res<Vec<i64>> { Ok(vec![4]) });
        assert_eq!(again.ok().as_deref(), Some(&vec![4]));
    }

    #[test]
    fn with_a_reloader_no_caller_waits_for_an_expired_value() {
        let url = crate::db::DatabaseUrl::Sqlite(":memory:".into());
        let pool = match crate::db::build_pool(&url, 2) {
            Ok(p) => p,
            Err(e) => panic!("pool: {e}"),
        };
        let ttl = Duration::from_millis(300);
        let cache = match CatalogueCache::reloading(ttl, pool, Duration::from_millis(600)) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let mut c = conn();
        let _ = cache.ranked(&mut c, "k".into(), |_| -> Res<Vec<i64>> { Ok(vec![1]) });
        std::thread::sleep(ttl + Duration::from_millis(50));
        // The reload blocks until released; the callers meanwhile get the old value at once, and only one
        // reload is queued.
        let (release, gate) = std::sync::mpsc::channel::<()>();
        let loads = counter();
        let n = loads.clone();
        let first = cache.ranked(&mut c, "k".into(), move |_| -> Res<Vec<i64>> {
            n.fetch_add(1, Ordering::SeqCst);
            let _ = gate.recv();
            Ok(vec![2])
        });
        assert_eq!(first.ok().as_deref(), Some(&vec![1]));
        let second = cache.ranked(&mut c, "k".into(), counting(&loads, vec![3]));
        assert_eq!(second.ok().as_deref(), Some(&vec![1]));
        let _ = release.send(());
        // Polled far more often than the value expires: the first sight of the new value is while it is fresh.
        let mut seen = None;
        for _ in 0..2000 {
            let now = cache.ranked(&mut c, "k".into(), counting(&loads, vec![4]));
            if now.as_deref().ok() == Some(&vec![2]) {
                seen = Some(loads.load(Ordering::SeqCst));
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(seen, Some(1), "one background load, stored");

        // A reload that hangs is taken over once it has run longer than the refresh timeout.
        std::thread::sleep(ttl + Duration::from_millis(50));
        let (_never, hang) = std::sync::mpsc::channel::<()>();
        let stuck = cache.ranked(&mut c, "k".into(), move |_| -> Res<Vec<i64>> {
            let _ = hang.recv_timeout(Duration::from_secs(5));
            Ok(vec![5])
        });
        assert_eq!(stuck.ok().as_deref(), Some(&vec![2]));
        let waiting = cache.ranked(&mut c, "k".into(), counting(&loads, vec![6]));
        assert_eq!(
            waiting.ok().as_deref(),
            Some(&vec![2]),
            "served old while it runs"
        );
        std::thread::sleep(Duration::from_millis(700));
        let taken = cache.ranked(&mut c, "k".into(), counting(&loads, vec![7]));
        assert_eq!(
            taken.ok().as_deref(),
            Some(&vec![7]),
            "loaded by the caller"
        );
    }

    #[test]
    fn concurrent_misses_load_once() {
        let cache = CatalogueCache::new(Duration::from_secs(60));
        let loads = counter();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (cache, loads) = (cache.clone(), loads.clone());
                std::thread::spawn(move || {
                    let mut c = conn();
                    cache
                        .ranked(&mut c, "k".into(), move |_| -> Res<Vec<i64>> {
                            loads.fetch_add(1, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(100));
                            Ok(vec![7])
                        })
                        .ok()
                        .map(|v| v[0])
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().ok().flatten(), Some(7));
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn zero_ttl_disables() {
        let (cache, mut c, loads) = (CatalogueCache::new(Duration::ZERO), conn(), counter());
        for _ in 0..2 {
            let _ = cache.facets(&mut c, "k".into(), counting(&loads, Vec::new()));
        }
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }
}
