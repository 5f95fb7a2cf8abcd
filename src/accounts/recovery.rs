//! Password reset by email. Asking always gets the same answer, whether or not the address has an account (no
//! enumeration); for an account, a single-use token is made, kept only as its SHA-256 hash, valid for one hour,
//! and mailed as a link. At most three links per address and ten requests per client an hour. Using a link sets
//! the new password, spends every link of the account and signs it out everywhere.

use diesel::prelude::*;
use sha2::{Digest, Sha256};
use time::{Duration, PrimitiveDateTime};

use crate::db::schema::{password_resets, users};
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult};
use crate::http::forms::{parse_email, FormErrors};
use crate::identity::password::Passwords;
use crate::identity::repo;
use crate::limits::{self, Scope};

/// How long a reset link works.
pub const VALID: Duration = Duration::hours(1);
/// The window of the request limits.
const WINDOW: Duration = Duration::hours(1);
/// Links mailed to one address per window.
const PER_ADDRESS: i64 = 3;
/// Requests from one client per window.
const PER_CLIENT: i64 = 10;

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> AppResult<String> {
    let mut raw = [0u8; 32];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(hex::encode(raw))
}

/// What asking for a link did (the page says the same for every outcome but `Limited`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Handled: a link was mailed if the address has an account and its limit allows.
    Answered,
    /// Too many requests from this client: try again later.
    Limited,
}

/// Handles a request for a reset link.
pub fn request(
    conn: &mut DbConnection,
    email: &str,
    client: &str,
    now: PrimitiveDateTime,
) -> AppResult<Asked> {
    let since = now - WINDOW;
    if limits::recent(conn, Scope::ResetIp, client, since)? >= PER_CLIENT {
        return Ok(Asked::Limited);
    }
    limits::record(conn, Scope::ResetIp, client, now)?;
    let Some((_, norm)) = parse_email(email) else {
        return Ok(Asked::Answered);
    };
    if limits::recent(conn, Scope::ResetAccount, &norm, since)? >= PER_ADDRESS {
        return Ok(Asked::Answered);
    }
    limits::record(conn, Scope::ResetAccount, &norm, now)?;
    let Some(user) = repo::by_email_norm(conn, &norm)? else {
        return Ok(Asked::Answered);
    };
    let token = new_token()?;
    write_tx(conn, |c| {
        diesel::insert_into(password_resets::table)
            .values((
                password_resets::user_id.eq(user.id),
                password_resets::token_hash.eq(hash(&token)),
                password_resets::created_at.eq(now),
                password_resets::expires_at.eq(now + VALID),
            ))
            .execute(c)?;
        crate::mail::outbox::enqueue(c, user.id, "password-reset", &token, now)
    })?;
    Ok(Asked::Answered)
}

/// The account a link is for, while it is unused and within its hour.
pub fn valid(
    conn: &mut DbConnection,
    token: &str,
    now: PrimitiveDateTime,
) -> QueryResult<Option<i64>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    password_resets::table
        .filter(password_resets::token_hash.eq(hash(token)))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now))
        .select(password_resets::user_id)
        .first(conn)
        .optional()
}

/// Why a reset did not happen.
#[derive(Debug)]
pub enum NotReset {
    /// The link is unknown, used or expired.
    Invalid,
    /// The new password is refused (a message per field).
    Form(FormErrors),
}

/// Sets the new password through a link: the link and every other of the account spent, every session ended, a
/// "password changed" email queued, in one transaction.
pub fn reset(
    conn: &mut DbConnection,
    pw: &Passwords,
    token: &str,
    password: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), NotReset>> {
    let Some(user) = valid(conn, token, now)? else {
        return Ok(Err(NotReset::Invalid));
    };
    let mut errors = FormErrors::default();
    super::service::check_new_password(&mut errors, "password", password, pw.min_length);
    if !errors.is_empty() {
        return Ok(Err(NotReset::Form(errors)));
    }
    let hashed = pw.hash(password).map_err(AppError::internal)?;
    write_tx(conn, |c| {
        let spent = diesel::update(
            password_resets::table
                .filter(password_resets::token_hash.eq(hash(token)))
                .filter(password_resets::used_at.is_null()),
        )
        .set(password_resets::used_at.eq(Some(now)))
        .execute(c)?;
        if spent == 0 {
            return Ok(Err(NotReset::Invalid)); // used by a request that came first
        }
        diesel::update(
            password_resets::table
                .filter(password_resets::user_id.eq(user))
                .filter(password_resets::used_at.is_null()),
        )
        .set(password_resets::used_at.eq(Some(now)))
        .execute(c)?;
        repo::update_password(c, user, &hashed, now)?;
        repo::delete_other_sessions(c, user, "")?;
        // The link proved the address; a change of address asked for before the reset is dropped.
        super::verification::spend_pending(c, user, now)?;
        diesel::update(
            users::table
                .find(user)
                .filter(users::email_verified_at.is_null()),
        )
        .set(users::email_verified_at.eq(Some(now)))
        .execute(c)?;
        crate::mail::outbox::enqueue(c, user, "password-changed", "", now)?;
        Ok(Ok(()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_kept_only_as_its_hash() {
        let t = "a".repeat(64);
        assert_eq!(hash(&t).len(), 64);
        assert_ne!(hash(&t), t);
        assert_eq!(hash(&t), hash(&t));
    }
}
