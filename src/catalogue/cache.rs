//! A short-lived, bounded in-memory cache of catalogue data that every shopper page needs and that changes
//! rarely: facet aggregates per listing, the category tree and the exchange rates. Writes made through this
//! instance clear it at once; other instances see changes within the TTL.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::repo::FacetGroup;
use super::tree::CategoryTree;
use crate::money::Rates;
use crate::promos::pricing::LivePromos;

const MAX_ENTRIES: usize = 20_000;

/// How long a caller waits for another caller's load of the same missing value before loading it itself.
const MAX_WAIT: Duration = Duration::from_secs(3);

/// Clears an expired entry's `refreshing` flag when its reload ends.
struct Reset(Arc<AtomicBool>);

impl Drop for Reset {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
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
    /// Set by the one caller reloading this expired entry; the others keep being served the old value.
    refreshing: Arc<AtomicBool>,
}

struct Inner {
    facets: HashMap<String, Entry<Vec<FacetGroup>>>,
    ranked: HashMap<String, Entry<Vec<i64>>>,
    basics: HashMap<String, Entry<(CategoryTree, Rates)>>,
    live: HashMap<String, Entry<LivePromos>>,
    boundaries: HashMap<String, Entry<Vec<time::PrimitiveDateTime>>>,
    /// Loads of missing values in progress, by map and key.
    loading: HashMap<String, Arc<Loading>>,
}

pub struct CatalogueCache {
    ttl: Duration,
    /// Moves on every [`CatalogueCache::clear`]; anything derived from the catalogue (whole pages) compares it.
    generation: AtomicU64,
    inner: Mutex<Inner>,
}

