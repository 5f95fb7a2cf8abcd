//! Database access: one connection type over SQLite and PostgreSQL, a pool, and migrations.

pub mod fanout;
pub mod ids;
mod migrate;
mod pool;
pub mod schema;
pub mod stored;
mod tx;

pub use migrate::{revert_all_migrations, revert_last_migration, run_migrations};
pub use pool::{build_pool, every, with_connect_timeout, DbPool, PooledConn, CHECKOUT_TIMEOUT};
pub use tx::write_tx;

use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;

/// The connection used everywhere: the variant is picked from the URL scheme (see [`DatabaseUrl`]).
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

/// The backend type of [`DbConnection`], for boxed queries.
pub type Db = <DbConnection as diesel::Connection>::Backend;

/// Where the database lives, parsed once from `DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    /// `postgres://` and `postgresql://` select PostgreSQL; `sqlite://path`, `sqlite:path` or a bare path select SQLite.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err("DATABASE_URL is empty".into());
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self::Postgres(raw.to_string()));
        }
        if let Some(path) = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err("DATABASE_URL sqlite:// needs a file path".into());
            }
            return Ok(Self::Sqlite(path.to_string()));
        }
        if let Some((scheme, _)) = raw.split_once("://") {
            return Err(format!(
                "DATABASE_URL scheme `{scheme}` is not supported (use postgres://, sqlite:// or a file path)"
            ));
        }
        Ok(Self::Sqlite(raw.to_string()))
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, Self::Sqlite(_))
    }
}

/// Runs `$body` with `$c` bound to the concrete connection, for what `MultiConnection` cannot express
/// (batch inserts, upserts, `IMMEDIATE` transactions). Each arm is compiled for its own backend.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            $crate::db::DbConnection::Pg($c) => $body,
        }
    };
}

/// Refreshes planner statistics after bulk loads, so both backends pick the partial and covering indexes.
/// On PostgreSQL `VACUUM` also marks the freshly written pages all-visible, so listings read their ids and
/// sort keys from the index alone instead of visiting a heap row per entry.
pub fn analyze(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::SimpleConnection;
    match conn {
        DbConnection::Sqlite(c) => c.batch_execute("ANALYZE"),
        DbConnection::Pg(c) => c.batch_execute("VACUUM ANALYZE"),
    }
}
