//! Staff back office: dashboard, categories, exchange rates and the audit log.

pub mod audit;
pub mod categories;
pub mod dashboard;
pub mod handlers;
pub mod rates;
pub mod views;

use actix_web::web;

/// Mounts the staff routes inside the `/{lang}` scope. Every handler requires the staff role.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff", web::get().to(handlers::dashboard))
        .route("/staff/categories", web::get().to(handlers::categories))
        .route(
            "/staff/categories",
            web::post().to(handlers::create_category),
        )
        .route(
            "/staff/categories/{id}",
            web::get().to(handlers::edit_category),
        )
        .route(
            "/staff/categories/{id}",
            web::post().to(handlers::update_category),
        )
        .route(
            "/staff/categories/{id}/move",
            web::post().to(handlers::move_category),
        )
        .route(
            "/staff/categories/{id}/reorder",
            web::post().to(handlers::reorder_category),
        )
        .route(
            "/staff/categories/{id}/visibility",
            web::post().to(handlers::category_visibility),
        )
        .route(
            "/staff/categories/{id}/delete",
            web::post().to(handlers::delete_category),
        )
        .route("/staff/rates", web::get().to(handlers::rates))
        .route("/staff/rates", web::post().to(handlers::set_rate))
        .route(
            "/staff/rates/import",
            web::post().to(handlers::import_rates),
        )
        .route("/staff/audit", web::get().to(handlers::audit));
}
