use askama::Template;

use crate::backoffice::staff::StaffChrome;
use crate::http::forms::Field;
use crate::http::page::PageCtx;

/// A closed destination as the staff list shows it.
pub struct ClosedLine {
    pub code: String,
    pub country: String,
    pub reason: String,
    pub note: String,
    pub since: String,
    /// Where its "Reopen" button posts.
    pub reopen: String,
}

#[derive(Template)]
#[template(path = "staff/destinations.html")]
pub struct DestinationsPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<ClosedLine>,
    /// Country, reason, note.
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
}
