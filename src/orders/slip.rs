//! The packing slip a shop prints for an order: sender, recipient, and the contents with the fields of a CN 22 /
//! CN 23 customs declaration (description, quantity, net weight, value, HS code, country of origin), saying what
//! is missing from the products' customs data.

use askama::Template;

use super::manage::{self, Viewer};
use super::views::Chrome;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::http::page::PageCtx;
use crate::money::{Currency, Money};

/// An order with what its products are for customs, and the shop that sends it.
pub struct SlipData {
    pub order: super::order_views::Loaded,
    pub facts: Vec<crate::catalogue::customs::ShippingFacts>,
    pub sender: crate::shops::model::MerchantRow,
}

/// The shop's own order `number` (404 for another shop's) with its products' shipping facts.
pub fn load(conn: &mut DbConnection, shop: i64, number: &str) -> AppResult<SlipData> {
    let order = manage::load(conn, Viewer::Merchant(shop), number)?;
    let ids: Vec<i64> = order.lines.iter().map(|l| l.product_id).collect();
    let facts = crate::catalogue::customs::shipping_facts(conn, &ids)?;
    let sender = crate::shops::repo::by_ids(conn, &[shop])?
        .into_iter()
        .next()
        .ok_or_else(AppError::not_found)?;
    Ok(SlipData {
        order,
        facts,
        sender,
    })
}

pub struct SlipLine {
    pub description: String,
    pub quantity: i32,
    pub weight: String,
    pub value: String,
    pub hs_code: String,
    pub origin: String,
}

#[derive(Template)]
#[template(path = "orders/slip.html")]
pub struct SlipPage {
    pub ctx: PageCtx,
    pub area: Chrome,
    pub number: String,
    pub back_url: String,
    pub sender: Vec<String>,
    pub recipient: Vec<String>,
    pub lines: Vec<SlipLine>,
    pub total_weight: String,
    pub total_value: String,
    pub postage: String,
    pub tracking: String,
    pub date: String,
    /// Products missing an HS code, a customs description or a weight (their titles).
    pub missing: Vec<String>,
}

fn kilos(ctx: &PageCtx, grams: i64) -> String {
    ctx.t1(
        "slip-kg",
        "kg",
        &ctx.tr.i18n().formatters.decimal(ctx.locale, grams, 3),
    )
}

pub fn page(ctx: PageCtx, area: Chrome, back_url: String, d: SlipData) -> SlipPage {
    let SlipData {
        order,
        facts,
        sender,
    } = d;
    let o = &order.order;
    let cur = Currency::parse(&o.merchant_currency).unwrap_or(Currency::BASE);
    let country = |c: &str| {
        CountryCode::parse(c)
            .map(|cc| ctx.country_name(&cc))
            .unwrap_or_else(|| c.to_string())
    };
    let (mut grams, mut missing, mut lines) = (0i64, Vec::new(), Vec::new());
    for l in &order.lines {
        let fact = facts.iter().find(|f| f.0 == l.product_id);
        let customs = fact.and_then(|f| f.3.as_ref());
        let weight = fact
            .and_then(|f| f.1)
            .map(|w| i64::from(w).saturating_mul(i64::from(l.quantity)));
        grams = grams.saturating_add(weight.unwrap_or(0));
        let hs = customs.map_or(String::new(), |c| c.hs_code.clone());
        let description = customs.map_or(String::new(), |c| c.description.clone());
        if hs.is_empty() || description.is_empty() || weight.is_none() {
            missing.push(l.title.clone());
        }
        lines.push(SlipLine {
            description: if description.is_empty() {
                l.title.clone()
            } else {
                description
            },
            quantity: l.quantity,
            weight: weight.map_or_else(String::new, |g| kilos(&ctx, g)),
            value: ctx.money(&Money::new(l.line_minor, cur)),
            hs_code: crate::catalogue::customs::display_hs(&hs),
            origin: fact.map_or_else(String::new, |f| country(&f.2)),
        });
    }
    let sender_lines = [
        sender.legal_name.clone(),
        sender.name.clone(),
        sender.address.clone(),
        sender.city.clone(),
        country(&sender.country),
        sender.tax_id.clone(),
    ];
    let recipient = [
        o.ship_name.clone(),
        o.ship_line1.clone(),
        o.ship_line2.clone(),
        format!("{} {}", o.ship_postal_code, o.ship_city),
        country(&o.ship_country),
        o.ship_phone.clone(),
    ];
    let keep = |v: [String; 6]| v.into_iter().filter(|s| !s.trim().is_empty()).collect();
    SlipPage {
        number: o.number.clone(),
        back_url,
        sender: keep(sender_lines),
        recipient: keep(recipient),
        total_weight: kilos(&ctx, grams),
        total_value: ctx.money(&Money::new(o.merchant_subtotal_minor, cur)),
        postage: ctx.money(&Money::new(o.merchant_shipping_minor, cur)),
        tracking: o.tracking_number.clone(),
        date: ctx
            .tr
            .i18n()
            .formatters
            .date(ctx.locale, o.created_at.date()),
        lines,
        missing,
        area,
        ctx,
    }
}
