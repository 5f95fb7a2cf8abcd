//! Coming in: a sign-in or a sign-up that, when it succeeds, starts a signed-in session and takes the visitor's
//! cart along; otherwise the form's errors, with how long to wait when too many attempts came from here.

use std::sync::Arc;

use time::PrimitiveDateTime;

use super::service::{self, Registration, SignIn};
use crate::config::AuthLimits;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::http::forms::FormErrors;
use crate::identity::password::Passwords;

/// What a sign-in or sign-up needs besides the form.
pub struct Gate {
    pub passwords: Arc<Passwords>,
    pub limits: AuthLimits,
    pub ip: String,
    /// The visitor's cart before signing in, if any.
    pub guest_cart: Option<String>,
    /// The visitor's wishlist before signing in.
    pub guest_wishlist: Vec<crate::wishlist::service::Entry>,
    pub now: PrimitiveDateTime,
}

pub enum Entered {
    /// The new signed-in session's id and the items now in the account's cart.
    SignedIn { session: String, cart_count: i64 },
    /// The form's errors; `wait` (seconds) when this client made too many attempts.
    Refused {
        errors: FormErrors,
        wait: Option<i64>,
    },
}

fn start(c: &mut DbConnection, g: &Gate, user_id: i64) -> AppResult<Entered> {
    let session = service::start_session(c, user_id, g.now)?;
    let cart_count = crate::orders::cart::adopt(c, g.guest_cart.as_deref(), user_id, g.now)?;
    crate::wishlist::service::adopt(c, user_id, &g.guest_wishlist, g.now)?;
    Ok(Entered::SignedIn {
        session,
        cart_count,
    })
}

fn refused(field_message: &'static str, wait: Option<i64>) -> Entered {
    let mut errors = FormErrors::default();
    errors.add("email", field_message);
    Entered::Refused { errors, wait }
}

pub fn sign_in(c: &mut DbConnection, g: &Gate, email: &str, password: &str) -> AppResult<Entered> {
    match service::sign_in(c, &g.passwords, &g.limits, email, password, &g.ip, g.now)? {
        SignIn::Ok(user) => start(c, g, user.id),
        SignIn::Throttled(wait) => Ok(refused("account-sign-in-throttled", Some(wait))),
        SignIn::Invalid => Ok(refused("account-sign-in-invalid", None)),
    }
}

pub fn sign_up(c: &mut DbConnection, g: &Gate, input: &Registration) -> AppResult<Entered> {
    if let Err(wait) = service::allow_sign_up(c, &g.limits, &g.ip, g.now)? {
        return Ok(refused("account-sign-up-throttled", Some(wait)));
    }
    match service::register(c, &g.passwords, input, g.now)? {
        Ok(id) => start(c, g, id),
        Err(errors) => Ok(Entered::Refused { errors, wait: None }),
    }
}
