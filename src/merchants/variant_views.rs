//! The variant editor page: the options form (up to three options with their values) and the variants table
//! (SKU, price in the merchant's number format, stock, weight, active, image), each with its typed values and
//! errors kept.

use askama::Template;

use super::variant_editor::Editor;
use super::variant_input::{OptionsInput, SlotInput, VariantsInput, MAX_NAME};
use crate::backoffice::merchant::{Area, MerchantChrome};
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::i18n::Locale;
use crate::money::Currency;
use crate::routes;
use crate::variants::MAX_OPTIONS;

pub struct SlotView {
    pub legend: String,
    /// The option, a new option's name, the values.
    pub fields: Vec<Field>,
}

pub struct RowView {
    pub id: i64,
    /// "Size: 39 · Colour: Red".
    pub label: String,
    /// SKU, price, stock, weight.
    pub cells: Vec<Field>,
    pub active: bool,
    pub image: Field,
}

#[derive(Template)]
#[template(path = "merchants/variants.html")]
pub struct VariantsPage {
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
    pub heading: String,
    pub back_url: String,
    pub options_action: String,
    pub variants_action: String,
    pub summary: Vec<(String, String)>,
    pub slots: Vec<SlotView>,
    pub rows: Vec<RowView>,
    /// "Set all prices", "Set all stock".
    pub bulk: Vec<Field>,
    pub currency_note: String,
}

/// The product's options as the form shows them: each option's id and its values in the page's language.
pub fn options_input(ed: &Editor, l: Locale) -> OptionsInput {
    let mut input = OptionsInput::default();
    for (slot, o) in input.slots.iter_mut().zip(&ed.options) {
        let at = usize::try_from(o.position - 1).unwrap_or(0);
        let mut used: Vec<i64> = ed
            .variants
            .iter()
            .filter_map(|v| v.values().get(at).copied())
            .collect();
        used.dedup();
        let names: Vec<String> = ed
            .texts
            .values_of(o.option_id)
            .filter(|v| used.contains(&v.id))
            .map(|v| ed.texts.value_name(v.id, l).text)
            .collect();
        *slot = SlotInput {
            option: o.option_id.to_string(),
            new_name: String::new(),
            values: names.join(", "),
        };
    }
    input
}

/// The stored variants as the table shows them, prices in `l`'s number format.
pub fn variants_input(ctx: &PageCtx, ed: &Editor, currency: Currency) -> VariantsInput {
    let f = &ctx.tr.i18n().formatters;
    VariantsInput {
        rows: ed
            .variants
            .iter()
            .map(|v| super::variant_input::RowInput {
                id: v.id,
                sku: v.sku.clone(),
                price: f.decimal(ctx.locale, v.price_minor, currency.minor_digits()),
                stock: v.stock.to_string(),
                weight: v.weight_grams.map(|w| w.to_string()).unwrap_or_default(),
                active: v.active,
                image: v.image_id.map(|i| i.to_string()).unwrap_or_default(),
            })
            .collect(),
        ..VariantsInput::default()
    }
}

fn option_choices(ctx: &PageCtx, ed: &Editor, chosen: &str) -> Vec<Choice> {
    let l = ctx.locale;
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.t("variant-option-none"),
        selected: chosen.is_empty(),
    }];
    let mut ids = ed.usable.clone();
    ids.extend(ed.options.iter().map(|o| o.option_id));
    ids.dedup();
    for o in &ed.texts.options {
        if !ids.contains(&o.id) {
            continue;
        }
        let name = ed.texts.option_name(o.id, l).text;
        out.push(Choice {
            value: o.id.to_string(),
            label: if o.merchant_id.is_some() {
                ctx.t1("variant-option-own", "name", &name)
            } else {
                name
            },
            selected: chosen == o.id.to_string(),
        });
    }
    out.push(Choice {
        value: "new".into(),
        label: ctx.t("variant-option-new"),
        selected: chosen == "new",
    });
    out
}

/// The values a slot's option offers, as a hint ("Values: 36, 37, 38 …").
fn values_hint(ctx: &PageCtx, ed: &Editor, chosen: &str) -> Option<String> {
    let id: i64 = chosen.parse().ok()?;
    let names: Vec<String> = ed
        .texts
        .values_of(id)
        .map(|v| ed.texts.value_name(v.id, ctx.locale).text)
        .collect();
    (!names.is_empty()).then(|| ctx.t1("variant-values-hint", "values", &names.join(", ")))
}

