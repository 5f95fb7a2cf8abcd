//! Staff back office: dashboard, categories, shared options, exchange rates, commissions, payments and payouts,
//! and the audit log.

pub mod categories;
pub mod category_handlers;
pub mod commission_handlers;
pub mod commissions;
pub mod dashboard;
pub mod destination_handlers;
pub mod destination_views;
pub mod handlers;
pub mod mail_handlers;
pub mod money_views;
pub mod option_handlers;
pub mod options;
pub mod payment_handlers;
pub mod payout_handlers;
pub mod rate_handlers;
pub mod rates;
pub mod tax_handlers;
pub mod views;

use actix_web::web;

/// Mounts the staff routes inside the `/{lang}` scope. Every handler requires the staff role.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff", web::get().to(handlers::dashboard))
        .route(
            "/staff/categories",
            web::get().to(category_handlers::categories),
        )
        .route(
            "/staff/categories",
            web::post().to(category_handlers::create_category),
        )
        .route(
            "/staff/categories/{id}",
            web::get().to(category_handlers::edit_category),
        )
        .route(
            "/staff/categories/{id}",
            web::post().to(category_handlers::update_category),
        )
        .route(
            "/staff/categories/{id}/move",
            web::post().to(category_handlers::move_category),
        )
        .route(
            "/staff/categories/{id}/reorder",
            web::post().to(category_handlers::reorder_category),
        )
        .route(
            "/staff/categories/{id}/visibility",
            web::post().to(category_handlers::category_visibility),
        )
        .route(
            "/staff/categories/{id}/vat",
            web::post().to(category_handlers::category_vat),
        )
        .route(
            "/staff/categories/{id}/delete",
            web::post().to(category_handlers::delete_category),
        )
        .route("/staff/rates", web::get().to(rate_handlers::rates))
        .route("/staff/rates", web::post().to(rate_handlers::set_rate))
        .route(
            "/staff/rates/import",
            web::post().to(rate_handlers::import_rates),
        )
        .route("/staff/options", web::get().to(option_handlers::options))
        .route(
            "/staff/options",
            web::post().to(option_handlers::create_option),
        )
        .route(
            "/staff/options/{id}",
            web::get().to(option_handlers::option),
        )
        .route(
            "/staff/options/{id}",
            web::post().to(option_handlers::save_option),
        )
        .route(
            "/staff/destinations",
            web::get().to(destination_handlers::destinations),
        )
        .route(
            "/staff/destinations",
            web::post().to(destination_handlers::close),
        )
        .route(
            "/staff/destinations/{country}/reopen",
            web::post().to(destination_handlers::reopen),
        )
        .route("/staff/taxes", web::get().to(tax_handlers::taxes))
        .route("/staff/taxes", web::post().to(tax_handlers::set_tax))
        .route(
            "/staff/commissions",
            web::get().to(commission_handlers::commissions),
        )
        .route(
            "/staff/commissions",
            web::post().to(commission_handlers::set_commission),
        )
        .route(
            "/staff/payouts",
            web::get().to(payout_handlers::payouts_page),
        )
        .route(
            "/staff/payouts",
            web::post().to(payout_handlers::create_batch),
        )
        .route(
            "/staff/payouts/{id}/export.csv",
            web::get().to(payout_handlers::export_batch),
        )
        .route(
            "/staff/payouts/{id}/paid",
            web::post().to(payout_handlers::mark_paid),
        )
        .route(
            "/staff/payments",
            web::get().to(payment_handlers::payments_page),
        )
        .route(
            "/staff/payments/refunds/{id}/retry",
            web::post().to(payment_handlers::retry_refund),
        )
        .route("/staff/mail", web::get().to(mail_handlers::mail_page))
        .route(
            "/staff/mail/{id}/retry",
            web::post().to(mail_handlers::retry),
        )
        .route("/staff/audit", web::get().to(handlers::audit));
}
