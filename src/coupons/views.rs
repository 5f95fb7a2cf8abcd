//! The coupon pages (staff and merchants: the list of codes and the form), the CSV of a batch, and the words a
//! shopper reads when a code does not apply.

use askama::Template;

use super::form::CouponForm;
use super::model::{CouponRow, Refusal};
use crate::backoffice::merchant::MerchantChrome;
use crate::backoffice::staff::StaffChrome;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::money::{Currency, Money};

/// Why the code does not apply, for the shopper.
pub fn refusal(ctx: &PageCtx, r: Refusal) -> String {
    match r {
        Refusal::BelowMinimum(min) => ctx.t1("coupon-below-minimum", "amount", &ctx.money(&min)),
        other => ctx.t(other.message_id()),
    }
}

pub enum Chrome {
    Staff(StaffChrome),
    Merchant(MerchantChrome),
}

/// One code, or one batch (its first code stands for it), in the list.
pub struct Line {
    pub id: i64,
    pub code: String,
    pub discount: String,
    pub min_spend: Option<String>,
    pub window: String,
    pub markets: String,
    pub uses: String,
    pub active: bool,
    pub toggle_url: String,
    pub csv_url: Option<String>,
}

#[derive(Template)]
#[template(path = "coupons/page.html")]
pub struct CouponsPage {
    pub ctx: PageCtx,
    pub area: Chrome,
    pub lines: Vec<Line>,
    pub fields: Vec<Field>,
    pub markets: Vec<Choice>,
    pub action: String,
    pub summary: Vec<(String, String)>,
}

/// The area's coupons URL (`/{l}/staff/coupons` or `/{l}/merchant/coupons`) and what follows.
pub fn url(ctx: &PageCtx, staff: bool, rest: &str) -> String {
    crate::routes::coupons(ctx.locale, staff, rest)
}

fn discount(ctx: &PageCtx, c: &CouponRow) -> String {
    match c.kind.as_str() {
        "amount" => format!("−{}", ctx.money(&Money::new(c.amount_minor, c.currency()))),
        _ => ctx.t1("promo-discount", "percent", &c.percent.to_string()),
    }
}

/// The list: single codes one per line, each batch once with its size and a CSV link.
pub fn lines(ctx: &PageCtx, staff: bool, rows: &[CouponRow], zone: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for c in rows {
        let in_batch: Vec<&CouponRow> = if c.batch.is_empty() {
            vec![c]
        } else if seen.contains(&c.batch.as_str()) {
            continue;
        } else {
            seen.push(&c.batch);
            rows.iter().filter(|x| x.batch == c.batch).collect()
        };
        let used: i64 = in_batch.iter().map(|x| i64::from(x.used)).sum();
        let uses = match (c.max_uses, in_batch.len()) {
            (Some(m), 1) => format!("{used} / {m}"),
            (_, 1) => used.to_string(),
            (_, n) => ctx.t_count("coupon-batch-uses", &(n as i64)) + &format!(" · {used}"),
        };
        let show = |t| crate::campaigns::schedule::show(&ctx.tr, t, zone);
        out.push(Line {
            id: c.id,
            code: if c.batch.is_empty() {
                c.code.clone()
            } else {
                c.batch.clone()
            },
            discount: discount(ctx, c),
            min_spend: (c.min_spend_minor > 0)
                .then(|| ctx.money(&Money::new(c.min_spend_minor, c.currency()))),
            window: format!("{} → {}", show(c.starts_at), show(c.ends_at)),
            markets: c
                .market_list()
                .iter()
                .map(|m| ctx.country_name(m))
                .collect::<Vec<_>>()
                .join(", "),
            uses,
            active: c.active,
            toggle_url: crate::routes::coupon_action(ctx.locale, staff, c.id, "active"),
            csv_url: (!c.batch.is_empty())
                .then(|| crate::routes::coupon_batch_csv(ctx.locale, staff, &c.batch)),
        });
    }
    out
}

