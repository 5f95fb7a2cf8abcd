//! Trust and legal pages: about, contact, help, shipping and returns, terms, privacy, cookies and the operator's
//! legal notice, at `/{lang}/info/{key}`. Each exists from the first start (the texts under `defaults/`) and staff
//! edit it per language at `/{lang}/staff/pages` (Markdown, sanitized on output); every save is a new revision, so
//! the history is kept and any version can be restored, and each save is in the audit log.

pub mod defaults;
pub mod handlers;
pub mod repo;
pub mod service;
pub mod staff_handlers;
pub mod views;

use actix_web::web;

/// The site pages, in footer order. Their keys are the URL words (English in every language, like all paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKey {
    About,
    Help,
    ShippingReturns,
    Contact,
    Terms,
    Privacy,
    Cookies,
    Legal,
}

impl PageKey {
    pub const ALL: [PageKey; 8] = [
        PageKey::About,
        PageKey::Help,
        PageKey::ShippingReturns,
        PageKey::Contact,
        PageKey::Terms,
        PageKey::Privacy,
        PageKey::Cookies,
        PageKey::Legal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PageKey::About => "about",
            PageKey::Help => "help",
            PageKey::ShippingReturns => "shipping-returns",
            PageKey::Contact => "contact",
            PageKey::Terms => "terms",
            PageKey::Privacy => "privacy",
            PageKey::Cookies => "cookies",
            PageKey::Legal => "legal",
        }
    }

    pub fn parse(s: &str) -> Option<PageKey> {
        PageKey::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The Fluent id of the page's name in the footer and the staff list.
    pub fn name_id(self) -> String {
        format!("info-nav-{}", self.as_str())
    }

    /// Pages that show the operator's identity from configuration above the text.
    pub fn shows_operator(self) -> bool {
        matches!(self, PageKey::Contact | PageKey::Legal)
    }
}

/// Mounts the public pages and the staff editor inside the `/{lang}` scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/info/{key}", web::get().to(handlers::page))
        .route("/staff/pages", web::get().to(staff_handlers::list))
        .route(
            "/staff/pages/{key}/{locale}",
            web::get().to(staff_handlers::edit),
        )
        .route(
            "/staff/pages/{key}/{locale}",
            web::post().to(staff_handlers::save),
        )
        .route(
            "/staff/pages/{key}/{locale}/restore",
            web::post().to(staff_handlers::restore),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in PageKey::ALL {
            assert_eq!(PageKey::parse(k.as_str()), Some(k));
        }
        assert_eq!(PageKey::parse("About"), None);
    }
}
