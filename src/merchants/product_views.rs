//! The merchant's product pages: the list, the product form with its category choices, and the edit page's
//! images and actions.

use super::area_views::{
    ImageLine, LangSection, ProductExtras, ProductFormPage, ProductLine, ProductsPage,
};
use super::own_products::{self, ListFilter, ListSort};
use super::product_input::{self, ProductInput};
use crate::backoffice::merchant::{self as area, Area, MerchantChrome};
use crate::catalogue::model::{ImageAlt, ImageRow, ProductRow, ProductStatus, ProductTranslation};
use crate::categories::tree::CategoryTree;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::i18n::Locale;
use crate::media::MAX_PRODUCT_IMAGES;
use crate::money::{Currency, Money};
use crate::routes;

/// What the edit page's extras are built from: the product, its images with alt texts, its translations.
pub type ExtrasData = (
    ProductRow,
    Vec<(ImageRow, Vec<ImageAlt>)>,
    Vec<ProductTranslation>,
    bool,
);

fn status_label(ctx: &PageCtx, status: &str) -> String {
    ctx.t(&format!("product-status-{status}"))
}

/// A product row for the merchant's lists (title in the page language, else the original).
pub fn product_line(ctx: &PageCtx, p: &own_products::ListedProduct) -> ProductLine {
    let l = ctx.locale;
    let original = Locale::parse(&p.row.original_lang).unwrap_or(Locale::FALLBACK);
    let pick = p
        .texts
        .iter()
        .find(|t| t.locale == l.code())
        .or_else(|| p.texts.iter().find(|t| t.locale == original.code()))
        .or_else(|| p.texts.first());
    let (title, title_lang) = match pick {
        Some(t) => {
            let tl = Locale::parse(&t.locale).unwrap_or(l);
            (t.title.clone(), (tl != l).then(|| tl.code()))
        }
        None => (p.row.sku.clone(), None),
    };
    let currency = Currency::parse(&p.row.currency).unwrap_or(Currency::BASE);
    ProductLine {
        id: p.row.id,
        title,
        title_lang,
        sku: p.row.sku.clone(),
        status_label: status_label(ctx, p.row.status.as_str()),
        status: p.row.status.to_string(),
        stock: ctx.tr.i18n().formatters.number(l, i64::from(p.row.stock)),
        price: ctx.money(&Money::new(p.row.price_minor, currency)),
        thumb: p.thumb.as_deref().map(routes::media),
        edit_url: routes::merchant_product(l, p.row.id, "edit"),
        langs: Locale::ALL
            .iter()
            .map(|x| {
                (
                    x.code(),
                    x.autonym(),
                    p.texts.iter().any(|t| t.locale == x.code()),
                )
            })
            .collect(),
    }
}

/// The product list with its filters (status and sort as typed kept in the paging links).
pub fn products_page(
    ctx: PageCtx,
    chrome: MerchantChrome,
    filter: ListFilter,
    typed: [String; 2],
    rows: &[own_products::ListedProduct],
    total: i64,
) -> ProductsPage {
    let lines = rows.iter().map(|p| product_line(&ctx, p)).collect();
    let mut statuses = vec![Choice {
        value: String::new(),
        label: ctx.t("merchant-filter-all"),
        selected: filter.status.is_none(),
    }];
    statuses.extend(["active", "draft", "archived"].iter().map(|s| Choice {
        value: (*s).to_string(),
        label: status_label(&ctx, s),
        selected: filter.status.map(|x| x.as_str()) == Some(*s),
    }));
    let sorts = ListSort::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_string(),
            label: ctx.t(&format!("merchant-sort-{}", s.as_str().replace('_', "-"))),
            selected: *s == filter.sort,
        })
        .collect();
    let base = routes::merchant(ctx.locale, "/products");
    let paging = area::paging(
        &ctx,
        &base,
        &[
            ("q", filter.q.clone()),
            ("status", typed[0].clone()),
            ("sort", typed[1].clone()),
        ],
        filter.page,
        total,
        own_products::LIST_PAGE_SIZE,
    );
    ProductsPage {
        q: filter.q,
        statuses,
        sorts,
        lines,
        total: ctx.t_count("merchant-products-count", &total),
        paging,
        new_url: routes::merchant(ctx.locale, "/products/new"),
        chrome,
        ctx,
    }
}

fn category_choices(ctx: &PageCtx, tree: &CategoryTree, selected: &str) -> Vec<Choice> {
    let l = ctx.locale;
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.t("product-category-choose"),
        selected: selected.is_empty(),
    }];
    let mut leaves: Vec<(String, i64)> = product_input::leaf_categories(tree)
        .into_iter()
        .map(|id| {
            let label = tree
                .path(id)
                .iter()
                .map(|n| n.name(l))
                .collect::<Vec<_>>()
                .join(" › ");
            (label, id)
        })
        .collect();
    leaves.sort();
    out.extend(leaves.into_iter().map(|(label, id)| Choice {
        value: id.to_string(),
        selected: selected == id.to_string(),
        label,
    }));
    out
}

pub struct FormData {
    pub tree: CategoryTree,
    pub extras: Option<ProductExtras>,
}

