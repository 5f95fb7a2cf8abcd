//! Page structs of the merchant area (dashboard, profile, shipping, products, translations, import).

use askama::Template;

use crate::routes;

use crate::backoffice::merchant::{MerchantChrome, Paging};

use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};

#[derive(Template)]
#[template(path = "merchants/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    /// (label, value, link).
    pub tiles: Vec<(String, String, String)>,
    /// (language, "n of m", percent, link to the missing ones).
    pub coverage: Vec<(String, String, i64, String)>,
    /// Things still to do, each with a link.
    pub todo: Vec<(String, String)>,
    pub shop_url: String,
}

#[derive(Template)]
#[template(path = "merchants/profile.html")]
pub struct ProfilePage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub fields: Vec<Field>,
    pub descriptions: Vec<Field>,
    pub summary: Vec<(String, String)>,
    pub logo_url: Option<String>,
    pub logo_error: Option<String>,
    pub currency_note: String,
}

pub struct ShipRow {
    pub code: String,
    pub label: String,
    /// For a zone, the countries it covers ("" for a country).
    pub covers: String,
    pub enabled: bool,
    /// Rate, fastest and slowest delivery days.
    pub fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "merchants/shipping.html")]
pub struct ShippingPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub rows: Vec<ShipRow>,
    /// Business days the shop takes to hand a parcel over (one field).
    pub handling: Vec<Field>,
    /// Whether the shop's prices include its home VAT.
    pub include_vat: bool,
    pub summary: Vec<(String, String)>,
    pub currency_note: String,
}

/// A product in the merchant's lists.
pub struct ProductLine {
    pub id: i64,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub sku: String,
    pub status: String,
    pub status_label: String,
    pub stock: String,
    pub price: String,
    pub thumb: Option<String>,
    pub edit_url: String,
    /// (code, language name, present).
    pub langs: Vec<(&'static str, &'static str, bool)>,
}

#[derive(Template)]
#[template(path = "merchants/products.html")]
pub struct ProductsPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub q: String,
    pub statuses: Vec<Choice>,
    pub sorts: Vec<Choice>,
    pub lines: Vec<ProductLine>,
    pub total: String,
    pub paging: Paging,
    pub new_url: String,
}

pub struct LangSection {
    pub code: &'static str,
    pub name: &'static str,
    pub fields: Vec<Field>,
}

pub struct ImageLine {
    pub id: i64,
    pub url: String,
    /// (language code, label, value) of the alt text per language.
    pub alt_fields: Vec<(&'static str, String, String)>,
    pub first: bool,
    pub last: bool,
    pub move_url: String,
    pub alt_url: String,
    pub delete_url: String,
}

#[derive(Template)]
#[template(path = "merchants/product_form.html")]
pub struct ProductFormPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub heading: String,
    pub action: String,
    pub fields: Vec<Field>,
    pub languages: Vec<LangSection>,
    pub summary: Vec<(String, String)>,
    /// Present when editing a stored product.
    pub product: Option<ProductExtras>,
}

/// What only a stored product's page has: images and the other actions.
pub struct ProductExtras {
    pub id: i64,
    /// Sold in variants: price and stock are set per variant, the form's are their summary.
    pub has_variants: bool,
    pub public_url: Option<String>,
    pub images: Vec<ImageLine>,
    pub upload_url: String,
    pub can_upload: bool,
    pub image_slots: String,
    pub upload_errors: Vec<String>,
    pub duplicate_url: String,
    pub status_url: String,
    pub delete_url: String,
    pub archived: bool,
}

#[derive(Template)]
#[template(path = "merchants/translations.html")]
pub struct CoveragePage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub filters: Vec<Choice>,
    pub langs: Vec<(&'static str, &'static str)>,
    pub lines: Vec<ProductLine>,
    pub total: String,
    pub paging: Paging,
}

pub struct ImportProblem {
    pub line: String,
    pub column: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "merchants/import.html")]
pub struct ImportPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub export_url: String,
    pub columns: String,
    /// (category path, key) of every category a product can be filed in.
    pub categories: Vec<(String, String)>,
    pub file_problem: Option<String>,
    pub problems: Vec<ImportProblem>,
    pub problems_label: Option<String>,
    /// "12 new, 3 updated" after a clean check, with the token to apply it.
    pub ready: Option<(String, String)>,
}

