//! The shopper's catalogue: home, category listings, search, origin and shop pages, product pages, sitemap.

pub mod cards;
pub mod customs;
pub mod facet_counts;
pub mod handlers;
pub mod listing;
pub mod model;
pub mod opening;
pub mod pages;
pub mod product_page;
pub mod reindex;
pub mod repo;
pub mod search_counts;
pub mod service;
pub mod shopper;
pub mod sitemap;
pub mod slots;
pub mod suggest;
pub mod value_facets;
pub mod variant_picker;
pub mod views;
pub mod write;

use actix_web::web;

/// Mounts the catalogue routes inside the `/{lang}` scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(handlers::home))
        .route("/c/{slug}", web::get().to(handlers::category))
        .route("/search", web::get().to(handlers::search))
        .route("/search/suggest", web::get().to(handlers::suggest))
        .route("/p/{id_slug}", web::get().to(handlers::product))
        .route(
            "/p/{id_slug}/reviews",
            web::get().to(handlers::product_reviews),
        )
        .route("/origin/{cc}", web::get().to(handlers::origin))
        .route("/shop/{slug}", web::get().to(handlers::shop));
}