pub fn form_page(
    area: Area,
    data: FormData,
    heading: String,
    action: String,
    input: &ProductInput,
    errors: &FormErrors,
) -> ProductFormPage {
    let Area { shop, ctx, chrome } = area;
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let example = ctx
        .tr
        .i18n()
        .formatters
        .decimal(ctx.locale, 129_950, currency.minor_digits());
    let status_choices = ["draft", "active", "archived"]
        .iter()
        .map(|s| Choice {
            value: (*s).to_string(),
            label: status_label(&ctx, s),
            selected: input.status == *s,
        })
        .collect();
    let langs = Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: l.code() == input.original_lang,
        })
        .collect();
    let customs = input.customs.clone().unwrap_or_default();
    let fields =
        vec![
            Field::new(&ctx, "sku", "text", &input.sku, errors)
                .max(product_input::MAX_SKU)
                .hint(ctx.t("product-sku-hint")),
            Field::new(&ctx, "category", "select", &input.category, errors)
                .options(category_choices(&ctx, &data.tree, &input.category)),
            Field::new(&ctx, "price", "text", &input.price, errors)
                .label(ctx.t1("product-price-in", "currency", currency.code()))
                .hint(ctx.t1("product-price-hint", "example", &example))
                .max(24),
            Field::new(&ctx, "stock", "text", &input.stock, errors).max(8),
            Field::new(&ctx, "weight", "text", &input.weight, errors)
                .label(ctx.t("product-weight-grams"))
                .max(8)
                .optional(),
            Field::new(&ctx, "hs_code", "text", &customs.0, errors)
                .label(ctx.t("product-hs-code"))
                .hint(ctx.t("product-hs-hint"))
                .max(16)
                .optional(),
            Field::new(&ctx, "customs_description", "text", &customs.1, errors)
                .label(ctx.t("product-customs-description"))
                .hint(ctx.t("product-customs-hint"))
                .max(crate::catalogue::customs::MAX_DESCRIPTION)
                .optional(),
            Field::new(&ctx, "status", "select", &input.status, errors).options(status_choices),
            Field::new(
                &ctx,
                "original_lang",
                "select",
                &input.original_lang,
                errors,
            )
            .label(ctx.t("field-original-lang"))
            .hint(ctx.t("product-original-hint"))
            .options(langs),
        ];
    let languages = Locale::ALL
        .iter()
        .map(|l| {
            let t = input.text(*l);
            let c = l.code();
            let is_original = c == input.original_lang;
            let mk = |f: Field| if is_original { f } else { f.optional() };
            LangSection {
                code: c,
                name: l.autonym(),
                fields: vec![
                    mk(
                        Field::new(&ctx, &format!("title_{c}"), "text", &t.title, errors)
                            .label(ctx.t("product-title"))
                            .max(product_input::MAX_TITLE)
                            .lang(c),
                    ),
                    Field::new(
                        &ctx,
                        &format!("description_{c}"),
                        "textarea",
                        &t.description,
                        errors,
                    )
                    .label(ctx.t("product-description-field"))
                    .max(product_input::MAX_DESCRIPTION)
                    .lang(c)
                    .optional(),
                    Field::new(&ctx, &format!("slug_{c}"), "text", &t.slug, errors)
                        .label(ctx.t("product-slug"))
                        .hint(ctx.t("product-slug-hint"))
                        .max(80)
                        .optional(),
                ],
            }
        })
        .collect();
    ProductFormPage {
        heading,
        action,
        fields,
        languages,
        summary: summary(&ctx, errors),
        product: data.extras,
        chrome,
        ctx,
    }
}

/// The parts of the edit page below the form: the public link, images with their alt texts, actions.
pub fn product_extras(
    tr: &PageCtx,
    l: Locale,
    id: i64,
    (row, imgs, texts, has_variants): ExtrasData,
    upload_errors: Vec<String>,
) -> ProductExtras {
    let slug = texts
        .iter()
        .find(|t| t.locale == l.code())
        .or_else(|| texts.iter().find(|t| t.locale == row.original_lang))
        .map_or(String::new(), |t| t.slug.clone());
    let n = imgs.len();
    let images = imgs
        .into_iter()
        .enumerate()
        .map(|(i, (img, alts))| ImageLine {
            id: img.id,
            url: routes::media(img.card_path()),
            alt_fields: Locale::ALL
                .iter()
                .map(|x| {
                    let v = alts
                        .iter()
                        .find(|a| a.locale == x.code())
                        .map_or(String::new(), |a| a.alt.clone());
                    (
                        x.code(),
                        tr.t1("product-alt-in", "language", x.autonym()),
                        v,
                    )
                })
                .collect(),
            first: i == 0,
            last: i + 1 == n,
            move_url: routes::merchant_image(l, id, img.id, "move"),
            alt_url: routes::merchant_image(l, id, img.id, "alt"),
            delete_url: routes::merchant_image(l, id, img.id, "delete"),
        })
        .collect();
    let free = MAX_PRODUCT_IMAGES.saturating_sub(n);
    ProductExtras {
        id,
        has_variants,
        public_url: row.listed.then(|| routes::product(l, id, &slug)),
        images,
        upload_url: routes::merchant_product(l, id, "images"),
        can_upload: free > 0,
        image_slots: tr.t_count("product-image-slots", &(free as i64)),
        upload_errors,
        duplicate_url: routes::merchant_product(l, id, "duplicate"),
        status_url: routes::merchant_product(l, id, "status"),
        delete_url: routes::merchant_product(l, id, "delete"),
        archived: row.status == ProductStatus::Archived,
    }
}
