#![recursion_limit = "512"]
//! Caravan: a cross-border marketplace storefront. The binary (`main.rs`) and the tests build the app here.

pub mod accounts;
pub mod analytics;
pub mod arrival;
pub mod audit;
pub mod backoffice;
pub mod cache;
pub mod campaigns;
pub mod catalogue;
pub mod categories;
pub mod clock;
pub mod config;
pub mod counters;
pub mod coupons;
pub mod csv_cell;
pub mod db;
pub mod destinations;
pub mod error;
pub mod geo;
pub mod holidays;
pub mod http;
pub mod i18n;
pub mod identity;
pub mod ids;
pub mod limits;
pub mod mail;
pub mod markdown;
pub mod media;
pub mod merchants;
pub mod money;
pub mod orders;
pub mod pages;
pub mod payments;
pub mod promos;
pub mod reports;
pub mod reviews;
pub mod routes;
pub mod search;
pub mod seed;
pub mod shops;
pub mod staff;
pub mod tax;
pub mod variants;
pub mod web;
pub mod wishlist;
pub mod zones;

use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::SessionMiddleware;
use actix_web::body::MessageBody;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, ErrorHandlers};
use actix_web::{guard, web as aw, App, Error};

use crate::http::state::AppState;
use crate::i18n::Locale;

/// Only `/{lang}/…` with a supported language enters the localized scope; anything else falls to the 404.
fn supported_lang(ctx: &guard::GuardContext<'_>) -> bool {
    http::extract::path_locale(ctx.head().uri.path()).is_some()
}

/// Sessions: HttpOnly, SameSite=Lax, Secure over HTTPS; cookie content encrypted (or a Redis key).
pub fn session_middleware(
    state: &AppState,
) -> SessionMiddleware<http::session_store::SessionBackend> {
    let key = Key::derive_from(&state.config.secret_key);
    SessionMiddleware::builder(state.sessions.clone(), key)
        .cookie_name(http::session::COOKIE.into())
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_secure(state.config.https)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(
            PersistentSession::default().session_ttl(actix_web::cookie::time::Duration::days(30)),
        )
        .build()
}

/// Builds the whole application (routes, middleware, state). Used by `caravan serve` and the tests.
pub fn build_app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let https = state.config.https;
    let media_dir = state.config.media_dir.clone();
    let session = session_middleware(&state);
    App::new()
        .app_data(aw::Data::new(payments::handlers::Payments::from_config(
            &state.config,
        )))
        .app_data(aw::Data::new(state))
        .app_data(aw::FormConfig::default().limit(512 * 1024))
        .route("/", aw::get().to(web::ops::root))
        .route("/healthz", aw::get().to(web::ops::healthz))
        .route("/metrics", aw::get().to(web::telemetry::metrics))
        .route("/robots.txt", aw::get().to(web::ops::robots))
        .route("/sitemap.xml", aw::get().to(catalogue::handlers::sitemap))
        .route(
            "/sitemap-pages.xml",
            aw::get().to(catalogue::handlers::sitemap_pages),
        )
        .route(
            "/sitemap-products-{n}.xml",
            aw::get().to(catalogue::handlers::sitemap_products),
        )
        .route("/static/{path:.*}", aw::get().to(http::assets::serve))
        .configure(payments::handlers::configure)
        .service(
            aw::scope("/media")
                .wrap(from_fn(web::middleware::media_cache))
                .service(
                    actix_files::Files::new("", media_dir)
                        .use_etag(true)
                        .use_last_modified(true)
                        .prefer_utf8(true),
                ),
        )
        .service(
            aw::scope("/{lang}")
                .guard(guard::fn_guard(supported_lang))
                .configure(catalogue::configure)
                .configure(accounts::configure)
                .configure(staff::configure)
                .configure(merchants::handlers::configure)
                .configure(merchants::shop_handlers::configure)
                .configure(merchants::product_handlers::configure)
                .configure(merchants::import_handlers::configure)
                .configure(merchants::variant_handlers::configure)
                .configure(merchants::option_handlers::configure)
                .configure(merchants::payout_handlers::configure)
                .configure(orders::cart_handlers::configure)
                .configure(orders::checkout_handlers::configure)
                .configure(orders::order_handlers::configure)
                .configure(orders::vat_handlers::configure)
                .configure(payments::pay_handlers::configure)
                .configure(promos::handlers::configure)
                .configure(promos::staff_handlers::configure)
                .configure(promos::merchant_handlers::configure)
                .configure(coupons::handlers::configure)
                .configure(analytics::handlers::configure)
                .configure(reviews::handlers::configure)
                .configure(wishlist::handlers::configure)
                .configure(pages::configure)
                .configure(reports::configure)
                .route("/market", aw::post().to(web::market::set_market))
                .route("/market", aw::get().to(web::market::show_market))
                .default_service(aw::to(web::errors::not_found)),
        )
        .default_service(aw::to(web::errors::not_found))
        .wrap(from_fn(http::csrf::refuse_cross_site))
        .wrap(ErrorHandlers::new().default_handler(web::errors::render_error_page))
        .wrap(from_fn(http::auth::resolve_user))
        .wrap(from_fn(web::middleware::remember_language))
        .wrap(session)
        .wrap(from_fn(web::middleware::session_outage))
        .wrap(web::middleware::security_headers(https))
        .wrap(from_fn(http::encoding::negotiate))
        .wrap(from_fn(web::middleware::head_as_get))
        .wrap(from_fn(web::telemetry::observe))
}

/// Languages the storefront serves, for tools and tests.
pub fn locales() -> [Locale; 5] {
    Locale::ALL
}
