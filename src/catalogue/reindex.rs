//! Building search words again for many products at once, away from the request that caused it. A product's
//! words include its options' names and values' names, so renaming a shared value ("Rosso" → "Rosso scuro") changes
//! the words of every product sold in it: hundreds of thousands in a large catalogue. The rename only queues those
//! products (one set-based insert); the server's indexer thread drains the queue in small transactions, so the
//! request that renamed returns at once and searches find the new names once their products are indexed again
//! (plus the cache's TTL for a search asked for just before).

use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::write::reindex_product_with;
use crate::db::schema::search_reindex;
use crate::db::{write_tx, DbConnection, DbPool};
use crate::search::Analyzer;

/// Products indexed per transaction (short writes: a shopper's checkout never waits long behind one).
pub const BATCH: i64 = 200;
/// How often an idle indexer looks at the queue.
const IDLE: Duration = Duration::from_secs(2);

/// Queues every product sold in option `option_id` (its names changed). Returns how many rows were written.
/// A product already queued is written again rather than skipped: on PostgreSQL that waits for an indexer holding
/// it (and reading the old names) to finish, then queues it anew, so no rename is lost.
pub fn queue_option(conn: &mut DbConnection, option_id: i64) -> QueryResult<usize> {
    diesel::sql_query(
        "INSERT INTO search_reindex (product_id) \
         SELECT DISTINCT product_id FROM product_options WHERE option_id = $1 \
         ON CONFLICT (product_id) DO UPDATE SET product_id = excluded.product_id",
    )
    .bind::<BigInt, _>(option_id)
    .execute(conn)
}

/// Products waiting to be indexed again.
pub fn pending(conn: &mut DbConnection) -> QueryResult<i64> {
    search_reindex::table.count().get_result(conn)
}

/// Indexes up to `limit` queued products again and takes them off the queue, in one transaction. Returns how many.
/// On PostgreSQL, rows another instance's indexer is working on are skipped, so indexers never wait on each other.
pub fn drain(conn: &mut DbConnection, analyzer: &Analyzer, limit: i64) -> QueryResult<usize> {
    write_tx(conn, |c| {
        let ids: Vec<i64> = match c {
            DbConnection::Pg(pg) => search_reindex::table
                .select(search_reindex::product_id)
                .order(search_reindex::product_id)
                .limit(limit)
                .for_update()
                .skip_locked()
                .load(pg)?,
            DbConnection::Sqlite(_) => search_reindex::table
                .select(search_reindex::product_id)
                .order(search_reindex::product_id)
                .limit(limit)
                .load(c)?,
        };
        // The names of every option of the batch, read once (a batch is mostly one renamed option's products).
        let mut options: Vec<i64> = crate::variants::repo::options_of_products(c, &ids)?
            .iter()
            .map(|o| o.option_id)
            .collect();
        options.sort_unstable();
        options.dedup();
        let known = crate::variants::repo::texts(c, &options)?;
        for id in &ids {
            reindex_product_with(c, analyzer, *id, Some(&known))?;
        }
        diesel::delete(search_reindex::table.filter(search_reindex::product_id.eq_any(&ids)))
            .execute(c)?;
        Ok(ids.len())
    })
}

/// Drains the whole queue (tests, `caravan migrate` after a bulk rename). Returns how many products were indexed.
pub fn drain_all(conn: &mut DbConnection) -> QueryResult<usize> {
    let analyzer = Analyzer::new();
    let mut total = 0;
    loop {
        let n = drain(conn, &analyzer, BATCH)?;
        total += n;
        if n == 0 {
            return Ok(total);
        }
    }
}

/// Starts the indexer thread of a serving instance. It drains the queue batch by batch and looks again every two
/// seconds when the queue is empty; once the queue is drained after indexing, the search vocabulary in `cache`
/// is marked old (a write's own rebuild may have read the words before the indexer rewrote them). Errors are
/// logged and retried; the thread ends with the process.
pub fn start(pool: DbPool, cache: std::sync::Arc<crate::cache::Cache>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("caravan-reindex".into())
        .spawn(move || {
            let analyzer = Analyzer::new();
            let mut indexed = false;
            loop {
                let done = pool
                    .get()
                    .map_err(|e| e.to_string())
                    .and_then(|mut c| drain(&mut c, &analyzer, BATCH).map_err(|e| e.to_string()));
                match done {
                    Ok(0) => {
                        if std::mem::take(&mut indexed) {
                            cache.age(super::slots::TYPOS);
                        }
                        std::thread::sleep(IDLE)
                    }
                    Ok(n) => {
                        indexed = true;
                        tracing::debug!(products = n, "search words rebuilt")
                    }
                    Err(error) => {
                        tracing::warn!(%error, "the search indexer will retry");
                        std::thread::sleep(IDLE);
                    }
                }
            }
        })
        .map(|_| ())
}
