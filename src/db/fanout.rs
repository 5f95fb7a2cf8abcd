//! Every instance fresh at once: with several `caravan serve` processes on one PostgreSQL database, a write on
//! one that clears one of its caches (the catalogue cache: a price, stock reaching zero, a campaign published, a
//! category renamed; the sign-in cache: a sign-out, a role change) clears the caches of all of them within a
//! fraction of a second, through PostgreSQL's own `LISTEN`/`NOTIFY`, so no other service is needed. Writes of
//! either kind are rare, so a notification clears every fanned cache.
//!
//! One thread per process holds one connection of its own (not from the pool): it sends `NOTIFY` when this
//! instance clears a cache and polls for the others' notifications every [`POLL`]. When the connection is lost
//! the caches fall back to their TTLs; the thread reconnects with backoff and clears them once subscribed again
//! (a notification may have been missed meanwhile). SQLite runs one process per database file: no fan-out.

use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};

use super::DatabaseUrl;

/// A cache that the fan-out keeps fresh across instances.
pub trait Fanned: Send + Sync {
    /// From now on, every clear of this cache is also sent to `tx`.
    fn announce_to(&self, tx: SyncSender<()>);
    /// Forgets everything on this instance only (another instance wrote, or notices may have been missed).
    fn clear_local(&self);
}

/// Where a fanned cache tells the fan-out that it was cleared (nowhere until the fan-out starts).
#[derive(Default)]
pub struct Announcer(Mutex<Option<SyncSender<()>>>);

impl Announcer {
    pub fn set(&self, tx: SyncSender<()>) {
        if let Ok(mut a) = self.0.lock() {
            *a = Some(tx);
        }
    }

    /// Tells the other instances; a full queue already holds an announcement that covers this one.
    pub fn send(&self) {
        if let Some(tx) = self.0.lock().ok().as_deref().and_then(Option::as_ref) {
            let _ = tx.try_send(());
        }
    }
}

type Targets = Vec<Weak<dyn Fanned>>;

/// Clears every target still alive; `false` once all are gone (the thread then ends).
fn clear_all(targets: &Targets) -> bool {
    let mut alive = false;
    for c in targets.iter().filter_map(Weak::upgrade) {
        c.clear_local();
        alive = true;
    }
    alive
}

fn any_alive(targets: &Targets) -> bool {
    targets.iter().any(|t| t.strong_count() > 0)
}

/// The channel's name in PostgreSQL.
const CHANNEL: &str = "caravan_catalogue";

/// How often the other instances' notifications are looked for (the longest a remote write waits).
const POLL: Duration = Duration::from_millis(100);

/// How often an idle connection is checked with a round trip (a silently dropped connection is noticed then).
const PING: Duration = Duration::from_secs(5);

const BACKOFF_MAX: Duration = Duration::from_secs(10);

/// Starts the fan-out for `caches` when the database is PostgreSQL; the thread ends when they are all dropped.
pub fn start(url: &DatabaseUrl, caches: &[Arc<dyn Fanned>]) -> Result<(), String> {
    let DatabaseUrl::Postgres(url) = url else {
        return Ok(());
    };
    let (tx, rx) = sync_channel::<()>(1);
    for c in caches {
        c.announce_to(tx.clone());
    }
    drop(tx);
    let url = super::with_connect_timeout(url);
    let me = instance_id();
    let targets: Targets = caches.iter().map(Arc::downgrade).collect();
    std::thread::Builder::new()
        .name("cache-fanout".into())
        .spawn(move || run(&url, &me, &targets, &rx))
        .map(|_| ())
        .map_err(|e| format!("cannot start the cache fan-out: {e}"))
}

/// Tells this process's notifications from the others' (the payload).
fn instance_id() -> String {
    let mut b = [0u8; 8];
    let _ = getrandom::fill(&mut b);
    format!("{}-{}", std::process::id(), u64::from_le_bytes(b))
}

fn run(url: &str, me: &str, targets: &Targets, rx: &Receiver<()>) {
    let mut backoff = Duration::from_millis(250);
    let mut lost = false;
    while any_alive(targets) {
        match subscribe(url) {
            Ok(mut conn) => {
                if lost {
                    tracing::info!("cache fan-out reconnected");
                    clear_all(targets);
                }
                backoff = Duration::from_millis(250);
                match serve(&mut conn, me, targets, rx) {
                    Ok(()) => return,
                    Err(e) => {
                        tracing::warn!(error = %e, "cache fan-out lost its connection; caches fall back to their TTL");
                        lost = true;
                    }
                }
            }
            Err(e) => {
                if !lost {
                    tracing::warn!(error = %e, "cache fan-out cannot connect; caches fall back to their TTL");
                }
                lost = true;
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(BACKOFF_MAX);
            }
        }
    }
}

fn subscribe(url: &str) -> Result<PgConnection, diesel::result::Error> {
    let mut conn = PgConnection::establish(url)
        .map_err(|e| diesel::result::Error::QueryBuilderError(Box::new(e)))?;
    diesel::sql_query(format!("LISTEN {CHANNEL}")).execute(&mut conn)?;
    Ok(conn)
}

/// Sends this instance's clears and applies the others' until the connection fails (`Err`) or the caches are gone.
fn serve(
    conn: &mut PgConnection,
    me: &str,
    targets: &Targets,
    rx: &Receiver<()>,
) -> Result<(), diesel::result::Error> {
    let mut checked = Instant::now();
    loop {
        match rx.recv_timeout(POLL) {
            Ok(()) => {
                diesel::sql_query("SELECT pg_notify($1, $2)")
                    .bind::<diesel::sql_types::Text, _>(CHANNEL)
                    .bind::<diesel::sql_types::Text, _>(me)
                    .execute(conn)?;
                checked = Instant::now();
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        let mut remote = false;
        for n in conn.notifications_iter() {
            remote |= n?.payload != me;
        }
        if remote && !clear_all(targets) {
            return Ok(());
        }
        if !any_alive(targets) {
            return Ok(());
        }
        if checked.elapsed() > PING {
            diesel::sql_query("SELECT 1").execute(conn)?;
            checked = Instant::now();
        }
    }
}
