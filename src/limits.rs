//! Abuse limits kept in the database (sign-in, sign-up, password resets, coupon codes), so every instance behind
//! a load balancer shares them.

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::auth_attempts;
use crate::db::DbConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Failures for one account from everyone (a high cap against guessing from many addresses).
    SignInAccount,
    /// Failures for one account from one client: the limit a guesser meets first, which leaves the owner, signing
    /// in from elsewhere, unaffected.
    SignInAccountClient,
    SignInIp,
    SignUpIp,
    /// Password-reset links mailed to one address.
    ResetAccount,
    /// Password-reset requests from one client.
    ResetIp,
    /// Verification links one account asked for again.
    VerifyAccount,
    /// Address changes one account tried.
    EmailChange,
    /// Coupon codes one client entered in a cart.
    CouponIp,
    /// Reviews one account reported.
    ReviewReport,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::SignInAccount => "signin-account",
            Scope::SignInAccountClient => "signin-account-client",
            Scope::SignInIp => "signin-ip",
            Scope::SignUpIp => "signup-ip",
            Scope::ResetAccount => "reset-account",
            Scope::ResetIp => "reset-ip",
            Scope::VerifyAccount => "verify-account",
            Scope::EmailChange => "email-change",
            Scope::CouponIp => "coupon-ip",
            Scope::ReviewReport => "review-report",
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

/// Seconds until the oldest attempt recorded for `key` since `since` leaves the window (at least 1): when the
/// count drops under its limit again, for a `Retry-After` header.
pub fn retry_after(
    conn: &mut DbConnection,
    scope: Scope,
    key: &str,
    since: PrimitiveDateTime,
    window_secs: i64,
    now: PrimitiveDateTime,
) -> QueryResult<i64> {
    let oldest: Option<PrimitiveDateTime> = auth_attempts::table
        .filter(auth_attempts::scope.eq(scope.as_str()))
        .filter(auth_attempts::key.eq(key))
        .filter(auth_attempts::created_at.gt(since))
        .select(diesel::dsl::min(auth_attempts::created_at))
        .first(conn)?;
    let free_at = oldest.map_or(now, |t| t + time::Duration::seconds(window_secs));
    Ok((free_at - now).whole_seconds().max(1))
}

/// Whether `key` may make one more attempt of `scope` now (`Ok(())`, and the attempt is recorded): at most `max`
/// in `window_secs`; otherwise `Err(seconds to wait)`.
pub fn allow(
    conn: &mut DbConnection,
    (scope, key): (Scope, &str),
    max: i64,
    window_secs: i64,
    now: PrimitiveDateTime,
) -> QueryResult<Result<(), i64>> {
    let since = now - time::Duration::seconds(window_secs);
    if recent(conn, scope, key, since)? >= max {
        return retry_after(conn, scope, key, since, window_secs, now).map(Err);
    }
    record(conn, scope, key, now).map(|_| Ok(()))
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
