//! Notices about products ("report this product"): anyone may tell the marketplace that a listing is illegal,
//! counterfeit, unsafe or misleading (the EU Digital Services Act's notice-and-action, art. 16). A notice records
//! the reason, an explanation, a contact and the reporter's good-faith statement; staff work through the queue at
//! `/{lang}/staff/reports`, and every status change is in the audit log.

pub mod handlers;
pub mod repo;
pub mod service;
pub mod staff_handlers;
pub mod views;

use actix_web::web;

/// Why a product is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Illegal,
    Counterfeit,
    Unsafe,
    Misleading,
    Prohibited,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::Illegal,
        Reason::Counterfeit,
        Reason::Unsafe,
        Reason::Misleading,
        Reason::Prohibited,
        Reason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Illegal => "illegal",
            Reason::Counterfeit => "counterfeit",
            Reason::Unsafe => "unsafe",
            Reason::Misleading => "misleading",
            Reason::Prohibited => "prohibited",
            Reason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn message_id(self) -> String {
        format!("report-reason-{}", self.as_str())
    }
}

/// Where a notice stands. Open → reviewing → actioned or dismissed; a closed notice may be reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Reviewing,
    Actioned,
    Dismissed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::Reviewing,
        Status::Actioned,
        Status::Dismissed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Reviewing => "reviewing",
            Status::Actioned => "actioned",
            Status::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn message_id(self) -> String {
        format!("report-status-{}", self.as_str())
    }

    /// Whether staff may move a notice from `self` to `to`.
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Open, Reviewing | Actioned | Dismissed)
                | (Reviewing, Actioned | Dismissed | Open)
                | (Actioned | Dismissed, Reviewing)
        )
    }

    /// Statuses staff can choose next (the current one first, to keep it).
    pub fn choices(self) -> Vec<Status> {
        std::iter::once(self)
            .chain(Status::ALL.into_iter().filter(|s| self.can_move_to(*s)))
            .collect()
    }
}

/// Mounts the notice form and the staff queue inside the `/{lang}` scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/p/{id}/report", web::get().to(handlers::form))
        .route("/p/{id}/report", web::post().to(handlers::file))
        .route("/staff/reports", web::get().to(staff_handlers::queue))
        .route(
            "/staff/reports/{id}",
            web::post().to(staff_handlers::update),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_notice_is_reopened_for_review_not_silently_flipped() {
        assert!(Status::Open.can_move_to(Status::Dismissed));
        assert!(Status::Dismissed.can_move_to(Status::Reviewing));
        assert!(!Status::Dismissed.can_move_to(Status::Actioned));
        assert!(!Status::Open.can_move_to(Status::Open));
        assert_eq!(Status::Open.choices()[0], Status::Open);
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
        }
    }
}
