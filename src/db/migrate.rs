use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::DbConnection;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Applies every pending migration of the connection's backend; returns how many ran.
pub fn run_migrations(conn: &mut DbConnection) -> Result<usize, MigrationError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE)?.len(),
        DbConnection::Pg(c) => c.run_pending_migrations(POSTGRES)?.len(),
    };
    Ok(applied)
}

/// Reverts every applied migration (used by the round-trip test and `caravan migrate --reset`).
pub fn revert_all_migrations(conn: &mut DbConnection) -> Result<usize, MigrationError> {
    let reverted = match conn {
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE)?.len(),
        DbConnection::Pg(c) => c.revert_all_migrations(POSTGRES)?.len(),
    };
    Ok(reverted)
}

/// Reverts the newest applied migration (the tests of a data-changing migration go back one step and forward
/// again over data written by the current code).
pub fn revert_last_migration(conn: &mut DbConnection) -> Result<String, MigrationError> {
    let reverted = match conn {
        DbConnection::Sqlite(c) => c.revert_last_migration(SQLITE)?,
        DbConnection::Pg(c) => c.revert_last_migration(POSTGRES)?,
    };
    Ok(reverted.to_string())
}
