//! A short-lived, bounded in-memory cache of derived data that every shopper page needs and that changes rarely.
//! It does not know what it stores: each kind of value is a [`Slot`] (a name, a value type, a budget of entries
//! and bytes and how a value is weighed) declared by the feature that owns it (the catalogue's facets, search
//! orders, listing pages, tree and rates, and product cards; the campaigns' schedule and live targets). Writes
//! made through this instance clear it at once (`AppState::write`, in `http`); other instances see
//! changes within the TTL plus the time a reload takes (at most [`REFRESH_TIMEOUT`] before a request takes a
//! stuck reload over).
//!
//! No request waits for a value that is only old: an expired entry keeps being served while one background
//! thread, with its own pooled connection, loads its successor. Only a missing value is loaded by the request
//! that needs it (once, while concurrent requests for it wait). Items by id (cards) are the exception: a listing
//! reads the ones it lacks or finds expired in one batch, itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use std::any::{Any, TypeId};

use crate::db::{DbConnection, DbPool};

/// Bookkeeping of one entry besides its value and key (the map slot, the `Arc`, the marks).
pub const ENTRY_OVERHEAD: u64 = 96;

/// One kind of cached value: its name (unique per value type), how many entries and bytes its map may hold, and
/// how a value is weighed. A map that would go over either bound is emptied before the new entry goes in
/// (entries are cheap to load again; nothing is kept past its TTL).
pub struct Slot<T> {
    name: &'static str,
    entries: usize,
    bytes: u64,
    weigh: fn(&T) -> u64,
    /// Kept through writes (see [`Slot::kept`]).
    kept: bool,
}

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Slot<T> {}

impl<T> Slot<T> {
    /// A map of at most `entries` small values, bounded by count alone.
    pub const fn counted(name: &'static str, entries: usize) -> Self {
        Self {
            name,
            entries,
            bytes: u64::MAX,
            weigh: |_| 0,
            kept: false,
        }
    }

    /// A map of at most `entries` values that are costly to build (seconds at a large catalogue) and harmless
    /// when a little old: a write does not drop them but marks them old, and the old value is served while
    /// the background thread builds its successor (a value whose build began before the latest write is kept,
    /// still old, so another build follows). They do not expire with the TTL: only writes age them.
    pub const fn kept(name: &'static str, entries: usize) -> Self {
        Self {
            name,
            entries,
            bytes: u64::MAX,
            weigh: |_| 0,
            kept: true,
        }
    }

    /// A map bounded by `entries` and by `bytes`, each value weighing `weigh(value)` plus its key and
    /// [`ENTRY_OVERHEAD`].
    pub const fn weighed(
        name: &'static str,
        entries: usize,
        bytes: u64,
        weigh: fn(&T) -> u64,
    ) -> Self {
        Self {
            name,
            entries,
            bytes,
            weigh,
            kept: false,
        }
    }
}

/// Values kept by id (product cards): one bounded map for every kind, weighed when stored.
pub struct ItemSlot<T> {
    name: &'static str,
    weigh: fn(&T) -> u64,
}

impl<T> Clone for ItemSlot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ItemSlot<T> {}

impl<T> ItemSlot<T> {
    pub const fn new(name: &'static str, weigh: fn(&T) -> u64) -> Self {
        Self { name, weigh }
    }
}

/// Bytes of items kept by id, all kinds together: about 1 KB a product card in the demo catalogue, so some
/// 30,000 products, 1,250 full listing pages.
const ITEM_BUDGET_BYTES: u64 = 32 * 1024 * 1024;

type ItemValue = (u64, Instant, u64, Arc<dyn Any + Send + Sync>);

/// Weighs an item by the weight its slot gave it when it was stored.
#[derive(Clone)]
struct ItemBytes;

