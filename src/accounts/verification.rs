//! Email address verification. A new account's address, and a new address an owner changes to, count once a link
//! mailed to that address is followed: a single-use token kept as its SHA-256 hash, valid two days. Until then
//! the account browses and shops with a reminder, and cannot apply for a shop; a changed address replaces the
//! old one only when verified. Resending is limited to three links an hour.

use diesel::prelude::*;
use sha2::{Digest, Sha256};
use time::{Duration, PrimitiveDateTime};

use crate::db::schema::{email_verifications, users};
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult};
use crate::http::forms::{parse_email, FormErrors};
use crate::identity::password::Passwords;
use crate::identity::repo;
use crate::limits::{self, Scope};

/// How long a verification link works.
pub const VALID: Duration = Duration::days(2);
/// Links one account may ask for an hour.
const PER_HOUR: i64 = 3;
/// Address changes one account may try an hour.
const CHANGES_PER_HOUR: i64 = 5;

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Records a verification of `email` for the account and queues the email carrying its link (inside the caller's
/// transaction or on its own).
pub fn start(
    conn: &mut DbConnection,
    user: i64,
    (email, norm): (&str, &str),
    now: PrimitiveDateTime,
) -> AppResult<()> {
    let mut raw = [0u8; 32];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    let token = hex::encode(raw);
    let payload = serde_json::json!({ "token": token, "email": email }).to_string();
    write_tx(conn, |c| {
        diesel::insert_into(email_verifications::table)
            .values((
                email_verifications::user_id.eq(user),
                email_verifications::email.eq(email),
                email_verifications::email_norm.eq(norm),
                email_verifications::token_hash.eq(hash(&token)),
                email_verifications::created_at.eq(now),
                email_verifications::expires_at.eq(now + VALID),
            ))
            .execute(c)?;
        crate::mail::outbox::enqueue(c, user, "verify-email", &payload, now)
    })?;
    Ok(())
}

/// Sends the account's address a new link, unless three were sent this hour; whether one was.
pub fn resend(conn: &mut DbConnection, user: i64, now: PrimitiveDateTime) -> AppResult<bool> {
    let key = user.to_string();
    if limits::recent(conn, Scope::VerifyAccount, &key, now - Duration::hours(1))? >= PER_HOUR {
        return Ok(false);
    }
    let Some(u) = repo::by_id(conn, user)? else {
        return Ok(false);
    };
    if u.email_verified_at.is_some() {
        return Ok(false);
    }
    limits::record(conn, Scope::VerifyAccount, &key, now)?;
    start(conn, user, (&u.email, &u.email_norm), now)?;
    Ok(true)
}

/// Why a link did not verify anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotVerified {
    /// Unknown, used or expired.
    Invalid,
    /// The address was taken by another account meanwhile.
    Taken,
}

/// Follows a verification link: the address becomes the account's, verified (in one transaction).
pub fn confirm(
    conn: &mut DbConnection,
    token: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, NotVerified>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Err(NotVerified::Invalid));
    }
    write_tx(conn, |c| {
        let Some((user, email, norm)) = email_verifications::table
            .filter(email_verifications::token_hash.eq(hash(token)))
            .filter(email_verifications::used_at.is_null())
            .filter(email_verifications::expires_at.gt(now))
            .select((
                email_verifications::user_id,
                email_verifications::email,
                email_verifications::email_norm,
            ))
            .first::<(i64, String, String)>(c)
            .optional()?
        else {
            return Ok(Err(NotVerified::Invalid));
        };
        if repo::by_email_norm(c, &norm)?.is_some_and(|other| other.id != user) {
            return Ok(Err(NotVerified::Taken));
        }
        // This link and every other pending one of the account are spent: an older link (the sign-up's, an
        // earlier change) can never put back another address.
        spend_pending(c, user, now)?;
        let before = repo::by_id(c, user)?.map(|u| u.email).unwrap_or_default();
        diesel::update(users::table.find(user))
            .set((
                users::email.eq(&email),
                users::email_norm.eq(&norm),
                users::email_verified_at.eq(Some(now)),
                users::updated_at.eq(now),
            ))
            .execute(c)?;
        if !before.is_empty() && before != email {
            // The old address hears of the change, in case it was not its owner's doing.
            let facts = serde_json::json!({ "email": before, "new": email }).to_string();
            crate::mail::outbox::enqueue(c, user, "email-changed", &facts, now)?;
        }
        Ok(Ok(user))
    })
}

/// Spends every pending verification link of the account (a confirmed address, a new password).
pub fn spend_pending(
    conn: &mut DbConnection,
    user: i64,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        email_verifications::table
            .filter(email_verifications::user_id.eq(user))
            .filter(email_verifications::used_at.is_null()),
    )
    .set(email_verifications::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}

/// Asks to change the account's address: the password is checked, the new address must be free, and a link is
/// mailed to it; the old address stays until the link is followed.
pub fn change_email(
    conn: &mut DbConnection,
    pw: &Passwords,
    user: i64,
    (new_email, password): (&str, &str),
    now: PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    let u = repo::by_id(conn, user)?.ok_or_else(AppError::not_found)?;
    let mut errors = FormErrors::default();
    let key = user.to_string();
    if limits::recent(conn, Scope::EmailChange, &key, now - Duration::hours(1))? >= CHANGES_PER_HOUR
    {
        errors.add("new_email", "account-email-too-many");
        return Ok(Err(errors));
    }
    // Every attempt counts, a wrong password too: the limit also stops guessing it from a stolen session.
    limits::record(conn, Scope::EmailChange, &key, now)?;
    let parsed = parse_email(new_email);
    match &parsed {
        None => errors.add("new_email", "account-email-invalid"),
        Some((_, norm)) if *norm == u.email_norm => errors.add("new_email", "account-email-same"),
        Some((_, norm)) if repo::by_email_norm(conn, norm)?.is_some() => {
            errors.add("new_email", "account-email-in-use")
        }
        Some(_) => {}
    }
    if !pw.verify(password, &u.password_hash) {
        errors.add("email_password", "account-password-wrong");
    }
    match parsed {
        Some((email, norm)) if errors.is_empty() => {
            start(conn, user, (&email, &norm), now)?;
            Ok(Ok(()))
        }
        _ => Ok(Err(errors)),
    }
}
