//! The shared cache's behaviour: TTL, clearing, byte budgets, single loads, background reloads.
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

const FACETS: Slot<Vec<String>> = Slot::counted("facets", 100);
const RANKED: Slot<Vec<i64>> = Slot::weighed("ranked", 20_000, RANKED_BYTES, |ids| {
    std::mem::size_of_val(ids.as_slice()) as u64
});
const RANKED_BYTES: u64 = 16 * 1024 * 1024;
const CARDS: ItemSlot<String> = ItemSlot::new("cards", |s| s.len() as u64);

fn card(id: i64) -> Arc<String> {
    Arc::new(format!("card {id}"))
}

#[test]
fn items_are_kept_for_their_generation_and_ttl_only() {
    let cache = Cache::new(Duration::from_millis(300));
    let g = cache.generation();
    cache.store_item(CARDS, 7, g, card(7));
    assert_eq!(cache.item(CARDS, 7).as_deref(), Some(&"card 7".to_string()));
    assert!(cache.item(CARDS, 8).is_none());
    // Another type under the same id is another item.
    const OTHER: ItemSlot<u8> = ItemSlot::new("other", |_| 1);
    assert!(cache.item(OTHER, 7).is_none());
    // A card read before a write is neither served after it nor stored.
    cache.clear();
    assert!(cache.item(CARDS, 7).is_none());
    cache.store_item(CARDS, 7, g, card(7));
    assert!(cache.item(CARDS, 7).is_none());
    cache.store_item(CARDS, 7, cache.generation(), card(7));
    assert!(cache.item(CARDS, 7).is_some());
    std::thread::sleep(Duration::from_millis(350));
    assert!(cache.item(CARDS, 7).is_none(), "kept past its TTL");
    // TTL 0 keeps nothing.
    let off = Cache::new(Duration::ZERO);
    off.store_item(CARDS, 7, off.generation(), card(7));
    assert!(off.item(CARDS, 7).is_none());
}

#[test]
fn caches_within_ttl_and_clears() {
    let (cache, mut c, loads) = (Cache::new(Duration::from_secs(60)), conn(), counter());
    for _ in 0..3 {
        assert!(cache
            .get_or_load(&mut c, FACETS, "k".into(), counting(&loads, Vec::new()))
            .is_ok());
    }
    assert_eq!(loads.load(Ordering::SeqCst), 1);
    cache.clear();
    let _ = cache.get_or_load(&mut c, FACETS, "k".into(), counting(&loads, Vec::new()));
    assert_eq!(loads.load(Ordering::SeqCst), 2);
}

#[test]
fn search_orders_are_bounded_by_bytes() {
    let (cache, mut c) = (Cache::new(Duration::from_secs(60)), conn());
    // 2,000 ids (a full relevance window) weigh 16 KB: the 16 MB budget holds about a thousand of them,
    // far fewer than the 20,000 entries the count alone allows.
    for i in 0..3_000 {
        let ids: Vec<i64> = (0..2_000).collect();
        let _ = cache.get_or_load(&mut c, RANKED, format!("q{i}"), move |_| -> Res<Vec<i64>> {
            Ok(ids)
        });
    }
    let mut inner = cache.inner.lock().unwrap();
    let ranked = inner.map(RANKED);
    assert!(ranked.bytes <= RANKED_BYTES, "{}", ranked.bytes);
    assert!(ranked.entries.len() < 1_100, "{}", ranked.entries.len());
    let summed: u64 = ranked.entries.values().map(|e| e.weight).sum();
    assert_eq!(summed, ranked.bytes);
}

#[test]
fn a_value_loaded_while_a_write_clears_is_not_kept() {
    let (cache, mut c, loads) = (Cache::new(Duration::from_secs(60)), conn(), counter());
    let weak = Arc::downgrade(&cache);
    let _ = cache.get_or_load(&mut c, FACETS, "k".into(), move |_| -> Res<Vec<String>> {
        if let Some(cache) = weak.upgrade() {
            cache.clear();
        }
        Ok(Vec::new())
    });
    let _ = cache.get_or_load(&mut c, FACETS, "k".into(), counting(&loads, Vec::new()));
    assert_eq!(loads.load(Ordering::SeqCst), 1);
}