impl quick_cache::Weighter<(&'static str, i64), ItemValue> for ItemBytes {
    fn weight(&self, _: &(&'static str, i64), val: &ItemValue) -> u64 {
        val.2
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
    cache: &'a Cache,
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
    /// For a kept slot's entry, the generation its load began in (older means a write came since); `None` for
    /// every other entry (they are dropped by writes).
    built_in: Option<u64>,
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

#[derive(Default)]
struct Inner {
    /// One `Map<T>` per slot, by the slot's name and value type.
    maps: HashMap<(&'static str, TypeId), Box<dyn Any + Send>>,
    /// Loads of missing values in progress, by slot and key.
    loading: HashMap<String, Arc<Loading>>,
    /// Names of the kept slots (their maps survive writes).
    kept: std::collections::HashSet<&'static str>,
}

impl Inner {
    fn map<T: Send + Sync + 'static>(&mut self, slot: Slot<T>) -> &mut Map<T> {
        if slot.kept {
            self.kept.insert(slot.name);
        }
        let boxed = self
            .maps
            .entry((slot.name, TypeId::of::<T>()))
            .or_insert_with(|| Box::new(Map::<T>::default()));
        match boxed.downcast_mut::<Map<T>>() {
            Some(m) => m,
            None => unreachable!("maps are keyed by their value type"),
        }
    }

    fn fresh_value<T: Send + Sync + 'static>(&self, slot: Slot<T>, key: &str) -> Option<&Entry<T>> {
        self.maps
            .get(&(slot.name, TypeId::of::<T>()))?
            .downcast_ref::<Map<T>>()?
            .entries
            .get(key)
    }
}

pub struct Cache {
    ttl: Duration,
    /// Moves on every [`Cache::clear`]; anything derived from the catalogue (whole pages) compares it.
    generation: AtomicU64,
    inner: Mutex<Inner>,
    /// The background reloader's queue; without one (unit tests), the caller that finds a value expired
    /// reloads it.
    reloads: Option<SyncSender<Job>>,
    /// This cache, for reload jobs to store into (they never keep it alive).
    me: Weak<Cache>,
    /// Items by slot and id, with the generation each was read in, when, and its weight (see [`Cache::item`]).
    items: quick_cache::sync::Cache<(&'static str, i64), ItemValue, ItemBytes>,
    /// The origin of the `refreshing` marks.
    base: Instant,
    /// [`REFRESH_TIMEOUT`] (shorter in tests).
    refresh_timeout: Duration,
    /// Where [`Cache::clear`] tells the other instances (see [`crate::db::fanout`]).
    announce: crate::db::fanout::Announcer,
}

impl Cache {
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
            .name("cache-reload".into())
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
            inner: Mutex::new(Inner::default()),
            reloads,
            me,
            items: quick_cache::sync::Cache::with_weighter(32_768, ITEM_BUDGET_BYTES, ItemBytes),
            base: Instant::now(),
            refresh_timeout: REFRESH_TIMEOUT,
            announce: Default::default(),
        }
    }

    fn fresh_entry<T>(&self, e: &Entry<T>) -> bool {
        match e.built_in {
            Some(generation) => !self.ttl.is_zero() && generation == self.generation(),
            None => self.within_ttl(e.at),
        }
    }

    fn within_ttl(&self, at: Instant) -> bool {
        !self.ttl.is_zero() && at.elapsed() < self.ttl
    }

    /// The value in `map` for `key` while fresh, else `load`s it. A missing value is loaded by one caller while
    /// the others wanting it wait (at most [`MAX_WAIT`]); an expired one is reloaded once, in the background
    /// when there is a reloader, while every caller keeps getting the old value. So neither a cold start nor
    /// an expiry sends every request to the database at once, and no request waits for an expiry. A value
    /// loaded while a write cleared the cache is returned but not kept: it may predate the write.
    pub fn get_or_load<T, E, L>(
        &self,
        conn: &mut DbConnection,
        slot: Slot<T>,
        key: String,
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
            if let Some(e) = inner.map(slot).entries.get(&key) {
                if self.fresh_entry(e) {
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
                        return self.load_and_store(conn, slot, key, Some(reset), load);
                    };
                    match tx.try_send(self.reload_job(slot, key, reset, load)) {
                        // Queue full: dropping the job resets the flag; the old value is served meanwhile.
                        Ok(()) | Err(TrySendError::Full(_)) => {}
                        // The reloader is gone: run the reload here.
                        Err(TrySendError::Disconnected(job)) => job(conn),
                    }
                    return Ok(old);
                }
            } else if !self.ttl.is_zero() {
                let id = format!("{}|{key}", slot.name);
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
                if let Some(e) = inner.map(slot).entries.get(&key) {
                    return Ok(e.value.clone());
                }
            }
            // The other load failed, was not kept or is slow: load on our own.
        }
        let value = self.load_and_store(conn, slot, key, None, load);
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
    fn reload_job<T, E, L>(&self, slot: Slot<T>, key: String, reset: Reset, load: L) -> Job
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
                Ok(v) => cache.store(slot, key, before, Arc::new(v)),
                Err(e) => tracing::warn!(error = %e, "catalogue reload failed"),
            }
        })
    }

    fn load_and_store<T, E, L>(
        &self,
        conn: &mut DbConnection,
        slot: Slot<T>,
        key: String,
        reset: Option<Reset>,
        load: L,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        L: FnOnce(&mut DbConnection) -> Result<T, E>,
    {
        let before = self.generation();
        // Reset however the load ends (an error, even a panic): stored below on success with a new flag, and
        // on failure the next caller tries again.
        let _reset = reset;
        let value = Arc::new(load(conn)?);
        self.store(slot, key, before, value.clone());
        Ok(value)
    }

    /// Keeps `value` unless a write cleared the cache since its load began (generation `before`); a kept
    /// slot's value is kept anyway, marked as built in `before`.
    fn store<T: Send + Sync + 'static>(
        &self,
        slot: Slot<T>,
        key: String,
        before: u64,
        value: Arc<T>,
    ) {
        if let Ok(mut inner) = self.inner.lock() {
            if slot.kept || self.generation() == before {
                let m = inner.map(slot);
                // A kept value from a build begun earlier than the one stored (a stuck build taken over) is late.
                let newer = m.entries.get(&key).and_then(|e| e.built_in);
                if slot.kept && newer.is_some_and(|g| g != u64::MAX && g > before) {
                    return;
                }
                let weight = (slot.weigh)(&value) + key.len() as u64 + ENTRY_OVERHEAD;
                if let Some(old) = m.entries.remove(&key) {
                    m.bytes = m.bytes.saturating_sub(old.weight);
                }
                if m.entries.len() >= slot.entries || m.bytes.saturating_add(weight) > slot.bytes {
                    m.clear();
                }
                m.bytes += weight;
                m.entries.insert(
                    key,
                    Entry {
                        at: Instant::now(),
                        built_in: slot.kept.then_some(before),
                        value,
                        refreshing: Arc::new(AtomicU64::new(0)),
                        weight,
                    },
                );
            }
        }
    }

    /// The value of `slot` for `key` if cached and fresh, without touching the database.
    pub fn fresh<T: Send + Sync + 'static>(&self, slot: Slot<T>, key: &str) -> Option<Arc<T>> {
        let inner = self.inner.lock().ok()?;
        inner
            .fresh_value(slot, key)
            .filter(|e| self.fresh_entry(e))
            .map(|e| e.value.clone())
    }

    /// An item kept by id if read in the current generation and within the TTL. Items are not reloaded in the
    /// background: their reader loads the few it lacks in one batch.
    pub fn item<T: Send + Sync + 'static>(&self, slot: ItemSlot<T>, id: i64) -> Option<Arc<T>> {
        let (generation, at, _, data) = self.items.get(&(slot.name, id))?;
        if generation != self.generation() || !self.within_ttl(at) {
            return None;
        }
        data.downcast::<T>().ok()
    }

    /// Keeps an item read in `generation` (unless a write has moved it since).
    pub fn store_item<T: Send + Sync + 'static>(
        &self,
        slot: ItemSlot<T>,
        id: i64,
        generation: u64,
        data: Arc<T>,
    ) {
        if !self.ttl.is_zero() && generation == self.generation() {
            let weight = (slot.weigh)(&data);
            self.items
                .insert((slot.name, id), (generation, Instant::now(), weight, data));
        }
    }

    /// Marks the values of kept slot `slot` old without a write (what they were built from changed behind the
    /// catalogue's back): they are served while their successors are built in the background.
    pub fn age<T: Send + Sync + 'static>(&self, slot: Slot<T>) {
        if let Ok(mut inner) = self.inner.lock() {
            for e in inner.map(slot).entries.values_mut() {
                if e.built_in.is_some() {
                    e.built_in = Some(u64::MAX);
                }
            }
        }
    }

    /// The current generation (see [`Cache::clear`]).
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
            let kept = std::mem::take(&mut inner.kept);
            inner.maps.retain(|(name, _), _| kept.contains(name));
            inner.kept = kept;
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
        drop(guard);
        // Items of an older generation are never served (see `item`); this only frees them.
        self.items.clear();
    }
}

impl crate::db::fanout::Fanned for Cache {
    fn announce_to(&self, tx: SyncSender<()>) {
        self.announce.set(tx);
    }

    fn clear_local(&self) {
        Cache::clear_local(self);
    }
}

#[cfg(test)]
mod tests;
