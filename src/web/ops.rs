//! Operational endpoints: root redirect, health, robots.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::connection::SimpleConnection;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::extract::preferred_locale;
use crate::http::state::AppState;
use crate::routes;

/// `GET /`: 303 to the negotiated locale (saved choice, then Accept-Language, then English).
pub async fn root(req: HttpRequest) -> HttpResponse {
    let locale = preferred_locale(&req);
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, routes::home(locale)))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// How long `/healthz` waits for a database connection before it answers 503.
const HEALTH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// `GET /healthz`: 200 when the database answers, 503 when it cannot be reached within two seconds, so a load
/// balancer takes the instance out of rotation and puts it back once the pool has reconnected.
pub async fn healthz(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let pool = state.pool.clone();
    web::block(move || {
        let mut conn = pool.get_timeout(HEALTH_TIMEOUT)?;
        conn.batch_execute("SELECT 1")
            .map_err(|e| AppError::new(ErrorCode::Unavailable).with_detail(format!("healthz: {e}")))
    })
    .await
    .map_err(|e| AppError::internal(format!("blocking pool: {e}")))??;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body("ok"))
}

/// `GET /robots.txt`: everything public may be crawled except account, cart and staff areas.
pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let mut body = String::from("User-agent: *\n");
    for l in crate::i18n::Locale::ALL {
        for p in [
            "merchant", "staff", "cart", "checkout", "orders", "account", "search",
        ] {
            body.push_str(&format!("Disallow: /{l}/{p}\n"));
        }
    }
    body.push_str(&format!(
        "Sitemap: {}/sitemap.xml\n",
        state.config.public_url
    ));
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}
