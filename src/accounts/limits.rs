//! Abuse limits kept in the database, so every instance behind a load balancer shares them.

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::auth_attempts;
use crate::db::DbConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    SignInAccount,
    SignInIp,
    SignUpIp,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::SignInAccount => "signin-account",
            Scope::SignInIp => "signin-ip",
            Scope::SignUpIp => "signup-ip",
        }
    }
}

/// Attempts recorded for `key` since `since`.
pub fn recent(
    conn: &mut DbConnection,
    scope: Scope,
    key: &str,
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    auth_attempts::table
        .filter(auth_attempts::scope.eq(scope.as_str()))
        .filter(auth_attempts::key.eq(key))
        .filter(auth_attempts::created_at.gt(since))
        .select(count_star())
        .first(conn)
}

pub fn record(
    conn: &mut DbConnection,
    scope: Scope,
    key: &str,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(auth_attempts::table)
        .values((
            auth_attempts::scope.eq(scope.as_str()),
            auth_attempts::key.eq(key),
            auth_attempts::created_at.eq(now),
        ))
        .execute(conn)
}

pub fn clear(conn: &mut DbConnection, scope: Scope, key: &str) -> QueryResult<usize> {
    diesel::delete(
        auth_attempts::table
            .filter(auth_attempts::scope.eq(scope.as_str()))
            .filter(auth_attempts::key.eq(key)),
    )
    .execute(conn)
}

/// Drops attempts older than the window (called now and then from sign-in).
pub fn prune(conn: &mut DbConnection, before: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::delete(auth_attempts::table.filter(auth_attempts::created_at.lt(before))).execute(conn)
}
