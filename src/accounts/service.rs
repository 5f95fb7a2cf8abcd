//! Account rules: validation, registration, sign-in with limits, profile and password changes.

use base64::Engine as _;
use time::PrimitiveDateTime;

use crate::config::AuthLimits;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::forms::{normalize, parse_email, FormErrors};
use crate::i18n::Locale;
use crate::identity::model::{NewUser, Role, UserRow};
use crate::identity::password::{is_common, Passwords};
use crate::identity::repo;
use crate::limits::{self, Scope};

/// How long a signed-in session lasts.
pub const SESSION_DAYS: i64 = 30;

pub struct Registration {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub locale: String,
}

pub(crate) fn check_new_password(
    errors: &mut FormErrors,
    field: &'static str,
    password: &str,
    min: usize,
) {
    let n = password.chars().count();
    if n == 0 {
        errors.add(field, "form-required");
    } else if n < min {
        errors.add(field, "account-password-too-short");
    } else if n > 256 {
        errors.add(field, "form-too-long");
    } else if is_common(password) {
        errors.add(field, "account-password-common");
    }
}

/// Creates a shopper account, or says per field what is wrong.
pub fn register(
    conn: &mut DbConnection,
    pw: &Passwords,
    input: &Registration,
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, FormErrors>> {
    let mut errors = FormErrors::default();
    let email = parse_email(&input.email);
    if input.email.trim().is_empty() {
        errors.add("email", "form-required");
    } else if email.is_none() {
        errors.add("email", "account-email-invalid");
    }
    let name = normalize(&input.display_name);
    errors.check_visible("display_name", &name, 80);
    check_new_password(&mut errors, "password", &input.password, pw.min_length);
    let locale = Locale::parse(&input.locale);
    if locale.is_none() {
        errors.add("locale", "form-invalid-choice");
    }
    if let Some((_, norm)) = &email {
        if repo::by_email_norm(conn, norm)?.is_some() {
            errors.add("email", "account-email-taken");
        }
    }
    let (Some((email, norm)), Some(locale), true) = (email, locale, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let hash = pw.hash(&input.password).map_err(AppError::internal)?;
    let id = repo::insert(
        conn,
        &NewUser {
            email: email.clone(),
            email_norm: norm.clone(),
            display_name: name,
            password_hash: hash,
            role: Role::Shopper.as_str().to_string(),
            locale: locale.code().to_string(),
            created_at: now,
            updated_at: now,
            email_verified_at: None,
        },
    );
    match id {
        Ok(id) => {
            // The new address is proved by a link mailed to it.
            super::verification::start(conn, id, (&email, &norm), now)?;
            Ok(Ok(id))
        }
        // A concurrent registration of the same email lost the race on the unique index.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {
            errors.add("email", "account-email-taken");
            Ok(Err(errors))
        }
        Err(e) => Err(e.into()),
    }
}

pub enum SignIn {
    Ok(Box<UserRow>),
    Invalid,
    /// Too many failures: try again after this many seconds.
    Throttled(i64),
}

/// How many times the per-client limit one account may fail from all clients together in a window: a guesser
/// spread over many addresses still meets a limit, while one guesser cannot lock the owner out.
const ACCOUNT_WIDE_FACTOR: i64 = 10;

/// The first limit that `client` has reached for `account` (scope and key), if any.
fn reached_limit(
    conn: &mut DbConnection,
    lim: &AuthLimits,
    account: &str,
    client: &str,
    since: PrimitiveDateTime,
) -> diesel::QueryResult<Option<(Scope, String)>> {
    let checks = [
        (
            Scope::SignInAccountClient,
            format!("{account}|{client}"),
            lim.signin_failures_per_account,
        ),
        (
            Scope::SignInIp,
            client.to_string(),
            lim.signin_failures_per_ip,
        ),
        (
            Scope::SignInAccount,
            account.to_string(),
            lim.signin_failures_per_account
                .saturating_mul(ACCOUNT_WIDE_FACTOR),
        ),
    ];
    for (scope, key, max) in checks {
        if limits::recent(conn, scope, &key, since)? >= max {
            return Ok(Some((scope, key)));
        }
    }
    Ok(None)
}

/// Checks credentials under the limits: failures per account and client, per client, and (higher) per account
/// from everyone. Unknown emails cost the same time as wrong passwords and get the same answer.
pub fn sign_in(
    conn: &mut DbConnection,
    pw: &Passwords,
    lim: &AuthLimits,
    email: &str,
    password: &str,
    ip: &str,
    now: PrimitiveDateTime,
) -> AppResult<SignIn> {
    let since = now - time::Duration::seconds(lim.window_secs);
    let norm = parse_email(email)
        .map(|(_, n)| n)
        .unwrap_or_else(|| normalize(email).to_lowercase());
    if let Some((scope, key)) = reached_limit(conn, lim, &norm, ip, since)? {
        let wait = limits::retry_after(conn, scope, &key, since, lim.window_secs, now)?;
        return Ok(SignIn::Throttled(wait));
    }
    let user = repo::by_email_norm(conn, &norm)?;
    let ok = match &user {
        Some(u) => pw.verify(password, &u.password_hash),
        None => {
            pw.verify_dummy(password);
            false
        }
    };
    match user {
        Some(u) if ok => {
            limits::clear(conn, Scope::SignInAccountClient, &format!("{norm}|{ip}"))?;
            Ok(SignIn::Ok(Box::new(u)))
        }
        _ => {
            limits::record(
                conn,
                Scope::SignInAccountClient,
                &format!("{norm}|{ip}"),
                now,
            )?;
            limits::record(conn, Scope::SignInAccount, &norm, now)?;
            limits::record(conn, Scope::SignInIp, ip, now)?;
            if fastrand::u8(..) == 0 {
                limits::prune(conn, since)?;
            }
            Ok(SignIn::Invalid)
        }
    }
}

/// Whether this IP may register now (`Ok(())`, and the attempt is recorded) or must wait so many seconds.
pub fn allow_sign_up(
    conn: &mut DbConnection,
    lim: &AuthLimits,
    ip: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), i64>> {
    let since = now - time::Duration::seconds(lim.window_secs);
    if limits::recent(conn, Scope::SignUpIp, ip, since)? >= lim.signups_per_ip {
        let wait = limits::retry_after(conn, Scope::SignUpIp, ip, since, lim.window_secs, now)?;
        return Ok(Err(wait));
    }
    limits::record(conn, Scope::SignUpIp, ip, now)?;
    Ok(Ok(()))
}

/// Starts a server-side session record; the id goes into the (renewed) session cookie.
pub fn start_session(
    conn: &mut DbConnection,
    user_id: i64,
    now: PrimitiveDateTime,
) -> AppResult<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal(format!("randomness: {e}")))?;
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    repo::insert_session(
        conn,
        &id,
        user_id,
        now,
        now + time::Duration::days(SESSION_DAYS),
    )?;
    Ok(id)
}

