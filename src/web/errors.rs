//! Localized error pages for every 4xx/5xx response that has no page of its own.

use actix_web::body::{BoxBody, EitherBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::error::{AppError, ErrorCode};
use crate::http::extract::{path_locale, preferred_locale};
use crate::http::page::PageCtx;
use crate::http::state::AppState;

#[derive(Template)]
#[template(path = "errors/error.html")]
pub struct ErrorPage {
    pub ctx: PageCtx,
    pub code: ErrorCode,
    pub status: u16,
}

impl ErrorPage {
    pub fn title(&self) -> String {
        self.ctx.t(&self.code.message_id())
    }
    pub fn body(&self) -> String {
        self.ctx.t(&format!("{}-body", self.code.message_id()))
    }
}

/// The localized error page for `code`, with `status` (no internals, never cached).
fn page_for(
    req: &HttpRequest,
    code: ErrorCode,
    status: actix_web::http::StatusCode,
) -> HttpResponse {
    let locale = path_locale(req.path()).unwrap_or_else(|| preferred_locale(req));
    let ctx = req
        .app_data::<web::Data<AppState>>()
        .map(|state| PageCtx::shopper(req, state, locale));
    respond(ctx, code, status)
}

/// The localized error page for a request that never reached the session (the session store is down).
pub fn page_without_session(
    state: &AppState,
    locale: crate::i18n::Locale,
    path: &str,
    query: &str,
    code: ErrorCode,
) -> HttpResponse {
    let ctx = PageCtx::without_session(state, locale, path, query);
    respond(Some(ctx), code, code.status())
}

fn respond(
    ctx: Option<PageCtx>,
    code: ErrorCode,
    status: actix_web::http::StatusCode,
) -> HttpResponse {
    let html = ctx.and_then(|ctx| {
        ErrorPage {
            ctx,
            code,
            status: status.as_u16(),
        }
        .render()
        .ok()
    });
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CACHE_CONTROL, "no-store"));
    match html {
        Some(html) => res.content_type("text/html; charset=utf-8").body(html),
        // Last resort, still without internals.
        None => res
            .content_type("text/plain; charset=utf-8")
            .body(status.canonical_reason().unwrap_or("Error")),
    }
}

/// Error handler middleware callback: replaces bare or plain-text error responses with the localized page.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let has_own_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| !ct.starts_with("text/plain"));
    if has_own_page || res.request().method() == actix_web::http::Method::HEAD {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let code = res
        .response()
        .extensions()
        .get::<ErrorCode>()
        .copied()
        .unwrap_or_else(|| ErrorCode::from_status(status));
    let (req, _) = res.into_parts();
    let page = page_for(&req, code, status);
    let res: ServiceResponse<EitherBody<B, BoxBody>> =
        ServiceResponse::new(req, page).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}

/// The fallback service: anything no route matched is a localized 404.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::not_found())
}
