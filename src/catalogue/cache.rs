//! A short-lived, bounded in-memory cache of catalogue data that every shopper page needs and that changes
//! rarely: facet aggregates per listing, the category tree and the exchange rates. Writes made through this
//! instance clear it at once; other instances see changes within the TTL.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::repo::FacetGroup;
use super::tree::CategoryTree;
use crate::money::Rates;
use crate::promos::pricing::LivePromos;

const MAX_ENTRIES: usize = 20_000;

struct Entry<T> {
    at: Instant,
    value: Arc<T>,
}

struct Inner {
    facets: HashMap<String, Entry<Vec<FacetGroup>>>,
    ranked: HashMap<String, Entry<Vec<i64>>>,
    basics: HashMap<String, Entry<(CategoryTree, Rates)>>,
    live: HashMap<String, Entry<LivePromos>>,
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
            }),
        }
    }

    fn fresh<T>(&self, e: &Entry<T>) -> bool {
        !self.ttl.is_zero() && e.at.elapsed() < self.ttl
    }

    /// The value in `map` for `key` while fresh, else `load`s it. A value loaded while a write cleared the cache
    /// is returned but not kept: it may predate the write.
    fn get_or_load<T, E>(
        &self,
        map: fn(&mut Inner) -> &mut HashMap<String, Entry<T>>,
        key: String,
        limit: usize,
        load: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        if let Ok(mut inner) = self.inner.lock() {
            if let Some(e) = map(&mut inner).get(&key).filter(|e| self.fresh(e)) {
                return Ok(e.value.clone());
            }
        }
        let before = self.generation();
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
                    },
                );
            }
        }
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