impl CatalogueCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            generation: AtomicU64::new(0),
            inner: Mutex::new(Inner {
                facets: HashMap::new(),
                ranked: HashMap::new(),
                basics: HashMap::new(),
                live: HashMap::new(),
                boundaries: HashMap::new(),
                loading: HashMap::new(),
            }),
        }
    }

    fn fresh<T>(&self, e: &Entry<T>) -> bool {
        !self.ttl.is_zero() && e.at.elapsed() < self.ttl
    }

    /// The value in `map` for `key` while fresh, else `load`s it. A missing value is loaded by one caller while
    /// the others wanting it wait (at most [`MAX_WAIT`]); an expired one is reloaded by one caller while the
    /// others keep getting it. So neither a cold start nor an expiry sends every request to the database at
    /// once. A value loaded while a write cleared the cache is returned but not kept: it may predate the write.
    fn get_or_load<T, E>(
        &self,
        map: fn(&mut Inner) -> &mut HashMap<String, Entry<T>>,
        key: String,
        limit: usize,
        load: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let mut reloading = None;
        let mut waiting = None;
        let mut lead = None;
        if let Ok(mut inner) = self.inner.lock() {
            if let Some(e) = map(&mut inner).get(&key) {
                if self.fresh(e) {
                    return Ok(e.value.clone());
                }
                if !self.ttl.is_zero() {
                    if e.refreshing.swap(true, Ordering::AcqRel) {
                        return Ok(e.value.clone());
                    }
                    reloading = Some(e.refreshing.clone());
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
                if let Some(e) = map(&mut inner).get(&key) {
                    return Ok(e.value.clone());
                }
            }
            // The other load failed, was not kept or is slow: load on our own.
        }
        let before = self.generation();
        // Reset however the load ends (an error, even a panic): stored below on success with a new flag, and
        // on failure the next caller tries again.
        let _reset = reloading.map(Reset);
        let value = Arc::new(load()?);
        if let Ok(mut inner) = self.inner.lock() {
            if self.generation() == before {
                let m = map(&mut inner);
                if m.len() >= limit {
                    m.clear();
                }
                m.insert(
                    key,
                    Entry {
                        at: Instant::now(),
                        value: value.clone(),
                        refreshing: Arc::new(AtomicBool::new(false)),
                    },
                );
            }
        }
        drop(lead);
        Ok(value)
    }

    /// Cached facet groups for `key`, or computes and stores them.
    pub fn facets<E>(
        &self,
        key: String,
        load: impl FnOnce() -> Result<Vec<FacetGroup>, E>,
    ) -> Result<Arc<Vec<FacetGroup>>, E> {
        self.get_or_load(|i| &mut i.facets, key, MAX_ENTRIES, load)
    }

    /// Cached relevance order of a search (product ids, best first), or computes and stores it.
    pub fn ranked<E>(
        &self,
        key: String,
        load: impl FnOnce() -> Result<Vec<i64>, E>,
    ) -> Result<Arc<Vec<i64>>, E> {
        self.get_or_load(|i| &mut i.ranked, key, MAX_ENTRIES, load)
    }

    /// Cached targets and names of a set of live campaigns (`key` names the set), or loads and stores them.
    pub fn live<E>(
        &self,
        key: String,
        load: impl FnOnce() -> Result<LivePromos, E>,
    ) -> Result<Arc<LivePromos>, E> {
        self.get_or_load(|i| &mut i.live, key, 64, load)
    }

    /// Cached category tree and exchange rates, or loads and stores them.
    pub fn basics<E>(
        &self,
        load: impl FnOnce() -> Result<(CategoryTree, Rates), E>,
    ) -> Result<Arc<(CategoryTree, Rates)>, E> {
        self.get_or_load(|i| &mut i.basics, String::new(), 1, load)
    }

    /// Cached start and end instants of the published campaigns, or loads and stores them.
    pub fn boundaries<E>(
        &self,
        load: impl FnOnce() -> Result<Vec<time::PrimitiveDateTime>, E>,
    ) -> Result<Arc<Vec<time::PrimitiveDateTime>>, E> {
        self.get_or_load(|i| &mut i.boundaries, String::new(), 1, load)
    }

    /// The campaign instants if cached and fresh, without touching the database.
    pub fn fresh_boundaries(&self) -> Option<Arc<Vec<time::PrimitiveDateTime>>> {
        let inner = self.inner.lock().ok()?;
        inner
            .boundaries
            .get("")
            .filter(|e| self.fresh(e))
            .map(|e| e.value.clone())
    }

    /// The current generation (see [`CatalogueCache::clear`]).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Forgets everything (after any catalogue, category or rate write).
    pub fn clear(&self) {
        // Emptied first, then the generation moves: whoever sees the new generation finds nothing older.
        if let Ok(mut inner) = self.inner.lock() {
            inner.facets.clear();
            inner.ranked.clear();
            inner.basics.clear();
            inner.live.clear();
            inner.boundaries.clear();
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caches_within_ttl_and_clears() {
        let cache = CatalogueCache::new(Duration::from_secs(60));
        let mut loads = 0;
        for _ in 0..3 {
            let v = cache.facets::<()>("k".into(), || {
                loads += 1;
                Ok(Vec::new())
            });
            assert!(v.is_ok());
        }
        assert_eq!(loads, 1);
        cache.clear();
        let _ = cache.facets::<()>("k".into(), || {
            loads += 1;
            Ok(Vec::new())
        });
        assert_eq!(loads, 2);
    }

    #[test]
    fn a_value_loaded_while_a_write_clears_is_not_kept() {
        let cache = CatalogueCache::new(Duration::from_secs(60));
        let mut loads = 0;
        let _ = cache.facets::<()>("k".into(), || {
            loads += 1;
            cache.clear();
            Ok(Vec::new())
        });
        let _ = cache.facets::<()>("k".into(), || {
            loads += 1;
            Ok(Vec::new())
        });
        assert_eq!(loads, 2);
    }

    #[test]
    fn an_expired_value_is_reloaded_once_while_others_get_the_old_one() {
        let cache = CatalogueCache::new(Duration::from_millis(5));
        let _ = cache.ranked::<()>("k".into(), || Ok(vec![1]));
        std::thread::sleep(Duration::from_millis(10));
        let mut inner_loads = 0;
        let reloaded = cache.ranked::<()>("k".into(), || {
            // Another request while this one reloads: served the old order, no second load.
            let during = cache.ranked::<()>("k".into(), || {
                inner_loads += 1;
                Ok(vec![3])
            });
            assert_eq!(during.ok().as_deref(), Some(&vec![1]));
            Ok(vec![2])
        });
        assert_eq!(reloaded.ok().as_deref(), Some(&vec![2]));
        assert_eq!(inner_loads, 0);
        // A failed reload lets the next caller try again.
        std::thread::sleep(Duration::from_millis(10));
        assert!(cache.ranked::<&str>("k".into(), || Err("down")).is_err());
        let again = cache.ranked::<()>("k".into(), || Ok(vec![4]));
        assert_eq!(again.ok().as_deref(), Some(&vec![4]));
    }

    #[test]
    fn concurrent_misses_load_once() {
        let cache = Arc::new(CatalogueCache::new(Duration::from_secs(60)));
        let loads = Arc::new(AtomicU64::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (cache, loads) = (cache.clone(), loads.clone());
                std::thread::spawn(move || {
                    cache
                        .ranked::<()>("k".into(), || {
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
        let cache = CatalogueCache::new(Duration::ZERO);
        let mut loads = 0;
        for _ in 0..2 {
            let _ = cache.facets::<()>("k".into(), || {
                loads += 1;
                Ok(Vec::new())
            });
        }
        assert_eq!(loads, 2);
    }
}
