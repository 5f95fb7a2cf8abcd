//! Bulk loads without secondary indexes and facet triggers, safe against being killed half-way.
//!
//! Building an index once from sorted data is far cheaper than keeping it up to date row by row, and the facet
//! counts are recounted once instead of per row. What is dropped is written to `bulk_load_pending` in the same
//! transaction as the drops; the restore deletes those rows in the transactions that build the objects again.
//! So a load that dies half-way (a kill, a full disk) leaves a record, and [`resume`] (run at every start)
//! restores the indexes, recounts the facets and recreates the triggers before anything reads them.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::schema::bulk_load_pending;
use crate::db::DbConnection;

/// A secondary object a bulk load drops and builds again.
#[derive(QueryableByName)]
struct Definition {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    sql: String,
}

#[derive(Queryable)]
struct Pending {
    name: String,
    is_trigger: bool,
    create_sql: String,
}

/// Deletes the record of `name`; 1 when this caller claimed it, 0 when another process already had.
fn claim(c: &mut DbConnection, name: &str) -> QueryResult<usize> {
    diesel::delete(bulk_load_pending::table.find(name)).execute(c)
}

/// Secondary indexes of the tables a bulk load fills (keys and unique constraints stay), and the triggers on
/// `products` that keep `facet_counts`: (definition, is trigger).
fn secondary_objects(conn: &mut DbConnection) -> QueryResult<Vec<(Definition, bool)>> {
    let (indexes, triggers): (Vec<Definition>, Vec<Definition>) = match conn {
        DbConnection::Sqlite(c) => (
            diesel::sql_query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
                 AND tbl_name IN ('products', 'product_translations', 'product_images', 'search_terms')",
            )
            .load(c)?,
            diesel::sql_query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products'",
            )
            .load(c)?,
        ),
        DbConnection::Pg(c) => (
            diesel::sql_query(
                "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() \
                 AND tablename IN ('products', 'product_translations', 'product_images', 'search_terms') \
                 AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            )
            .load(c)?,
            diesel::sql_query(
                "SELECT tgname AS name, pg_get_triggerdef(oid) AS sql FROM pg_trigger \
                 WHERE tgrelid = 'products'::regclass AND NOT tgisinternal",
            )
            .load(c)?,
        ),
    };
    Ok(indexes
        .into_iter()
        .map(|d| (d, false))
        .chain(triggers.into_iter().map(|d| (d, true)))
        .collect())
}

/// Drops the secondary objects, recording each, in one transaction: either all are dropped and recorded or none.
/// Returns how many were dropped.
pub fn begin(conn: &mut DbConnection) -> Result<usize, String> {
    // An earlier load that died is finished first, so its objects are recorded from their definitions.
    resume(conn)?;
    let objects = secondary_objects(conn).map_err(|e| e.to_string())?;
    let pg = matches!(conn, DbConnection::Pg(_));
    crate::db::write_tx(conn, |c| {
        for (d, is_trigger) in &objects {
            diesel::insert_into(bulk_load_pending::table)
                .values((
                    bulk_load_pending::name.eq(&d.name),
                    bulk_load_pending::is_trigger.eq(*is_trigger),
                    bulk_load_pending::create_sql.eq(&d.sql),
                ))
                .execute(c)?;
            let name = d.name.replace('"', "\"\"");
            let drop = match (is_trigger, pg) {
                (false, _) => format!("DROP INDEX \"{name}\""),
                (true, true) => format!("DROP TRIGGER \"{name}\" ON products"),
                (true, false) => format!("DROP TRIGGER \"{name}\""),
            };
            c.batch_execute(&drop)?;
        }
        diesel::QueryResult::Ok(objects.len())
    })
    .map_err(|e| format!("dropping indexes for the bulk load failed: {e}"))
}

