use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::{Connection, PgConnection, SqliteConnection};

use super::{DatabaseUrl, DbConnection};

pub type DbPool = r2d2::Pool<DbManager>;
pub type PooledConn = r2d2::PooledConnection<DbManager>;

/// Per-connection setup for SQLite: busy timeout first (before WAL), then WAL, foreign keys and a sane sync level.
const SQLITE_SETUP: &str = "PRAGMA busy_timeout = 10000;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -16000;
PRAGMA temp_store = MEMORY;";

/// Builds the right [`DbConnection`] variant for the URL, never guessing by trial.
#[derive(Debug)]
pub struct DbManager {
    url: DatabaseUrl,
}

impl ManageConnection for DbManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn =
                    SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_SETUP)
                    .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let conn = PgConnection::establish(&with_connect_timeout(url))
                    .map_err(r2d2::Error::ConnectionError)?;
                Ok(DbConnection::Pg(conn))
            }
        }
    }

    /// Run on every checkout. A PostgreSQL connection can die while it sits in the pool (a failover, a restart,
    /// `pg_terminate_backend`, an idle-timeout proxy): one round trip proves it alive, and a dead one is dropped
    /// and replaced before any request sees it. A SQLite connection is a file handle that an outage cannot
    /// break, so it is not queried.
    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        match conn {
            DbConnection::Sqlite(_) => Ok(()),
            DbConnection::Pg(c) => R2D2Connection::ping(c).map_err(r2d2::Error::QueryError),
        }
    }

    /// Run when a connection goes back to the pool: one left in a broken transaction (a commit or rollback
    /// that failed, usually because the server went away) is closed instead of being handed out again.
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || crate::on_backend!(conn, |c| R2D2Connection::is_broken(c))
    }
}

/// Seconds libpq waits for a PostgreSQL server to accept a connection, unless the URL sets its own.
const PG_CONNECT_TIMEOUT_SECS: u32 = 5;

/// The PostgreSQL URL with `connect_timeout` added when it has none, so an unreachable host (a dropped packet,
/// not a refused port) fails a connection attempt in seconds rather than hanging a pool thread.
pub fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout=") {
        return url.to_string();
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}connect_timeout={PG_CONNECT_TIMEOUT_SECS}")
}

/// How long a request waits for a connection before it gets a 503 (the pool keeps trying to reconnect, with
/// r2d2's backoff, meanwhile).
pub const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(3);

/// A pool sized for the machine: SQLite gets one connection per worker plus a few; PostgreSQL the configured size.
/// Connections are checked on checkout (see [`DbManager::is_valid`]), so the pool heals after a database outage.
pub fn build_pool(url: &DatabaseUrl, size: u32) -> Result<DbPool, r2d2::PoolError> {
    if let DatabaseUrl::Sqlite(path) = url {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                let _ = std::fs::create_dir_all(parent);
            }
        }
    }
    r2d2::Pool::builder()
        .max_size(size.max(1))
        .min_idle(Some(1))
        .connection_timeout(CHECKOUT_TIMEOUT)
        .test_on_check_out(true)
        .build(DbManager { url: url.clone() })
}

/// Runs `job` with a pooled connection every `period` on a thread named `name`, for the life of the process (the
/// background flushes of counts kept in memory); a failure is logged as `what` and the job runs again next time.
pub fn every<J, E>(
    name: &str,
    period: std::time::Duration,
    pool: DbPool,
    what: &'static str,
    job: J,
) -> std::io::Result<()>
where
    J: Fn(&mut super::DbConnection) -> Result<usize, E> + Send + 'static,
    E: std::fmt::Display,
{
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || loop {
            std::thread::sleep(period);
            let done = pool
                .get()
                .map_err(|e| e.to_string())
                .and_then(|mut c| job(&mut c).map_err(|e| e.to_string()));
            if let Err(error) = done {
                tracing::warn!(%error, "{what}");
            }
        })
        .map(|_| ())
}
