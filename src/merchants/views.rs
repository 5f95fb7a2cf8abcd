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
    /// The account's address is not verified yet: applying waits for it.
    pub verify_first: bool,
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

impl ReviewPage {
    /// The staff review queue: shops (filtered by `status`) with their legal details and the decisions each
    /// status allows.
    pub fn new(
        ctx: PageCtx,
        chrome: StaffChrome,
        status: Option<&str>,
        rows: Vec<super::applications::QueueRow>,
        problem: Option<&str>,
    ) -> Self {
        use crate::geo::CountryCode;
        use crate::shops::model::MerchantStatus;
        let mut filters = vec![Choice {
            value: String::new(),
            label: ctx.t("staff-audit-all"),
            selected: status.is_none(),
        }];
        filters.extend(
            MerchantStatus::ALL
                .iter()
                .map(|s| s.as_str())
                .map(|s| Choice {
                    value: s.to_string(),
                    label: ctx.t(&format!("merchant-status-{s}")),
                    selected: status == Some(s),
                }),
        );
        let lines = rows
            .into_iter()
            .map(|(m, extra, owner)| {
                let actions = m.status.decisions();
                ReviewLine {
                    id: m.id,
                    country: CountryCode::parse(&m.country)
                        .map(|c| ctx.country_name(&c))
                        .unwrap_or_default(),
                    status: ctx.t(&format!("merchant-status-{}", m.status)),
                    actions: actions
                        .iter()
                        .map(|a| (*a, ctx.t(&format!("merchant-decision-{a}"))))
                        .collect(),
                    name: m.name,
                    slug: m.slug,
                    legal_name: extra.legal_name,
                    city: m.city,
                    address: extra.address,
                    tax_id: extra.tax_id,
                    contact: extra.contact,
                    owner: owner.unwrap_or_default(),
                    reason: extra.status_reason,
                }
            })
            .collect();
        ReviewPage {
            chrome,
            filters,
            lines,
            problem: problem.map(|p| ctx.t(p)),
            ctx,
        }
    }
}
