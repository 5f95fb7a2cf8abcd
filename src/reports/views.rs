//! View models of the notice form and the staff queue.

use std::collections::HashMap;

use askama::Template;

use super::service::QueueItem;
use super::{Reason, Status};
use crate::backoffice::staff::StaffChrome;
use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};
use crate::i18n::Locale;
use crate::routes;

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

impl QueuePage {
    /// The queue page for `(status filter, page)`: a tab per status with its count, then the notices.
    pub fn new(
        ctx: PageCtx,
        chrome: StaffChrome,
        (filter, page): (Option<Status>, i64),
        items: Vec<QueueItem>,
        counts: &HashMap<String, i64>,
    ) -> Self {
        let l = ctx.locale;
        let current = filter.map_or("all", Status::as_str);
        let here = queue_url(l, current, page);
        let mut tabs: Vec<(String, String, bool)> = Status::ALL
            .iter()
            .map(|s| {
                let n = counts.get(s.as_str()).copied().unwrap_or(0);
                let count = ctx.tr.i18n().formatters.number(l, n);
                let label = format!("{} ({count})", ctx.t(&s.message_id()));
                (label, queue_url(l, s.as_str(), 1), Some(*s) == filter)
            })
            .collect();
        let all = (
            ctx.t("report-status-all"),
            queue_url(l, "all", 1),
            filter.is_none(),
        );
        tabs.push(all);
        let full = items.len() as i64 == super::service::QUEUE_PAGE;
        let lines = items.into_iter().map(|i| line(&ctx, i, &here)).collect();
        QueuePage {
            chrome,
            tabs,
            lines,
            next_url: full.then(|| queue_url(l, current, page + 1)),
            prev_url: (page > 1).then(|| queue_url(l, current, page - 1)),
            ctx,
        }
    }
}

pub fn queue_url(l: Locale, status: &str, page: i64) -> String {
    let mut pairs = vec![("status", status.to_string())];
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    format!("{}{}", routes::staff(l, "/reports"), routes::query(&pairs))
}

fn line(ctx: &PageCtx, item: QueueItem, back: &str) -> QueueLine {
    let r = item.row;
    let status = Status::parse(&r.status).unwrap_or(Status::Open);
    QueueLine {
        id: r.id,
        when: ctx.when_zoned(r.created_at, ctx.staff_zone()),
        product: item
            .product
            .as_ref()
            .map_or_else(|| format!("#{}", r.product_id), |p| p.title.clone()),
        product_url: item.product.as_ref().map(|p| p.url.clone()),
        shop: item.product.map(|p| p.shop_name).unwrap_or_default(),
        reason: Reason::parse(&r.reason).map_or(r.reason.clone(), |x| ctx.t(&x.message_id())),
        details: r.details,
        contact: r.contact,
        language: Locale::parse(&r.locale).map_or(r.locale.clone(), |l| l.autonym().into()),
        status: ctx.t(&status.message_id()),
        note: r.staff_note,
        choices: status
            .choices()
            .into_iter()
            .map(|s| Choice {
                value: s.as_str().into(),
                label: ctx.t(&s.message_id()),
                selected: s == status,
            })
            .collect(),
        action: format!(
            "{}?back={}",
            routes::staff(ctx.locale, &format!("/reports/{}", r.id)),
            urlencode(back)
        ),
        error: None,
    }
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
