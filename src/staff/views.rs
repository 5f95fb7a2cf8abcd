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
    /// Per language: name, searches, found nothing, zero-result rate, corrections offered, followed.
    pub search_rows: Vec<[String; 6]>,
    /// Corrections offered: language, typed, suggested, offered, followed.
    pub corrections: Vec<[String; 5]>,
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
    /// Its goods take countries' reduced VAT rate.
    pub reduced_vat: bool,
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

impl AuditPage {
    /// One page of entries (one more than shown was read, to know whether a next page exists), with the
    /// action filter's choices.
    pub fn new(
        ctx: PageCtx,
        chrome: StaffChrome,
        (filter, page): (crate::audit::AuditFilter, i64),
        entries: Vec<crate::audit::AuditEntry>,
        actions: Vec<String>,
    ) -> Self {
        let shown = 50;
        let more = entries.len() > shown;
        let lines = entries
            .into_iter()
            .take(shown)
            .map(|e| audit_line(&ctx, e))
            .collect();
        let mut action_choices = vec![Choice {
            value: String::new(),
            label: ctx.t("staff-audit-all"),
            selected: filter.action.is_none(),
        }];
        action_choices.extend(actions.into_iter().map(|a| Choice {
            selected: filter.action.as_deref() == Some(a.as_str()),
            label: a.clone(),
            value: a,
        }));
        let mut pairs = Vec::new();
        if let Some(a) = &filter.action {
            pairs.push(("action", a.clone()));
        }
        if let Some(a) = &filter.actor {
            pairs.push(("actor", a.clone()));
        }
        pairs.push(("page", (page + 1).to_string()));
        let next_url = more.then(|| {
            let base = crate::routes::staff(ctx.locale, "/audit");
            format!("{base}{}", crate::routes::query(&pairs))
        });
        AuditPage {
            chrome,
            lines,
            action_choices,
            actor: filter.actor.unwrap_or_default(),
            next_url,
            ctx,
        }
    }
}

pub fn audit_line(ctx: &PageCtx, e: crate::audit::AuditEntry) -> AuditLine {
    AuditLine {
        when: ctx.when_zoned(e.created_at, ctx.staff_zone()),
        actor: e.actor_email.unwrap_or_else(|| ctx.t("staff-unknown")),
        action: e.action,
        subject: e.subject,
        detail: e.detail,
    }
}

impl DashboardPage {
    /// Tiles with the back office's counts, the week's searches that found nothing by language, and the
    /// latest audit entries.
    pub fn new(
        ctx: PageCtx,
        chrome: StaffChrome,
        overview: super::dashboard::Overview,
        open_reports: i64,
        recent: Vec<crate::audit::AuditEntry>,
    ) -> Self {
        let n = |v: i64| ctx.tr.i18n().formatters.number(ctx.locale, v);
        let tiles = vec![
            (ctx.t("staff-tile-pending"), n(overview.pending_merchants)),
            (ctx.t("staff-tile-shops"), n(overview.approved_merchants)),
            (ctx.t("staff-tile-products"), n(overview.listed_products)),
            (
                ctx.t("staff-tile-new-products"),
                n(overview.new_products_week),
            ),
            (ctx.t("staff-tile-open-reports"), n(open_reports)),
        ];
        let mut misses: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for (loc, q, times) in overview.misses {
            let name = crate::i18n::Locale::parse(&loc)
                .map_or_else(|| ctx.t("staff-unknown"), |l| l.autonym().to_string());
            match misses.iter_mut().find(|(x, _)| *x == name) {
                Some((_, list)) => list.push((q, n(times))),
                None => misses.push((name, vec![(q, n(times))])),
            }
        }
        let language = |code: &str| {
            crate::i18n::Locale::parse(code)
                .map_or_else(|| ctx.t("staff-unknown"), |l| l.autonym().to_string())
        };
        let search_rows = overview
            .searches
            .iter()
            .map(|(code, t)| {
                // The share in tenths of a percent, rounded half up.
                let tenths = (t.zero_results * 1000 + t.searches / 2)
                    .checked_div(t.searches)
                    .unwrap_or(0);
                let rate = ctx.tr.i18n().formatters.decimal(ctx.locale, tenths, 1);
                [
                    language(code),
                    n(t.searches),
                    n(t.zero_results),
                    ctx.t1("staff-search-rate", "rate", &rate),
                    n(t.corrected),
                    n(t.corrections_clicked),
                ]
            })
            .collect();
        let corrections = overview
            .corrections
            .into_iter()
            .map(|c| {
                [
                    language(&c.locale),
                    c.query,
                    c.suggestion,
                    n(c.offered),
                    n(c.clicked),
                ]
            })
            .collect();
        let recent = recent.into_iter().map(|e| audit_line(&ctx, e)).collect();
        DashboardPage {
            chrome,
            tiles,
            misses,
            search_rows,
            corrections,
            recent,
            ctx,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/options.html")]
pub struct OptionsPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<crate::backoffice::option_sheet::OptionLine>,
    /// The new option's names, one per language.
    pub fields: Vec<Field>,
    pub facet: bool,
    pub summary: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "staff/option_edit.html")]
pub struct OptionEditPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub back_url: String,
    pub sheet: crate::backoffice::option_sheet::SheetView,
}

#[derive(Template)]
#[template(path = "staff/commissions.html")]
pub struct CommissionsPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// The default rate in force now ("10,00 %").
    pub default_rate: String,
    /// (shop or "Default", rate, from), newest first.
    pub history: Vec<(String, String, String)>,
    pub shop_choices: Vec<Choice>,
    pub rate_value: String,
    pub rate_error: Option<String>,
    pub shop_error: Option<String>,
    pub summary: Vec<(String, String)>,
}

/// One destination's VAT rule as the staff page lists it.
pub struct TaxLine {
    pub code: String,
    /// The country's name in the staff member's language (CLDR).
    pub country: String,
    pub scheme: String,
    pub standard: String,
    pub reduced: String,
    pub threshold: String,
    pub since: String,
}

#[derive(Template)]
#[template(path = "staff/taxes.html")]
pub struct TaxesPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    /// The rule in force for each country that has one.
    pub lines: Vec<TaxLine>,
    /// The last rules set, newest first.
    pub history: Vec<TaxLine>,
    pub scheme_choices: Vec<Choice>,
    pub currency_choices: Vec<Choice>,
    pub country: String,
    pub standard: String,
    pub reduced: String,
    pub threshold: String,
    pub country_error: Option<String>,
    pub scheme_error: Option<String>,
    pub standard_error: Option<String>,
    pub reduced_error: Option<String>,
    pub threshold_error: Option<String>,
    pub currency_error: Option<String>,
    pub summary: Vec<(String, String)>,
}
