//! Every instance fresh at once: with several `caravan serve` processes on one PostgreSQL database, a catalogue
//! write on one (a price, stock reaching zero, a campaign published, a category renamed: anything that clears
//! the catalogue cache) clears the caches of all of them within a fraction of a second, through PostgreSQL's own
//! `LISTEN`/`NOTIFY`, so no other service is needed.
//!
//! One thread per process holds one connection of its own (not from the pool): it sends `NOTIFY` when this
//! instance clears its cache and polls for the others' notifications every [`POLL`]. When the connection is lost
//! it falls back to the caches' TTLs, reconnects with backoff, and clears its own cache once subscribed again
//! (a notification may have been missed meanwhile). SQLite runs one process per database file: no fan-out.

use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};

use super::cache::CatalogueCache;
use crate::db::DatabaseUrl;

/// The channel's name in PostgreSQL.
const CHANNEL: &str = "caravan_catalogue";

/// How often the other instances' notifications are looked for (the longest a remote write waits).
const POLL: Duration = Duration::from_millis(100);

/// How often an idle connection is checked with a round trip (a silently dropped connection is noticed then).
const PING: Duration = Duration::from_secs(5);

const BACKOFF_MAX: Duration = Duration::from_secs(10);

/// Starts the fan-out for `cache` when the database is PostgreSQL; the thread ends when the cache is dropped.
pub fn start(url: &DatabaseUrl, cache: &Arc<CatalogueCache>) -> Result<(), String> {
    let DatabaseUrl::Postgres(url) = url else {
        return Ok(());
    };
    let (tx, rx) = sync_channel::<()>(1);
    cache.announce_to(tx);
    let url = crate::db::with_connect_timeout(url);
    let me = instance_id();
    let weak = Arc::downgrade(cache);
    std::thread::Builder::new()
        .name("catalogue-fanout".into())
        .spawn(move || run(&url, &me, &weak, &rx))
        .map(|_| ())
        .map_err(|e| format!("cannot start the cache fan-out: {e}"))
}

/// Tells this process's notifications from the others' (the payload).
fn instance_id() -> String {
    let mut b = [0u8; 8];
    let _ = getrandom::fill(&mut b);
    format!("{}-{}", std::process::id(), u64::from_le_bytes(b))
}

fn run(url: &str, me: &str, cache: &Weak<CatalogueCache>, rx: &Receiver<()>) {
    let mut backoff = Duration::from_millis(250);
    let mut lost = false;
    while cache.strong_count() > 0 {
        match subscribe(url) {
            Ok(mut conn) => {
                if lost {
                    tracing::info!("cache fan-out reconnected");
                    if let Some(c) = cache.upgrade() {
                        c.clear_local();
                    }
                }
                backoff = Duration::from_millis(250);
                match serve(&mut conn, me, cache, rx) {
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

/// Sends this instance's clears and applies the others' until the connection fails (`Err`) or the cache is gone.
fn serve(
    conn: &mut PgConnection,
    me: &str,
    cache: &Weak<CatalogueCache>,
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
        let Some(c) = cache.upgrade() else {
            return Ok(());
        };
        if remote {
            c.clear_local();
        }
        if checked.elapsed() > PING {
            diesel::sql_query("SELECT 1").execute(conn)?;
            checked = Instant::now();
        }
    }
}
