//! HTTP glue: routes and URL builders, extractors, page context, middleware, error pages, assets.

pub mod assets;
pub mod auth;
pub mod errors;
pub mod extract;
pub mod forms;
pub mod market;
pub mod middleware;
pub mod ops;
pub mod page;
pub mod routes;
pub mod session;
pub mod session_store;

use actix_web::{HttpResponse, Responder};
use askama::Template;

use crate::error::AppResult;

/// Renders a page template into an HTML response.
pub fn render<T: Template>(page: &T) -> AppResult<HttpResponse> {
    let html = page.render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html))
}

/// A 303 See Other to a local URL (after POST, and for the root redirect).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", location))
        .finish()
}

/// A 301 to the canonical URL of a resource.
pub fn moved_permanently(location: &str) -> impl Responder {
    HttpResponse::MovedPermanently()
        .insert_header(("Location", location))
        .finish()
}
