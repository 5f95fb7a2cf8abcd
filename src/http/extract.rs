//! Request extractors: the URL's language.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};

use crate::error::AppError;
use crate::i18n::{negotiate, Locale};

pub const LANG_COOKIE: &str = "caravan_lang";

/// The locale of a `/{lang}/…` URL. An unsupported prefix never reaches a handler (the scope guard rejects it).
#[derive(Clone, Copy, Debug)]
pub struct Lang(pub Locale);

impl FromRequest for Lang {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.match_info()
                .get("lang")
                .and_then(Locale::parse)
                .map(Lang)
                .ok_or_else(AppError::not_found),
        )
    }
}

/// The first path segment as a supported locale, if it is one.
pub fn path_locale(path: &str) -> Option<Locale> {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Locale::parse)
}

/// The locale for a request outside `/{lang}/` (root redirect, error pages): saved choice, then
/// `Accept-Language`, then English.
pub fn preferred_locale(req: &HttpRequest) -> Locale {
    if let Some(saved) = req
        .cookie(LANG_COOKIE)
        .and_then(|c| Locale::parse(c.value()))
    {
        return saved;
    }
    let header = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    negotiate(header)
}

/// The client's address, the key of per-client abuse limits ("unknown" when the connection has none).
pub fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
