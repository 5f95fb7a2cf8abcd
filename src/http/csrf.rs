//! Cross-site request forgery, two layers (OWASP's CSRF cheat sheet):
//! - **Where the request comes from.** Every state-changing request that a browser marks as coming from another
//!   site (`Sec-Fetch-Site: cross-site` or `same-site`, or an `Origin` that is not ours) is refused with the
//!   localized 403, whatever it carries ([`refuse_cross_site`]).
//! - **The session's token.** Every form posts the session's token and the handler checks it
//!   ([`super::require_csrf`]). The two forms on pages that shared caches may keep, which therefore carry no
//!   token (add to cart, change the market), are accepted either with the token or when the browser proves the
//!   request comes from our own pages ([`require_token_or_same_origin`]); a client that sends neither header
//!   still needs the token, and session cookies are `SameSite=Lax` on top.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderMap, ORIGIN};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::HttpRequest;

use crate::error::{AppError, AppResult, ErrorCode};

/// Where a request comes from, as far as the browser tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// One of our own pages.
    Same,
    /// Another site (or a sibling subdomain).
    Cross,
    /// The client said nothing (an old browser, a script, a test tool).
    Unknown,
}

/// `scheme://host[:port]` of a URL, for comparing with an `Origin` header.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

/// Judges a request from `Sec-Fetch-Site` (computed by the browser) or, without it, `Origin`, which must be the
/// configured public URL or the URL the request was sent to.
pub fn site_of(headers: &HeaderMap, public_url: &str, scheme: &str, host: &str) -> Site {
    if let Some(v) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return match v {
            "same-origin" => Site::Same,
            "cross-site" | "same-site" => Site::Cross,
            // "none": the user typed or bookmarked it; a form post never is.
            _ => Site::Unknown,
        };
    }
    match headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        None => Site::Unknown,
        Some(o) if o.eq_ignore_ascii_case(origin_of(public_url)) => Site::Same,
        Some(o) if o.eq_ignore_ascii_case(&format!("{scheme}://{host}")) => Site::Same,
        Some(_) => Site::Cross,
    }
}

fn site_of_request(req: &HttpRequest) -> Site {
    let public_url = req
        .app_data::<actix_web::web::Data<crate::http::state::AppState>>()
        .map(|s| s.config.public_url.clone())
        .unwrap_or_default();
    let info = req.connection_info();
    site_of(req.headers(), &public_url, info.scheme(), info.host())
}

/// Middleware: a POST (or any unsafe method) that the browser says comes from another site is refused before
/// any handler runs.
pub async fn refuse_cross_site<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && site_of_request(req.request()) == Site::Cross {
        tracing::warn!(path = %req.path(), "cross-site request refused");
        // A response, not an error: the error-page layer renders it in the visitor's language.
        let res = req.error_response(AppError::new(ErrorCode::CsrfFailed));
        return Ok(res.map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// For the forms on shareable pages: the session's token, or a browser's word that the post comes from our own
/// page.
pub fn require_token_or_same_origin(
    req: &HttpRequest,
    session: &actix_session::Session,
    token: &str,
) -> AppResult<()> {
    if site_of_request(req) == Site::Same {
        return Ok(());
    }
    super::require_csrf(session, token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn site(pairs: &[(&'static str, &'static str)]) -> Site {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        site_of(&h, "https://shop.example/", "http", "10.0.0.5:8080")
    }

    #[test]
    fn fetch_metadata_decides_first() {
        assert_eq!(site(&[("sec-fetch-site", "same-origin")]), Site::Same);
        assert_eq!(site(&[("sec-fetch-site", "cross-site")]), Site::Cross);
        assert_eq!(site(&[("sec-fetch-site", "same-site")]), Site::Cross);
        assert_eq!(
            site(&[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://shop.example")
            ]),
            Site::Cross
        );
        assert_eq!(site(&[("sec-fetch-site", "none")]), Site::Unknown);
    }

    #[test]
    fn origin_must_be_ours() {
        assert_eq!(site(&[("origin", "https://shop.example")]), Site::Same);
        assert_eq!(site(&[("origin", "http://10.0.0.5:8080")]), Site::Same);
        assert_eq!(
            site(&[("origin", "https://shop.example.evil")]),
            Site::Cross
        );
        assert_eq!(site(&[("origin", "null")]), Site::Cross);
        assert_eq!(site(&[]), Site::Unknown);
    }
}
