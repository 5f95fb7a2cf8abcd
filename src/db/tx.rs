//! Write transactions that never fail with "database is locked".
//!
//! SQLite starts an ordinary (deferred) transaction as a reader and upgrades it at its first write; in WAL mode
//! that upgrade is refused at once with `SQLITE_BUSY` when another connection wrote since the transaction's
//! snapshot, and the busy timeout does not apply. A transaction that may write must therefore start with
//! `BEGIN IMMEDIATE`, which takes the write lock up front and waits for it under `busy_timeout`. PostgreSQL
//! needs nothing of the kind: it gets an ordinary transaction.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::result::Error;
use diesel::Connection;

use super::DbConnection;

/// Runs `f` in a transaction that may write: `BEGIN IMMEDIATE` on SQLite, `BEGIN` on PostgreSQL. Inside an
/// outer transaction it is a savepoint, as [`Connection::transaction`] would be. Commits when `f` returns
/// `Ok`, rolls back when it returns `Err`.
pub fn write_tx<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<Error>,
{
    let outermost_sqlite = match conn {
        DbConnection::Pg(_) => false,
        DbConnection::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c)
            .transaction_depth()?
            .is_none(),
    };
    if !outermost_sqlite {
        return conn.transaction(f);
    }
    if let DbConnection::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let result = f(conn);
    let DbConnection::Sqlite(c) = conn else {
        return result;
    };
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(c)?;
            Ok(value)
        }
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(c)?;
            Err(e)
        }
    }
}
