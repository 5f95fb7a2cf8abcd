//! View models of the notice form and the staff queue.

use askama::Template;

use crate::staff::views::StaffChrome;
use crate::web::forms::Field;
use crate::web::page::{Choice, PageCtx};

#[derive(Template)]
#[template(path = "reports/form.html")]
pub struct ReportPage {
    pub ctx: PageCtx,
    pub heading: String,
    pub product_url: String,
    pub action: String,
    pub fields: Vec<Field>,
    pub good_faith: bool,
    pub good_faith_error: Option<String>,
    pub summary: Vec<(String, String)>,
    pub legal_url: String,
}

pub struct QueueLine {
    pub id: i64,
    pub when: String,
    pub product: String,
    pub product_url: Option<String>,
    pub shop: String,
    pub reason: String,
    pub details: String,
    pub contact: String,
    pub language: String,
    pub status: String,
    pub note: String,
    pub choices: Vec<Choice>,
    pub action: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "reports/queue.html")]
pub struct QueuePage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// (label with count, URL, current) per status filter, "all" last.
    pub tabs: Vec<(String, String, bool)>,
    pub lines: Vec<QueueLine>,
    pub next_url: Option<String>,
    pub prev_url: Option<String>,
}