#[test]
fn without_a_reloader_an_expired_value_is_reloaded_once_while_others_get_the_old_one() {
    let (cache, mut c) = (Cache::new(Duration::from_millis(5)), conn());
    let _ = cache.get_or_load(&mut c, RANKED, "k".into(), |_| -> Res<Vec<i64>> {
        Ok(vec![1])
    });
    std::thread::sleep(Duration::from_millis(10));
    let inner_loads = counter();
    let (weak, n) = (Arc::downgrade(&cache), inner_loads.clone());
    let reloaded = cache.get_or_load(&mut c, RANKED, "k".into(), move |c| -> Res<Vec<i64>> {
        // Another request while this one reloads: served the old order, no second load.
        let cache = weak.upgrade().ok_or("gone")?;
        let during = cache.get_or_load(c, RANKED, "k".into(), counting(&n, vec![3]));
        assert_eq!(during.ok().as_deref(), Some(&vec![1]));
        Ok(vec![2])
    });
    assert_eq!(reloaded.ok().as_deref(), Some(&vec![2]));
    assert_eq!(inner_loads.load(Ordering::SeqCst), 0);
    // A failed reload lets the next caller try again.
    std::thread::sleep(Duration::from_millis(10));
    assert!(cache
        .get_or_load(&mut c, RANKED, "k".into(), |_| -> Res<Vec<i64>> {
            Err("down")
        })
        .is_err());
    let again = cache.get_or_load(&mut c, RANKED, "k".into(), |_| -> Res<Vec<i64>> {
        Ok(vec![4])
    });
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
    let cache = match Cache::reloading(ttl, pool, Duration::from_millis(600)) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let mut c = conn();
    let _ = cache.get_or_load(&mut c, RANKED, "k".into(), |_| -> Res<Vec<i64>> {
        Ok(vec![1])
    });
    std::thread::sleep(ttl + Duration::from_millis(50));
    // The reload blocks until released; the callers meanwhile get the old value at once, and only one
    // reload is queued.
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let loads = counter();
    let n = loads.clone();
    let first = cache.get_or_load(&mut c, RANKED, "k".into(), move |_| -> Res<Vec<i64>> {
        n.fetch_add(1, Ordering::SeqCst);
        let _ = gate.recv();
        Ok(vec![2])
    });
    assert_eq!(first.ok().as_deref(), Some(&vec![1]));
    let second = cache.get_or_load(&mut c, RANKED, "k".into(), counting(&loads, vec![3]));
    assert_eq!(second.ok().as_deref(), Some(&vec![1]));
    let _ = release.send(());
    // Polled far more often than the value expires: the first sight of the new value is while it is fresh.
    let mut seen = None;
    for _ in 0..2000 {
        let now = cache.get_or_load(&mut c, RANKED, "k".into(), counting(&loads, vec![4]));
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
    let stuck = cache.get_or_load(&mut c, RANKED, "k".into(), move |_| -> Res<Vec<i64>> {
        let _ = hang.recv_timeout(Duration::from_secs(5));
        Ok(vec![5])
    });
    assert_eq!(stuck.ok().as_deref(), Some(&vec![2]));
    let waiting = cache.get_or_load(&mut c, RANKED, "k".into(), counting(&loads, vec![6]));
    assert_eq!(
        waiting.ok().as_deref(),
        Some(&vec![2]),
        "served old while it runs"
    );
    std::thread::sleep(Duration::from_millis(700));
    let taken = cache.get_or_load(&mut c, RANKED, "k".into(), counting(&loads, vec![7]));
    assert_eq!(
        taken.ok().as_deref(),
        Some(&vec![7]),
        "loaded by the caller"
    );
}

#[test]
fn concurrent_misses_load_once() {
    let cache = Cache::new(Duration::from_secs(60));
    let loads = counter();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (cache, loads) = (cache.clone(), loads.clone());
            std::thread::spawn(move || {
                let mut c = conn();
                cache
                    .get_or_load(&mut c, RANKED, "k".into(), move |_| -> Res<Vec<i64>> {
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
    let (cache, mut c, loads) = (Cache::new(Duration::ZERO), conn(), counter());
    for _ in 0..2 {
        let _ = cache.get_or_load(&mut c, FACETS, "k".into(), counting(&loads, Vec::new()));
    }
    assert_eq!(loads.load(Ordering::SeqCst), 2);
}

const KEPT: Slot<Vec<i64>> = Slot::kept("vocabulary", 1);

#[test]
fn a_kept_value_outlives_writes_and_is_rebuilt_in_the_background() {
    let url = crate::db::DatabaseUrl::Sqlite(":memory:".into());
    let pool = match crate::db::build_pool(&url, 2) {
        Ok(p) => p,
        Err(e) => panic!("pool: {e}"),
    };
    let ttl = Duration::from_millis(200);
    let cache = match Cache::reloading(ttl, pool, Duration::from_secs(10)) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let mut c = conn();
    let loads = counter();
    let first = cache.get_or_load(&mut c, KEPT, String::new(), counting(&loads, vec![1]));
    assert_eq!(first.ok().as_deref(), Some(&vec![1]));
    // The TTL alone does not age it.
    std::thread::sleep(ttl + Duration::from_millis(50));
    let same = cache.get_or_load(&mut c, KEPT, String::new(), counting(&loads, vec![9]));
    assert_eq!(same.ok().as_deref(), Some(&vec![1]));
    assert_eq!(loads.load(Ordering::SeqCst), 1);
    // A write: the old value is served at once while the background thread builds the next, which a second
    // write interrupts; that build is kept (newer than the first) but still old, so one more follows.
    cache.clear();
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let n = loads.clone();
    let old = cache.get_or_load(&mut c, KEPT, String::new(), move |_| -> Res<Vec<i64>> {
        n.fetch_add(1, Ordering::SeqCst);
        let _ = gate.recv();
        Ok(vec![2])
    });
    assert_eq!(
        old.ok().as_deref(),
        Some(&vec![1]),
        "served old, not waited for"
    );
    cache.clear();
    let _ = release.send(());
    let mut seen = Vec::new();
    for _ in 0..2000 {
        let now = cache.get_or_load(&mut c, KEPT, String::new(), counting(&loads, vec![3]));
        let v = now.ok().map(|v| v[0]).unwrap_or_default();
        if seen.last() != Some(&v) {
            seen.push(v);
        }
        if v == 3 {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    // The old value, then perhaps the build the second write interrupted, then the one after it.
    assert!(seen.iter().all(|v| [1, 2, 3].contains(v)), "{seen:?}");
    assert_eq!(
        seen.last(),
        Some(&3),
        "rebuilt after the second write: {seen:?}"
    );
    // Aged without a write (its source changed behind the catalogue's back): served, and rebuilt.
    cache.age(KEPT);
    let aged = cache.get_or_load(&mut c, KEPT, String::new(), counting(&loads, vec![4]));
    assert_eq!(aged.ok().as_deref(), Some(&vec![3]), "served old");
    let mut rebuilt = false;
    for _ in 0..2000 {
        let now = cache.get_or_load(&mut c, KEPT, String::new(), counting(&loads, vec![4]));
        if now.ok().as_deref() == Some(&vec![4]) {
            rebuilt = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(rebuilt, "rebuilt after aging");
    // A value that is not kept is dropped by a write.
    let _ = cache.get_or_load(
        &mut c,
        FACETS,
        "k".into(),
        counting(&loads, vec!["a".to_string()]),
    );
    cache.clear();
    assert!(cache.fresh(FACETS, "k").is_none());
}