/// Builds again whatever a bulk load dropped and has not restored: each index (and its record) on its own, then
/// the facet recount and the triggers in one transaction that holds `products` against writes (PostgreSQL takes
/// a table lock first; on SQLite the transaction's first write takes the database lock), so no write between the
/// two goes uncounted. Each record is claimed by deleting it before its object is built, in the same
/// transaction: two processes resuming at once build each object once. Returns how many objects were restored;
/// nothing recorded means nothing to do.
pub fn resume(conn: &mut DbConnection) -> Result<usize, String> {
    let pending: Vec<Pending> = bulk_load_pending::table
        .order(bulk_load_pending::name)
        .load(conn)
        .map_err(|e| format!("reading bulk_load_pending failed: {e}"))?;
    if pending.is_empty() {
        return Ok(0);
    }
    tracing::info!(
        objects = pending.len(),
        "building the indexes and facet triggers a bulk load dropped"
    );
    // SQLite sorts a new index's keys in temporary storage: in memory (the pool's setting) a 31.7M-row index took
    // 70 s, in a temporary file with a helper thread 17 s.
    let temp_store = sqlite_sorting_on_disk(conn).map_err(|e| e.to_string())?;
    // Every failure is reported; the records of what failed stay for the next start.
    let mut failed: Vec<String> = pending
        .iter()
        .filter(|p| !p.is_trigger)
        .filter_map(|p| {
            crate::db::write_tx(conn, |c| {
                if claim(c, &p.name)? == 1 {
                    c.batch_execute(&p.create_sql)?;
                }
                diesel::QueryResult::Ok(())
            })
            .err()
            .map(|e| {
                format!(
                    "rebuilding {} failed: {e} (definition: {})",
                    p.name, p.create_sql
                )
            })
        })
        .collect();
    let counted = crate::db::write_tx(conn, |c| {
        if matches!(c, DbConnection::Pg(_)) {
            // Writes to products wait until the triggers exist and the recount is committed.
            c.batch_execute("LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE")?;
        }
        let mut claimed = 0;
        for p in pending.iter().filter(|p| p.is_trigger) {
            if claim(c, &p.name)? == 1 {
                c.batch_execute(&p.create_sql)?;
                claimed += 1;
            }
        }
        if claimed > 0 {
            crate::catalogue::facet_counts::rebuild(c)?;
        }
        diesel::QueryResult::Ok(())
    });
    if let Err(e) = counted {
        failed.push(format!(
            "recounting facets and recreating their triggers failed: {e}"
        ));
    }
    if let (Some((mode, threads)), DbConnection::Sqlite(c)) = (temp_store, &mut *conn) {
        if let Err(e) = c.batch_execute(&format!(
            "PRAGMA temp_store = {mode}; PRAGMA threads = {threads}"
        )) {
            failed.push(format!("restoring temp_store failed: {e}"));
        }
    }
    if failed.is_empty() {
        Ok(pending.len())
    } else {
        Err(failed.join("; "))
    }
}

#[derive(QueryableByName)]
struct TempStore {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    temp_store: i32,
}

#[derive(QueryableByName)]
struct Threads {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    threads: i32,
}

/// On SQLite, switches index sorting to temporary files and a helper thread; returns the settings to restore.
fn sqlite_sorting_on_disk(conn: &mut DbConnection) -> QueryResult<Option<(i32, i32)>> {
    let DbConnection::Sqlite(c) = conn else {
        return Ok(None);
    };
    let store = diesel::sql_query("PRAGMA temp_store").get_result::<TempStore>(c)?;
    let threads = diesel::sql_query("PRAGMA threads").get_result::<Threads>(c)?;
    c.batch_execute("PRAGMA temp_store = FILE; PRAGMA threads = 2")?;
    Ok(Some((store.temp_store, threads.threads)))
}

/// Runs `load` between [`begin`] and [`resume`]. The objects are restored even when `load` fails; the load's own
/// error comes first.
pub fn without_indexes<T>(
    conn: &mut DbConnection,
    load: impl FnOnce(&mut DbConnection) -> Result<T, String>,
) -> Result<T, String> {
    let t0 = std::time::Instant::now();
    begin(conn)?;
    let result = load(conn);
    let t1 = std::time::Instant::now();
    let restored = resume(conn);
    tracing::info!(
        load_secs = (t1 - t0).as_secs_f32(),
        rebuild_secs = t1.elapsed().as_secs_f32(),
        "bulk load: rows, then indexes, facet counts and triggers"
    );
    match (result, restored) {
        (Err(e), _) => Err(e),
        (Ok(_), Err(e)) => Err(e),
        (Ok(v), Ok(_)) => Ok(v),
    }
}