/// Saves the display name, language and (for staff, `Some`) the zone times are shown in.
pub fn update_profile(
    conn: &mut DbConnection,
    user_id: i64,
    display_name: &str,
    locale: &str,
    time_zone: Option<&str>,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let name = normalize(display_name);
    errors.check_visible("display_name", &name, 80);
    let locale = Locale::parse(locale);
    if locale.is_none() {
        errors.add("locale", "form-invalid-choice");
    }
    if time_zone.is_some_and(|z| !crate::zones::CHOICES.contains(&z)) {
        errors.add("time_zone", "form-invalid-choice");
    }
    let (Some(locale), true) = (locale, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    repo::update_profile(conn, user_id, &name, locale.code(), time_zone, now)?;
    Ok(Ok(()))
}

/// Changes the password after checking the current one; signs out every other session.
pub fn change_password(
    conn: &mut DbConnection,
    pw: &Passwords,
    user_id: i64,
    session_id: &str,
    current: &str,
    new: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    let user = repo::by_id(conn, user_id)?.ok_or_else(AppError::not_found)?;
    let mut errors = FormErrors::default();
    if !pw.verify(current, &user.password_hash) {
        errors.add("current_password", "account-password-wrong");
    }
    check_new_password(&mut errors, "new_password", new, pw.min_length);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = pw.hash(new).map_err(AppError::internal)?;
    crate::db::write_tx(conn, |c| {
        repo::update_password(c, user_id, &hash, now)?;
        repo::delete_other_sessions(c, user_id, session_id)?;
        super::verification::spend_pending(c, user_id, now)?;
        crate::mail::outbox::enqueue(c, user_id, "password-changed", "", now)
    })?;
    Ok(Ok(()))
}

/// An account created from the command line or the demo seed.
pub struct AccountSpec<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub locale: Locale,
    pub password: &'a str,
}

/// Creates or updates an account from the command line or the demo seed (role and password set as given).
pub fn upsert_user(
    conn: &mut DbConnection,
    pw: &Passwords,
    spec: &AccountSpec<'_>,
    now: PrimitiveDateTime,
) -> Result<i64, String> {
    let (email, norm) = parse_email(spec.email)
        .ok_or_else(|| format!("`{}` is not an email address", spec.email))?;
    let n = spec.password.chars().count();
    if n < pw.min_length || is_common(spec.password) {
        return Err(format!(
            "the password must have at least {} characters and not be a common one",
            pw.min_length
        ));
    }
    let hash = pw.hash(spec.password)?;
    match repo::by_email_norm(conn, &norm).map_err(|e| e.to_string())? {
        Some(u) => {
            repo::update_password(conn, u.id, &hash, now).map_err(|e| e.to_string())?;
            repo::set_role(conn, u.id, spec.role.as_str()).map_err(|e| e.to_string())?;
            Ok(u.id)
        }
        None => repo::insert(
            conn,
            &NewUser {
                email,
                email_norm: norm,
                display_name: normalize(spec.display_name),
                password_hash: hash,
                role: spec.role.as_str().to_string(),
                locale: spec.locale.code().to_string(),
                created_at: now,
                updated_at: now,
                // Accounts an operator creates (command line, demo seed) count as verified.
                email_verified_at: Some(now),
            },
        )
        .map_err(|e| e.to_string()),
    }
}

/// Sets a new password for an existing account (recovery from the command line).
pub fn set_password(
    conn: &mut DbConnection,
    pw: &Passwords,
    email: &str,
    password: &str,
    now: PrimitiveDateTime,
) -> Result<(), String> {
    let (_, norm) =
        parse_email(email).ok_or_else(|| format!("`{email}` is not an email address"))?;
    let user = repo::by_email_norm(conn, &norm)
        .map_err(|e| e.to_string())?
        .ok_or("no account with that email")?;
    if password.chars().count() < pw.min_length || is_common(password) {
        return Err(format!(
            "the password must have at least {} characters and not be a common one",
            pw.min_length
        ));
    }
    let hash = pw.hash(password)?;
    repo::update_password(conn, user.id, &hash, now).map_err(|e| e.to_string())?;
    repo::delete_other_sessions(conn, user.id, "").map_err(|e| e.to_string())?;
    Ok(())
}
