//! The only place that knows session keys: market choice and the CSRF token.

use actix_session::Session;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::geo::CountryCode;
use crate::money::Currency;

/// The session cookie's name.
pub const COOKIE: &str = "caravan_session";

const MARKET: &str = "market";
const CSRF: &str = "csrf";
const AUTH: &str = "auth";
const FLASH: &str = "flash";
const CART: &str = "cart";
const CART_COUNT: &str = "cart_n";

/// A shopper's market: where goods ship and which currency prices show in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Market {
    pub ship_to: CountryCode,
    pub currency: Currency,
}

/// Typed access to the session.
pub struct SessionData<'a>(pub &'a Session);

impl SessionData<'_> {
    pub fn market(&self) -> Option<Market> {
        self.0.get::<Market>(MARKET).ok().flatten()
    }

    pub fn set_market(&self, market: Market) {
        if let Err(e) = self.0.insert(MARKET, market) {
            tracing::warn!(error = %e, "cannot store market in session");
        }
    }

    /// The session's CSRF token, created on first use (32 random bytes, base64url).
    pub fn csrf_token(&self) -> String {
        if let Ok(Some(token)) = self.0.get::<String>(CSRF) {
            return token;
        }
        let mut bytes = [0u8; 32];
        if getrandom::fill(&mut bytes).is_err() {
            return String::new();
        }
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        if let Err(e) = self.0.insert(CSRF, &token) {
            tracing::warn!(error = %e, "cannot store csrf token in session");
        }
        token
    }

    /// The id of the signed-in session record, if this session signed in.
    pub fn auth_session_id(&self) -> Option<String> {
        self.0.get::<String>(AUTH).ok().flatten()
    }

    /// After sign-in: a brand-new session (new id, new CSRF token) that carries only the sign-in and the market.
    pub fn start_signed_in(&self, auth_session_id: &str) {
        let market = self.market();
        self.0.renew();
        self.0.clear();
        if let Some(m) = market {
            self.set_market(m);
        }
        if let Err(e) = self.0.insert(AUTH, auth_session_id) {
            tracing::warn!(error = %e, "cannot store sign-in in session");
        }
    }

    /// The guest cart's token, if this session has one.
    pub fn cart_token(&self) -> Option<String> {
        self.0.get::<String>(CART).ok().flatten()
    }

    /// The guest cart's token, created on first use (24 random bytes, base64url).
    pub fn ensure_cart_token(&self) -> String {
        if let Some(t) = self.cart_token() {
            return t;
        }
        let mut bytes = [0u8; 24];
        if getrandom::fill(&mut bytes).is_err() {
            return String::new();
        }
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        if let Err(e) = self.0.insert(CART, &token) {
            tracing::warn!(error = %e, "cannot store cart token in session");
        }
        token
    }

    /// Units in the cart as last counted (shown in the header without a query per page).
    pub fn cart_count(&self) -> i64 {
        self.0.get::<i64>(CART_COUNT).ok().flatten().unwrap_or(0)
    }

    pub fn set_cart_count(&self, n: i64) {
        let _ = self.0.insert(CART_COUNT, n);
    }

    /// A one-time notice (a Fluent id) shown on the next page.
    pub fn set_flash(&self, message_id: &str) {
        let _ = self.0.insert(FLASH, message_id);
    }

    /// The notice, removed; a session without one is left untouched (removing marks a session changed, which
    /// would send a cookie to every visitor).
    pub fn take_flash(&self) -> Option<String> {
        self.0.get::<String>(FLASH).ok().flatten()?;
        self.0.remove_as::<String>(FLASH).and_then(Result::ok)
    }

    pub fn clear_auth(&self) {
        self.0.remove(AUTH);
    }

    /// Sign-out: the whole session is dropped and its cookie removed.
    pub fn purge(&self) {
        self.0.purge();
    }

    /// Constant-time check of a submitted token against the session's.
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        match self.0.get::<String>(CSRF) {
            Ok(Some(expected)) if !expected.is_empty() => {
                constant_time_eq::constant_time_eq(expected.as_bytes(), submitted.as_bytes())
            }
            _ => false,
        }
    }
}
