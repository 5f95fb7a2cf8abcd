//! Cross-cutting middleware: security headers, `HEAD` on every `GET` route, media cache lifetimes and
//! remembering the shopper's language.

use actix_web::body::MessageBody;
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, Next};

use crate::http::extract::{path_locale, LANG_COOKIE};

/// Strict security headers on every response (a page may set its own, stricter or naming a third party's
/// origins: see [`crate::http::csp`]). Scripts only from our origin; no inline script.
pub fn security_headers(https: bool) -> DefaultHeaders {
    let mut h = DefaultHeaders::new()
        .add(("Content-Security-Policy", crate::http::csp::DEFAULT))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ))
        .add(("Cross-Origin-Opener-Policy", "same-origin"));
    if https {
        h = h.add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ));
    }
    h
}

/// Answers `HEAD` wherever `GET` is answered (uptime probes, link checkers and crawlers send it): the request is
/// routed and handled as the `GET`, so status and headers are the same (`Content-Length`, `Content-Type`, `ETag`,
/// caching, the coding chosen), and the HTTP layer, which knows the request was a `HEAD`, sends no body.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == actix_web::http::Method::HEAD {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    next.call(req).await
}

/// Cache lifetimes under `/media/`: an upload is never rewritten under its name (each upload gets a new random
/// name, and a replaced image's file is deleted), so browsers and shared caches keep it for a year without asking
/// again; the seeded demo images for a day, then revalidate by `ETag`.
pub async fn media_cache(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let immutable = req.path().starts_with("/media/uploads/");
    let mut res = next.call(req).await?;
    let status = res.status();
    if status.is_success() || status == actix_web::http::StatusCode::NOT_MODIFIED {
        let value = if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=86400"
        };
        res.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static(value),
        );
    }
    Ok(res)
}

/// Remembers the language of the last `/{lang}/` page viewed, so `/` sends the shopper back to it. Only for a
/// visitor who already has a session (has added to the cart, chosen a market, signed in): a first visit sets no
/// cookie, so shared caches may keep the page, and `/` follows `Accept-Language` until then.
pub async fn remember_language(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let locale = path_locale(req.path());
    let https = req
        .app_data::<actix_web::web::Data<crate::http::state::AppState>>()
        .is_some_and(|s| s.config.https);
    let saved = req.cookie(LANG_COOKIE).map(|c| c.value().to_string());
    let has_session = req.cookie(crate::http::session::COOKIE).is_some();
    let mut res = next.call(req).await?;
    if let Some(locale) = locale {
        if has_session && res.status().is_success() && saved.as_deref() != Some(locale.code()) {
            let cookie = Cookie::build(LANG_COOKIE, locale.code())
                .path("/")
                .max_age(Duration::days(365))
                .same_site(SameSite::Lax)
                .http_only(true)
                .secure(https)
                .finish();
            let _ = res.response_mut().add_cookie(&cookie);
        }
    }
    Ok(res)
}

/// Wraps the session layer: when the session store (Redis) cannot be reached, the request is answered with the
/// localized 503 page instead of the session layer's bare, empty 500; the store heals by itself once Redis is
/// back. (The request cannot be kept for the page: a clone held across routing is not allowed, so the page is
/// built from its path and language alone.)
pub async fn session_outage(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req
        .app_data::<actix_web::web::Data<crate::http::state::AppState>>()
        .cloned();
    let locale = path_locale(req.path())
        .unwrap_or_else(|| crate::http::extract::preferred_locale(req.request()));
    let (path, query) = (req.path().to_string(), req.query_string().to_string());
    next.call(req).await.map_err(|e| {
        let Some(state) = state else { return e };
        let code = if state.sessions.is_down() {
            crate::error::ErrorCode::Unavailable
        } else {
            tracing::error!(error = %e, "session layer failed");
            crate::error::ErrorCode::Internal
        };
        let page = super::errors::page_without_session(&state, locale, &path, &query, code);
        actix_web::error::InternalError::from_response(e, page).into()
    })
}
