//! The merchant's pages for campaigns open to merchants: the list of open campaigns (on `/merchant/promos`) and
//! one campaign's join page with a product search.

use askama::Template;
use time::PrimitiveDateTime;

use super::participation::{Joining, Open, Refusal};
use crate::backoffice::merchant::MerchantChrome;
use crate::campaigns::tiles::{discount_label, when_line};
use crate::http::forms::{Field, FormErrors};
use crate::http::page::PageCtx;
use crate::i18n::Locale;
use crate::ids::PromoId;
use crate::money::{Currency, Money};

/// `/{l}/merchant/promos/{id}`, and its actions.
pub fn url(l: Locale, id: PromoId, action: &str) -> String {
    crate::routes::merchant(l, &format!("/promos/{id}{action}"))
}

/// An open campaign in the merchant's list.
pub struct OpenLine {
    pub title: String,
    pub url: String,
    pub when: String,
    pub minimum: String,
    /// "3 products joined" or nothing.
    pub joined: Option<String>,
}

fn title_of(open: &Open, l: Locale) -> String {
    super::repo::pick(&open.texts, l).map_or_else(|| open.promo.name.clone(), |t| t.title.clone())
}

pub fn open_lines(
    ctx: &PageCtx,
    zone: &str,
    open: &[Open],
    at: PrimitiveDateTime,
) -> Vec<OpenLine> {
    open.iter()
        .map(|o| OpenLine {
            title: title_of(o, ctx.locale),
            url: url(ctx.locale, o.promo.id, ""),
            when: when_line(&ctx.tr, &o.promo, at, zone),
            minimum: ctx.t1(
                "join-minimum",
                "discount",
                &discount_label(&ctx.tr, o.promo.discount_percent),
            ),
            joined: (!o.joined.is_empty())
                .then(|| ctx.t_count("join-joined-count", &(o.joined.len() as i64))),
        })
        .collect()
}

/// A product row on the join page: id, title, SKU, price, joined percent, checked.
pub struct JoinRow {
    pub id: i64,
    pub title: String,
    pub sku: String,
    pub price: String,
    pub joined: Option<String>,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "promos/merchant_join.html")]
pub struct JoinPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub title: String,
    pub when: String,
    pub minimum: String,
    pub q: String,
    pub rows: Vec<JoinRow>,
    pub more: bool,
    pub percent: Field,
    pub join_url: String,
    pub leave_url: Option<String>,
    pub problem: Option<String>,
}

/// What the merchant typed on the join form (kept when it is refused).
#[derive(Default)]
pub struct Typed {
    pub percent: Option<String>,
    pub products: Vec<i64>,
}

impl Typed {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        Typed {
            percent: Some(
                pairs
                    .iter()
                    .find(|(k, _)| k == "percent")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            ),
            products: pairs
                .iter()
                .filter(|(k, _)| k == "product")
                .filter_map(|(_, v)| v.parse().ok())
                .collect(),
        }
    }
}

pub fn join_page(
    ctx: PageCtx,
    chrome: MerchantChrome,
    j: Joining,
    q: String,
    typed: Typed,
    refusal: Option<Refusal>,
    at: PrimitiveDateTime,
) -> JoinPage {
    let (l, promo) = (ctx.locale, &j.open.promo);
    let current = j.open.joined.first().map(|x| x.1);
    let value = typed
        .percent
        .clone()
        .unwrap_or_else(|| current.unwrap_or(promo.discount_percent).to_string());
    let mut errors = FormErrors::default();
    if refusal == Some(Refusal::Percent) {
        errors.add("percent", Refusal::Percent.message_id());
    }
    let percent = Field::new(&ctx, "percent", "number", &value, &errors)
        .label(ctx.t("join-percent"))
        .hint(ctx.t1(
            "join-minimum",
            "discount",
            &discount_label(&ctx.tr, promo.discount_percent),
        ))
        .max(2);
    let rows = j
        .products
        .iter()
        .map(|(p, title, joined)| JoinRow {
            id: p.id,
            title: title.clone(),
            sku: p.sku.clone(),
            price: ctx.money(&Money::new(
                p.price_minor,
                Currency::parse(&p.currency).unwrap_or(Currency::BASE),
            )),
            joined: joined.map(|x| discount_label(&ctx.tr, x)),
            checked: if typed.percent.is_some() {
                typed.products.contains(&p.id)
            } else {
                joined.is_some()
            },
        })
        .collect();
    JoinPage {
        title: title_of(&j.open, l),
        when: when_line(&ctx.tr, promo, at, chrome.zone),
        minimum: ctx.t1(
            "join-minimum",
            "discount",
            &discount_label(&ctx.tr, promo.discount_percent),
        ),
        q,
        rows,
        more: j.more,
        percent,
        join_url: url(l, promo.id, "/join"),
        leave_url: (!j.open.joined.is_empty() && promo.starts_at > at)
            .then(|| url(l, promo.id, "/leave")),
        problem: refusal
            .filter(|r| *r != Refusal::Percent)
            .map(|r| ctx.t(r.message_id())),
        chrome,
        ctx,
    }
}