fn percent(n: i64, of: i64) -> i64 {
    if of <= 0 {
        0
    } else {
        n * 100 / of
    }
}

impl DashboardPage {
    /// The shop's figures as tiles with links, translation coverage per language, and what is left to set up.
    pub fn new(
        ctx: PageCtx,
        chrome: MerchantChrome,
        shop: &crate::shops::model::MerchantRow,
        o: &crate::shops::shop::Overview,
        has_shipping: bool,
    ) -> Self {
        let l = ctx.locale;
        let n = |v: i64| ctx.tr.i18n().formatters.number(l, v);
        let products = routes::merchant(l, "/products");
        let tiles = vec![
            (
                ctx.t("merchant-tile-open-orders"),
                n(o.open_orders),
                routes::merchant(l, "/orders"),
            ),
            (
                ctx.t("merchant-tile-live"),
                n(o.live),
                format!("{products}?status=active"),
            ),
            (
                ctx.t("merchant-tile-draft"),
                n(o.draft),
                format!("{products}?status=draft"),
            ),
            (
                ctx.t("merchant-tile-out-of-stock"),
                n(o.out_of_stock),
                format!("{products}?status=active&sort=stock_asc"),
            ),
            (
                ctx.t("merchant-tile-archived"),
                n(o.archived),
                format!("{products}?status=archived"),
            ),
        ];
        let size = o.catalogue_size();
        let coverage = o
            .translated
            .iter()
            .map(|(loc, done)| {
                (
                    loc.autonym().to_string(),
                    ctx.tr.t_args(
                        "merchant-coverage-count",
                        &[
                            ("done", crate::i18n::Arg::Str(&n(*done))),
                            ("total", crate::i18n::Arg::Str(&n(size))),
                        ],
                    ),
                    percent(*done, size),
                    format!(
                        "{}{}",
                        routes::merchant(l, "/translations"),
                        routes::query(&[("missing", loc.code().to_string())])
                    ),
                )
            })
            .collect();
        let mut todo = Vec::new();
        if !has_shipping {
            todo.push((
                ctx.t("merchant-todo-shipping"),
                routes::merchant(l, "/shipping"),
            ));
        }
        if size == 0 {
            todo.push((
                ctx.t("merchant-todo-product"),
                routes::merchant(l, "/products/new"),
            ));
        }
        if shop.logo_path.is_empty() {
            todo.push((ctx.t("merchant-todo-logo"), routes::merchant(l, "/profile")));
        }
        DashboardPage {
            tiles,
            coverage,
            todo,
            shop_url: routes::shop(l, &shop.slug),
            chrome,
            ctx,
        }
    }
}

#[derive(Template)]
#[template(path = "merchants/options.html")]
pub struct OptionsPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub lines: Vec<crate::backoffice::option_sheet::OptionLine>,
}

#[derive(Template)]
#[template(path = "merchants/option_edit.html")]
pub struct OptionEditPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub back_url: String,
    pub sheet: crate::backoffice::option_sheet::SheetView,
}

/// One ledger transaction on the shop's statement.
pub struct StatementRow {
    pub when: String,
    pub what: String,
    pub order: String,
    pub order_url: Option<String>,
    pub to_shop: String,
    pub commission: String,
}

#[derive(Template)]
#[template(path = "merchants/payouts.html")]
pub struct PayoutsPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub pending: String,
    pub available: String,
    /// Batched for a payout the bank has not confirmed yet.
    pub in_payout: Option<String>,
    pub paid_out: String,
    pub rows: Vec<StatementRow>,
    /// The statement form as typed, with a message per field when it was refused.
    pub from: String,
    pub to: String,
    pub from_error: Option<String>,
    pub to_error: Option<String>,
    /// Where the shop is paid: the saved account (masked, and when it changed), and its form.
    pub bank_saved: Option<(String, String)>,
    pub bank_fields: Vec<crate::http::forms::Field>,
    pub summary: Vec<(String, String)>,
}
