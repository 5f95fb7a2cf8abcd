use askama::Template;

pub use crate::backoffice::staff::StaffChrome;

use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// (label, value) tiles.
    pub tiles: Vec<(String, String)>,
    /// (language name, [(query, times)]).
    pub misses: Vec<(String, Vec<(String, String)>)>,
    pub recent: Vec<AuditLine>,
}

pub struct CategoryLine {
    pub id: i64,
    /// The category's name in the page's language (else English).
    pub title: String,
    pub indent: String,
    pub hidden: bool,
    pub names: Vec<(String, Option<String>)>,
    pub missing: String,
    pub products: String,
    pub edit_url: String,
}

#[derive(Template)]
#[template(path = "staff/categories.html")]
pub struct CategoriesPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<CategoryLine>,
    pub parent_choices: Vec<Choice>,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "staff/category_edit.html")]
pub struct CategoryEditPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub id: i64,
    pub title: String,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
    pub parent_choices: Vec<Choice>,
    pub target_choices: Vec<Choice>,
    pub products: String,
    pub hidden: bool,
    pub problem: Option<String>,
}

pub struct RateLine {
    pub code: String,
    pub name: String,
    pub value: String,
    pub since: String,
    pub stale: bool,
    pub is_base: bool,
}

#[derive(Template)]
#[template(path = "staff/rates.html")]
pub struct RatesPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<RateLine>,
    pub history: Vec<(String, String, String)>,
    pub currency_choices: Vec<Choice>,
    pub rate_value: String,
    pub rate_error: Option<String>,
    pub confirm_needed: bool,
    pub csv_value: String,
    pub csv_errors: Vec<String>,
    pub csv_confirm_needed: bool,
}

pub struct AuditLine {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
pub struct AuditPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<AuditLine>,
    pub action_choices: Vec<Choice>,
    pub actor: String,
    pub next_url: Option<String>,
}
