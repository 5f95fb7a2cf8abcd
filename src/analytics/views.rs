//! Report pages: figures, a daily chart (SVG with title and description) and the tables, each as CSV too.

use askama::Template;

use super::chart::{self, Chart};
use super::report::{Line, Report};
use crate::backoffice::merchant::MerchantChrome;
use crate::backoffice::staff::StaffChrome;
use crate::geo::CountryCode;
use crate::http::page::{Choice, PageCtx};
use crate::money::{Currency, Money};

pub enum Chrome {
    Staff(StaffChrome),
    Merchant(MerchantChrome),
}

pub struct TableRow {
    pub label: String,
    pub orders: String,
    pub units: String,
    pub revenue: String,
    pub views: String,
    pub conversion: String,
}

pub struct Table {
    pub id: &'static str,
    pub caption: String,
    pub head: String,
    pub rows: Vec<TableRow>,
    pub csv_url: String,
    pub views: bool,
}

/// Orders per view as a percent ("—" without views).
fn conversion(ctx: &PageCtx, orders: i64, views: i64) -> String {
    if views <= 0 {
        return "—".to_string();
    }
    let pct = ctx
        .tr
        .i18n()
        .formatters
        .decimal(ctx.locale, orders * 10_000 / views, 2);
    ctx.t1("analytics-percent", "value", &pct)
}

#[derive(Template)]
#[template(path = "analytics/report.html")]
pub struct ReportPage {
    pub ctx: PageCtx,
    pub area: Chrome,
    pub heading: String,
    pub tiles: Vec<(String, String)>,
    pub chart: Chart,
    pub chart_title: String,
    pub chart_desc: String,
    pub tables: Vec<Table>,
    pub currencies: Vec<Choice>,
    pub periods: Vec<Choice>,
    pub action: String,
    /// The views column's heading: promo page views, or product page views on a shop's report.
    pub views_head: String,
}

/// The tables a report page shows: (id, caption id, first column id, views column).
pub const TABLES: [(&str, &str, &str, bool); 5] = [
    (
        "market",
        "analytics-by-market",
        "analytics-col-market",
        true,
    ),
    (
        "origin",
        "analytics-by-origin",
        "analytics-col-origin",
        false,
    ),
    ("shop", "analytics-by-shop", "analytics-col-shop", false),
    (
        "product",
        "analytics-top-products",
        "analytics-col-product",
        false,
    ),
    ("daily", "analytics-daily", "analytics-col-day", true),
];

/// The lines of table `id` with the label each shows.
pub fn table_lines<'a>(ctx: &PageCtx, r: &'a Report, id: &str) -> Vec<(String, &'a Line)> {
    let country =
        |k: &str| CountryCode::parse(k).map_or_else(|| k.to_string(), |c| ctx.country_name(&c));
    let named = |prefix: &str, k: &str| {
        r.names
            .get(&format!("{prefix}{k}"))
            .cloned()
            .unwrap_or_else(|| k.to_string())
    };
    let lines: &[Line] = match id {
        "market" => &r.by_market,
        "origin" => &r.by_origin,
        "shop" => &r.by_shop,
        "product" => &r.top_products,
        _ => &r.daily,
    };
    lines
        .iter()
        .map(|l| {
            let label = match id {
                "market" | "origin" => country(&l.key),
                "shop" => named("s", &l.key),
                "product" => named("p", &l.key),
                _ => {
                    time::Date::parse(&l.key, &time::format_description::well_known::Iso8601::DATE)
                        .map(|d| ctx.tr.i18n().formatters.date(ctx.locale, d))
                        .unwrap_or_else(|_| l.key.clone())
                }
            };
            (label, l)
        })
        .collect()
}

/// The page for `r`; `csv` makes a table's CSV URL from its id, `shops` shows the by-shop table.
#[allow(clippy::too_many_arguments)]
pub fn page(
    ctx: PageCtx,
    area: Chrome,
    heading: String,
    r: &Report,
    csv: impl Fn(&str) -> String,
    action: String,
    periods: Vec<Choice>,
    shops: bool,
) -> ReportPage {
    let money = |m: i64| ctx.money(&Money::new(m, r.currency));
    let num = |n: i64| ctx.tr.i18n().formatters.number(ctx.locale, n);
    let views_head = ctx.t(if r.product_views {
        "analytics-product-views"
    } else {
        "analytics-views"
    });
    let tiles = vec![
        (views_head.clone(), num(r.views)),
        (ctx.t("analytics-orders"), num(r.orders)),
        (ctx.t("analytics-units"), num(r.units)),
        (ctx.t("analytics-revenue"), money(r.revenue)),
        (
            ctx.t("analytics-conversion"),
            conversion(&ctx, r.orders, r.views),
        ),
    ];
    let daily = table_lines(&ctx, r, "daily");
    let peak = r.daily.iter().map(|l| l.revenue).max().unwrap_or(0);
    let chart = chart::bars(
        &daily
            .iter()
            .map(|(label, l)| (format!("{label}: {}", money(l.revenue)), l.revenue))
            .collect::<Vec<_>>(),
        money(peak),
    );
    let chart_desc = ctx.tr.t_args(
        "analytics-chart-desc",
        &[
            (
                "days",
                crate::i18n::Arg::Num(i64::try_from(r.daily.len()).unwrap_or(0)),
            ),
            ("peak", crate::i18n::Arg::Str(&money(peak))),
            ("total", crate::i18n::Arg::Str(&money(r.revenue))),
        ],
    );
    let tables = TABLES
        .iter()
        .filter(|t| shops || t.0 != "shop")
        .map(|(id, caption, head, views)| Table {
            id,
            caption: ctx.t(caption),
            head: ctx.t(head),
            rows: table_lines(&ctx, r, id)
                .into_iter()
                .map(|(label, l)| TableRow {
                    label,
                    orders: num(l.orders),
                    units: num(l.units),
                    revenue: money(l.revenue),
                    views: num(l.views),
                    conversion: conversion(&ctx, l.orders, l.views),
                })
                .collect(),
            csv_url: csv(id),
            views: *views || (*id == "product" && r.product_views),
        })
        .collect();
    let currencies = Currency::ALL
        .iter()
        .map(|c| Choice {
            value: c.code().to_string(),
            label: c.code().to_string(),
            selected: *c == r.currency,
        })
        .collect();
    ReportPage {
        heading,
        tiles,
        chart,
        chart_title: ctx.t("analytics-chart-title"),
        chart_desc,
        tables,
        currencies,
        periods,
        action,
        views_head,
        area,
        ctx,
    }
}

/// Table `id` of `r` as CSV: key, label, orders, units, revenue (plain decimal in the report's currency), views.
pub fn csv(ctx: &PageCtx, r: &Report, id: &str) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "key", "label", "orders", "units", "revenue", "currency", "views",
    ])?;
    for (label, l) in table_lines(ctx, r, id) {
        w.write_record([
            crate::csv_cell::neutralize(&l.key).into_owned(),
            crate::csv_cell::neutralize(&label).into_owned(),
            l.orders.to_string(),
            l.units.to_string(),
            Money::new(l.revenue, r.currency).plain_decimal(),
            r.currency.code().to_string(),
            l.views.to_string(),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
