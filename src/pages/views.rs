//! View models of the site pages and their staff editor.

use std::collections::HashMap;

use askama::Template;
use time::PrimitiveDateTime;

use super::service::Shown;
use super::PageKey;
use crate::backoffice::staff::StaffChrome;
use crate::config::Operator;
use crate::http::forms::Field;
use crate::http::page::PageCtx;
use crate::i18n::{Arg, Locale};

/// One line of the operator's identity: label, value, and a `mailto:`/`tel:` link where it is one.
pub struct OperatorLine {
    pub label: String,
    pub value: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/info.html")]
pub struct InfoPage {
    pub ctx: PageCtx,
    pub title: String,
    pub html: String,
    /// "Last updated 5 Dec 2026" once staff have saved the page.
    pub updated: Option<String>,
    pub operator: Vec<OperatorLine>,
    /// The operator block is asked for but nothing is configured.
    pub operator_missing: bool,
    /// (name, URL, current) of every site page.
    pub links: Vec<(String, String, bool)>,
}

/// The site pages for a menu: (name, URL, whether it is `current`).
pub fn links(ctx: &PageCtx, current: Option<PageKey>) -> Vec<(String, String, bool)> {
    PageKey::ALL
        .iter()
        .map(|k| {
            (
                ctx.t(&k.name_id()),
                crate::routes::info(ctx.locale, k.as_str()),
                Some(*k) == current,
            )
        })
        .collect()
}

fn operator_lines(ctx: &PageCtx, key: PageKey, op: &Operator) -> Vec<OperatorLine> {
    let mut out = Vec::new();
    let mut add = |id: &str, value: &str, href: Option<String>| {
        if !value.is_empty() {
            out.push(OperatorLine {
                label: ctx.t(id),
                value: value.to_string(),
                href,
            });
        }
    };
    add("operator-name", &op.name, None);
    add("operator-address", &op.address, None);
    if key == PageKey::Legal {
        add("operator-registration", &op.registration, None);
        add("operator-vat-id", &op.vat_id, None);
    }
    add(
        "operator-email",
        &op.email,
        Some(format!("mailto:{}", op.email)),
    );
    let tel: String = op
        .phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    add("operator-phone", &op.phone, Some(format!("tel:{tel}")));
    out
}

impl InfoPage {
    pub fn new(ctx: PageCtx, key: PageKey, shown: Shown, op: &Operator) -> Self {
        let operator = if key.shows_operator() {
            operator_lines(&ctx, key, op)
        } else {
            Vec::new()
        };
        let updated = shown.edited_at.map(|t| {
            let date = ctx.tr.i18n().formatters.date(ctx.locale, t.date());
            ctx.t1("info-updated", "date", &date)
        });
        InfoPage {
            operator_missing: key.shows_operator() && op.name.is_empty(),
            links: links(&ctx, Some(key)),
            title: shown.title,
            html: shown.html,
            updated,
            operator,
            ctx,
        }
    }
}

/// One page in one language in the staff list.
pub struct PageCell {
    pub lang: &'static str,
    pub edit_url: String,
    /// "Built-in text" or "Edited 5 Dec 2026 · 3 versions".
    pub state: String,
    pub edited: bool,
}

#[derive(Template)]
#[template(path = "pages/staff_list.html")]
pub struct StaffListPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// (page name, public URL, one cell per language).
    pub rows: Vec<(String, String, Vec<PageCell>)>,
    pub languages: Vec<&'static str>,
}

impl StaffListPage {
    /// Every page in every language: "Built-in text" or when it was last saved and how many versions it has.
    pub fn new(
        ctx: PageCtx,
        chrome: StaffChrome,
        edited: &HashMap<(PageKey, Locale), (i64, PrimitiveDateTime)>,
    ) -> Self {
        let cell = |k: PageKey, loc: Locale| {
            let e = edited.get(&(k, loc));
            PageCell {
                lang: loc.code(),
                edit_url: super::staff_handlers::edit_url(ctx.locale, k, loc),
                edited: e.is_some(),
                state: match e {
                    Some((n, at)) => ctx.tr.t_args(
                        "staff-page-edited",
                        &[
                            ("date", Arg::Str(&ctx.date(at.date()))),
                            ("count", Arg::Num(*n)),
                        ],
                    ),
                    None => ctx.t("staff-page-built-in"),
                },
            }
        };
        let rows = PageKey::ALL
            .iter()
            .map(|k| {
                let cells = Locale::ALL.iter().map(|loc| cell(*k, *loc)).collect();
                let href = crate::routes::info(ctx.locale, k.as_str());
                (ctx.t(&k.name_id()), href, cells)
            })
            .collect();
        StaffListPage {
            languages: Locale::ALL.iter().map(|l| l.autonym()).collect(),
            chrome,
            rows,
            ctx,
        }
    }
}

pub struct HistoryLine {
    pub id: i64,
    pub when: String,
    pub author: String,
    pub title: String,
    pub body: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "pages/staff_edit.html")]
pub struct StaffEditPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub heading: String,
    pub action: String,
    pub restore_action: String,
    pub view_url: String,
    pub is_default: bool,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
    pub history: Vec<HistoryLine>,
}
