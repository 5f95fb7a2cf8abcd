use askama::Template;

use crate::backoffice::staff::StaffChrome;
use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};

#[derive(Template)]
#[template(path = "merchants/apply.html")]
pub struct ApplyPage {
    pub ctx: PageCtx,
    /// The current application's status line and staff reason, when there is one.
    pub status: Option<(String, String)>,
    pub show_form: bool,
    /// Shown once the shop is open.
    pub dashboard_url: Option<String>,
    pub pilot_note: String,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
}

pub struct ReviewLine {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub legal_name: String,
    pub country: String,
    pub city: String,
    pub address: String,
    pub tax_id: String,
    pub contact: String,
    pub owner: String,
    pub status: String,
    pub reason: String,
    /// (decision value, button label).
    pub actions: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "merchants/review.html")]
pub struct ReviewPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub filters: Vec<Choice>,
    pub lines: Vec<ReviewLine>,
    pub problem: Option<String>,
}