/// The form fields, with what was typed and the errors; `currency` is fixed for a shop.
pub fn fields(
    ctx: &PageCtx,
    f: &CouponForm,
    e: &FormErrors,
    shop_currency: Option<Currency>,
) -> Vec<Field> {
    let choice = |v: &str, label: String, selected: bool| Choice {
        value: v.to_string(),
        label,
        selected,
    };
    let mut v = vec![
        Field::new(ctx, "code", "text", &f.code, e)
            .label(ctx.t("coupon-field-code"))
            .hint(ctx.t("coupon-field-code-hint"))
            .max(32)
            .optional(),
        Field::new(ctx, "count", "number", &f.count, e)
            .label(ctx.t("coupon-field-count"))
            .hint(ctx.t("coupon-field-count-hint"))
            .max(4),
        Field::new(ctx, "kind", "select", &f.kind, e)
            .label(ctx.t("coupon-field-kind"))
            .options(vec![
                choice("percent", ctx.t("coupon-kind-percent"), f.kind == "percent"),
                choice("amount", ctx.t("coupon-kind-amount"), f.kind == "amount"),
            ]),
        Field::new(ctx, "value", "text", &f.value, e)
            .label(ctx.t("coupon-field-value"))
            .hint(ctx.t("coupon-field-value-hint"))
            .max(16),
    ];
    if shop_currency.is_none() {
        v.push(
            Field::new(ctx, "currency", "select", &f.currency, e)
                .label(ctx.t("coupon-field-currency"))
                .options(
                    Currency::ALL
                        .iter()
                        .map(|c| choice(c.code(), c.code().to_string(), f.currency == c.code()))
                        .collect(),
                ),
        );
    }
    v.extend([
        Field::new(ctx, "min_spend", "text", &f.min_spend, e)
            .label(ctx.t("coupon-field-min-spend"))
            .hint(ctx.t("coupon-field-min-spend-hint"))
            .max(16)
            .optional(),
        Field::new(ctx, "starts", "datetime-local", &f.starts, e)
            .label(ctx.t("promo-field-starts"))
            .max(16),
        Field::new(ctx, "ends", "datetime-local", &f.ends, e)
            .label(ctx.t("promo-field-ends"))
            .max(16),
        Field::new(ctx, "max_uses", "number", &f.max_uses, e)
            .label(ctx.t("coupon-field-max-uses"))
            .hint(ctx.t("coupon-field-limit-hint"))
            .max(7)
            .optional(),
        Field::new(ctx, "per_account", "number", &f.per_account, e)
            .label(ctx.t("coupon-field-per-account"))
            .hint(ctx.t("coupon-field-limit-hint"))
            .max(7)
            .optional(),
    ]);
    v
}

pub fn page(
    ctx: PageCtx,
    area: Chrome,
    lines: Vec<Line>,
    f: &CouponForm,
    e: &FormErrors,
    shop_currency: Option<Currency>,
) -> CouponsPage {
    let staff = matches!(area, Chrome::Staff(_));
    CouponsPage {
        fields: fields(&ctx, f, e, shop_currency),
        markets: crate::geo::SHIP_TO
            .iter()
            .map(|m| Choice {
                value: m.as_str().to_string(),
                label: ctx.country_name(m),
                selected: f.markets.iter().any(|x| x == m.as_str()),
            })
            .collect(),
        action: url(&ctx, staff, ""),
        summary: summary(&ctx, e),
        area,
        lines,
        ctx,
    }
}

/// A batch as CSV: one row per code with its terms and uses.
pub fn batch_csv(rows: &[CouponRow]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "code",
        "kind",
        "percent",
        "amount",
        "currency",
        "min_spend",
        "starts_at_utc",
        "ends_at_utc",
        "max_uses",
        "per_account",
        "used",
        "active",
    ])?;
    for c in rows {
        let money = |m: i64| Money::new(m, c.currency()).plain_decimal();
        w.write_record([
            crate::csv_cell::neutralize(&c.code).into_owned(),
            c.kind.clone(),
            c.percent.to_string(),
            money(c.amount_minor),
            c.currency.clone(),
            money(c.min_spend_minor),
            c.starts_at.to_string(),
            c.ends_at.to_string(),
            c.max_uses.map(|m| m.to_string()).unwrap_or_default(),
            c.per_account.map(|m| m.to_string()).unwrap_or_default(),
            c.used.to_string(),
            c.active.to_string(),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
