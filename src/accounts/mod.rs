//! Accounts: registration, sign-in/out, account page, roles, signed-in sessions and abuse limits.

pub mod entry;
pub mod handlers;
pub mod recovery;
pub mod recovery_handlers;
pub mod service;
pub mod verification;
pub mod verification_handlers;
pub mod views;

use actix_web::web;

/// Mounts the account routes inside the `/{lang}` scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sign-in", web::get().to(handlers::sign_in_form))
        .route("/sign-in", web::post().to(handlers::sign_in))
        .route("/sign-up", web::get().to(handlers::sign_up_form))
        .route("/sign-up", web::post().to(handlers::sign_up))
        .route("/sign-out", web::post().to(handlers::sign_out))
        .route(
            "/password-reset",
            web::get().to(recovery_handlers::ask_form),
        )
        .route("/password-reset", web::post().to(recovery_handlers::ask))
        .route(
            "/password-reset/{token}",
            web::get().to(recovery_handlers::choose_form),
        )
        .route(
            "/password-reset/{token}",
            web::post().to(recovery_handlers::choose),
        )
        .route(
            "/verify-email/{token}",
            web::post().to(verification_handlers::follow),
        )
        .route(
            "/verify-email/{token}",
            web::get().to(verification_handlers::confirm_form),
        )
        .route(
            "/account/verify-email",
            web::post().to(verification_handlers::resend),
        )
        .route(
            "/account/email",
            web::post().to(verification_handlers::change_email),
        )
        .route("/account", web::get().to(handlers::account))
        .route("/account/profile", web::post().to(handlers::update_profile))
        .route(
            "/account/password",
            web::post().to(handlers::change_password),
        );
}
