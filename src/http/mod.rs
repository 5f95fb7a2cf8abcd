//! What every handler builds on: the shared state, the page context, extractors (language, roles, CSRF-checked
//! forms), form errors, sessions, uploads, the page cache and responses. Below every feature, above the base
//! modules (`db`, `error`, `i18n`, `money`, `routes`, …).

pub mod assets;
pub mod auth;
pub mod checked;
pub mod csp;
pub mod csrf;
pub mod encoding;
pub mod extract;
pub mod forms;
pub mod metrics;
pub mod page;
pub mod page_cache;
pub mod session;
pub mod session_store;
pub mod state;
pub mod upload;

use actix_web::HttpResponse;
use askama::Template;

use crate::error::AppResult;

/// Renders a page template into an HTML response.
pub fn render<T: Template>(page: &T) -> AppResult<HttpResponse> {
    let html = page.render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html))
}

/// Renders a page with a given status (forms re-shown with errors), never cached.
pub fn render_status<T: Template>(
    page: &T,
    status: actix_web::http::StatusCode,
) -> AppResult<HttpResponse> {
    let html = page.render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(html))
}

/// Every state-changing request checks the session's CSRF token (constant time); failure is a localized 403.
pub fn require_csrf(session: &actix_session::Session, token: &str) -> AppResult<()> {
    if session::SessionData(session).csrf_ok(token) {
        Ok(())
    } else {
        Err(crate::error::AppError::new(
            crate::error::ErrorCode::CsrfFailed,
        ))
    }
}

/// A 303 See Other to a local URL (after POST, and for the root redirect).
/// A CSV file to download as `filename` (ASCII letters, digits, `-`, `_` and `.` are kept, anything else becomes
/// `_`), never cached.
pub fn csv_download(
    filename: &str,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    let safe: String = filename
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => c,
            _ => '_',
        })
        .collect();
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{safe}\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(body)
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", location))
        .finish()
}

/// A 301 to the canonical URL of a resource.
pub fn moved_permanently(location: &str) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header(("Location", location))
        .finish()
}