fn slots(ctx: &PageCtx, ed: &Editor, input: &OptionsInput, e: &FormErrors) -> Vec<SlotView> {
    (1..=MAX_OPTIONS)
        .zip(&input.slots)
        .map(|(n, s)| {
            let label = |id: &str| ctx.t1(id, "n", &n.to_string());
            let mut values = Field::new(ctx, &format!("values{n}"), "text", &s.values, e)
                .label(label("variant-values-label"))
                .max(MAX_NAME * 40)
                .optional();
            if let Some(hint) = values_hint(ctx, ed, &s.option) {
                values = values.hint(hint);
            }
            SlotView {
                legend: ctx.t1("variant-slot-legend", "n", &n.to_string()),
                fields: vec![
                    Field::new(ctx, &format!("option{n}"), "select", &s.option, e)
                        .label(label("variant-option-label"))
                        .options(option_choices(ctx, ed, s.option.trim()))
                        .optional(),
                    Field::new(ctx, &format!("new_name{n}"), "text", &s.new_name, e)
                        .label(label("variant-new-name-label"))
                        .max(MAX_NAME)
                        .optional(),
                    values,
                ],
            }
        })
        .collect()
}

fn rows(ctx: &PageCtx, ed: &Editor, input: &VariantsInput, e: &FormErrors) -> Vec<RowView> {
    let tr = &ctx.tr;
    input
        .rows
        .iter()
        .filter_map(|r| {
            let v = ed.variants.iter().find(|v| v.id == r.id)?;
            let label = ed.texts.label(&ed.options, v, tr);
            let label = if label.is_empty() {
                ctx.t("variant-default")
            } else {
                label
            };
            let field = |name: &str, value: &str, id: &str| {
                Field::new(ctx, &format!("{name}-{}", r.id), "text", value, e)
                    .label(ctx.t1(id, "variant", &label))
            };
            let mut images = vec![Choice {
                value: String::new(),
                label: ctx.t("variant-image-product"),
                selected: r.image.is_empty(),
            }];
            images.extend(ed.images.iter().map(|i| Choice {
                value: i.id.to_string(),
                label: ctx.t1("variant-image-n", "n", &(i.position + 1).to_string()),
                selected: r.image == i.id.to_string(),
            }));
            Some(RowView {
                id: r.id,
                cells: vec![
                    field("sku", &r.sku, "variant-col-sku-of").max(64),
                    field("price", &r.price, "variant-col-price-of").max(24),
                    field("stock", &r.stock, "variant-col-stock-of").max(9),
                    field("weight", &r.weight, "variant-col-weight-of")
                        .max(9)
                        .optional(),
                ],
                active: r.active,
                image: field("image", &r.image, "variant-col-image-of")
                    .options(images)
                    .optional(),
                label,
            })
        })
        .collect()
}

/// The editor page with the options form and the table as typed (or as stored), and the errors of either.
pub fn page(
    area: Area,
    ed: &Editor,
    options: &OptionsInput,
    table: &VariantsInput,
    errors: &FormErrors,
) -> VariantsPage {
    let Area { ctx, chrome, shop } = area;
    let l = ctx.locale;
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let id = ed.product.id;
    VariantsPage {
        heading: ctx.t1("variant-editor-title", "title", &ed.title),
        back_url: routes::merchant_product(l, id, "edit"),
        options_action: routes::merchant_product(l, id, "variants/options"),
        variants_action: routes::merchant_product(l, id, "variants"),
        summary: summary(&ctx, errors),
        slots: slots(&ctx, ed, options, errors),
        rows: rows(&ctx, ed, table, errors),
        bulk: vec![
            Field::new(&ctx, "all_price", "text", &table.all_price, errors)
                .label(ctx.t("variant-all-price"))
                .max(24)
                .optional(),
            Field::new(&ctx, "all_stock", "text", &table.all_stock, errors)
                .label(ctx.t("variant-all-stock"))
                .max(9)
                .optional(),
        ],
        currency_note: ctx.t1("variant-currency-note", "currency", currency.code()),
        ctx,
        chrome,
    }
}
