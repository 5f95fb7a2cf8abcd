//! The VAT report as a page and as CSV (see [`super::vat_report`]).

use askama::Template;
use time::Date;

use super::order_handlers::parse_date;
use super::vat_report::VatSum;
use super::views::Chrome;
use crate::geo::CountryCode;
use crate::http::page::PageCtx;
use crate::money::Money;

/// The period asked for: both days included; the current month to today when none (or an unreadable one) is
/// given.
pub struct Period {
    pub from: Date,
    pub to: Date,
    /// `orders-period-invalid` when what was typed could not be read (the default period is shown).
    pub problem: Option<&'static str>,
}

impl Period {
    pub fn read(from: &str, to: &str, today: Date) -> Self {
        let month_start = today.replace_day(1).unwrap_or(today);
        let default = |problem| Period {
            from: month_start,
            to: today,
            problem,
        };
        if from.trim().is_empty() && to.trim().is_empty() {
            return default(None);
        }
        match (parse_date(from), parse_date(to)) {
            (Some(f), Some(t)) if f <= t => Period {
                from: f,
                to: t,
                problem: None,
            },
            _ => default(Some("orders-period-invalid")),
        }
    }

    fn query(&self) -> String {
        format!("from={}&to={}", self.from, self.to)
    }
}

pub struct VatRowView {
    pub country: String,
    pub scheme: String,
    pub rate: String,
    pub orders: String,
    pub gross: String,
    pub vat: String,
}

#[derive(Template)]
#[template(path = "orders/vat.html")]
pub struct VatPage {
    pub ctx: PageCtx,
    pub area: Chrome,
    pub form_action: String,
    pub from: String,
    pub to: String,
    pub problem: Option<String>,
    pub rows: Vec<VatRowView>,
    /// VAT collected in the period, per currency ("€1,234.56").
    pub totals: Vec<String>,
    pub csv_url: String,
}

pub fn vat_page(
    ctx: PageCtx,
    area: Chrome,
    (base, period): (String, &Period),
    sums: &[VatSum],
) -> VatPage {
    let f = &ctx.tr.i18n().formatters;
    let rows = sums
        .iter()
        .map(|s| VatRowView {
            country: CountryCode::parse(&s.country)
                .map(|c| ctx.country_name(&c))
                .unwrap_or_else(|| s.country.clone()),
            scheme: ctx.t(&format!("vat-by-{}", s.remitted_by)),
            rate: crate::tax::rate_text(&ctx.tr, i64::from(s.rate_bp)),
            orders: f.number(ctx.locale, s.orders),
            gross: ctx.money(&s.gross),
            vat: ctx.money(&s.vat),
        })
        .collect();
    // One total per payer (the marketplace's is its IOSS return, a shop's its own) and currency.
    let mut totals: Vec<(&str, Money)> = Vec::new();
    for s in sums.iter().filter(|s| s.treatment == "collect") {
        match totals
            .iter_mut()
            .find(|t| t.0 == s.remitted_by && t.1.currency == s.vat.currency)
        {
            Some(t) => t.1.minor = t.1.minor.saturating_add(s.vat.minor),
            None => totals.push((&s.remitted_by, s.vat)),
        }
    }
    VatPage {
        csv_url: format!("{base}?{}&format=csv", period.query()),
        form_action: base,
        from: period.from.to_string(),
        to: period.to.to_string(),
        problem: period.problem.map(|id| ctx.t(id)),
        rows,
        totals: totals
            .iter()
            .map(|(by, m)| format!("{}: {}", ctx.t(&format!("vat-by-{by}")), ctx.money(m)))
            .collect(),
        area,
        ctx,
    }
}

/// The report as CSV: one row per destination, treatment, remitter and rate, amounts as plain decimals.
pub fn csv(period: &Period, sums: &[VatSum]) -> actix_web::HttpResponse {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "country",
        "treatment",
        "remitted_by",
        "rate_percent",
        "orders",
        "currency",
        "gross",
        "vat",
    ];
    let mut ok = w.write_record(header).is_ok();
    for s in sums {
        let rate = format!("{}.{:02}", s.rate_bp / 100, s.rate_bp % 100);
        ok &= w
            .write_record([
                s.country.as_str(),
                &s.treatment,
                &s.remitted_by,
                &rate,
                &s.orders.to_string(),
                s.vat.currency.code(),
                &s.gross.plain_decimal(),
                &s.vat.plain_decimal(),
            ])
            .is_ok();
    }
    let body = if ok {
        w.into_inner().unwrap_or_default()
    } else {
        Vec::new()
    };
    crate::http::csv_download(
        &format!("caravan-vat-{}-{}.csv", period.from, period.to),
        body,
    )
}
