//! The product form as a merchant types it (and as a CSV row fills it), and its checks: titles and
//! descriptions per language, price in the merchant's number format, stock, SKU, category, weight.

use crate::catalogue::model::{ProductRow, ProductStatus, ProductTranslation};
use crate::catalogue::write::slugify;
use crate::categories::tree::CategoryTree;
use crate::http::forms::{normalize, FormErrors};
use crate::i18n::Locale;
use crate::i18n::{parse_decimal, parse_major_amount};
use crate::money::Currency;

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 5000;
pub const MAX_SKU: usize = 64;
pub const MAX_STOCK: i64 = 1_000_000;
pub const MAX_WEIGHT_GRAMS: i64 = 1_000_000;
/// Prices up to 100 million major units.
pub const MAX_PRICE_MAJOR: i64 = 100_000_000;

/// One language's texts of a product as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub title: String,
    pub description: String,
    pub slug: String,
}

/// A product as typed in the form or read from a CSV row: raw strings, nothing trusted yet.
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    pub sku: String,
    pub category: String,
    pub status: String,
    pub price: String,
    pub stock: String,
    pub weight: String,
    pub original_lang: String,
    /// Indexed like `Locale::ALL`.
    pub texts: [TextInput; 5],
    /// The customs fields, when the form had them (a CSV row does not: its product's customs data stays).
    pub customs: Option<(String, String)>,
}

impl ProductInput {
    /// The form as a stored product fills it, the price in the page language's number format.
    pub fn stored(
        ctx: &crate::http::page::PageCtx,
        row: &ProductRow,
        texts: &[ProductTranslation],
    ) -> Self {
        let currency = Currency::parse(&row.currency).unwrap_or(Currency::BASE);
        let price =
            ctx.tr
                .i18n()
                .formatters
                .decimal(ctx.locale, row.price_minor, currency.minor_digits());
        Self::from_stored(row, texts, row.category_id.to_string(), price)
    }

    pub fn text(&self, l: Locale) -> &TextInput {
        &self.texts[locale_index(l)]
    }

    pub fn text_mut(&mut self, l: Locale) -> &mut TextInput {
        &mut self.texts[locale_index(l)]
    }

    /// Reads the product form's fields (`title_ru`, `description_ru`, `slug_ru`, …).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut p = ProductInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "sku" => p.sku = v.clone(),
                "category" => p.category = v.clone(),
                "status" => p.status = v.clone(),
                "price" => p.price = v.clone(),
                "stock" => p.stock = v.clone(),
                "weight" => p.weight = v.clone(),
                "hs_code" => p.customs.get_or_insert_with(Default::default).0 = v.clone(),
                "customs_description" => {
                    p.customs.get_or_insert_with(Default::default).1 = v.clone()
                }
                "original_lang" => p.original_lang = v.clone(),
                other => {
                    let Some((field, code)) = other.rsplit_once('_') else {
                        continue;
                    };
                    let Some(l) = Locale::parse(code) else {
                        continue;
                    };
                    let t = p.text_mut(l);
                    match field {
                        "title" => t.title = v.clone(),
                        "description" => t.description = v.clone(),
                        "slug" => t.slug = v.clone(),
                        _ => {}
                    }
                }
            }
        }
        p
    }

    /// The stored product as form values, the price in `locale`'s own number format.
    pub fn from_stored(
        row: &ProductRow,
        texts: &[ProductTranslation],
        category_value: String,
        price_text: String,
    ) -> Self {
        let mut p = ProductInput {
            sku: row.sku.clone(),
            category: category_value,
            status: row.status.to_string(),
            price: price_text,
            stock: row.stock.to_string(),
            weight: row.weight_grams.map(|w| w.to_string()).unwrap_or_default(),
            original_lang: row.original_lang.clone(),
            texts: Default::default(),
            customs: None,
        };
        for t in texts {
            if let Some(l) = Locale::parse(&t.locale) {
                *p.text_mut(l) = TextInput {
                    title: t.title.clone(),
                    description: t.description.clone(),
                    slug: t.slug.clone(),
                };
            }
        }
        p
    }
}

fn locale_index(l: Locale) -> usize {
    Locale::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

/// How a price is written: in the merchant's locale (the web form) or in any common notation (CSV files,
/// which travel between spreadsheets set to different locales).
#[derive(Debug, Clone, Copy)]
pub enum PriceSyntax {
    Locale(Locale),
    Any,
}

/// A product that passed validation.
#[derive(Debug, Clone)]
pub struct ValidProduct {
    pub sku: String,
    pub category_id: i64,
    pub status: ProductStatus,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
    pub original_lang: Locale,
    /// (locale, title, description, slug) for every language that has a title.
    pub texts: Vec<(Locale, String, String, String)>,
    /// (HS code digits, customs description) to store; `None` leaves the stored ones.
    pub customs: Option<(String, String)>,
}

pub fn parse_status(s: &str) -> Option<ProductStatus> {
    match s {
        "draft" => Some(ProductStatus::Draft),
        "active" => Some(ProductStatus::Active),
        "archived" => Some(ProductStatus::Archived),
        _ => None,
    }
}

pub fn sku_ok(sku: &str) -> bool {
    !sku.is_empty()
        && sku.len() <= MAX_SKU
        && sku
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// Checks a product; errors are Fluent ids per field (`title_tr`, `price`, …).
pub fn validate(
    input: &ProductInput,
    currency: Currency,
    syntax: PriceSyntax,
    category: impl Fn(&str) -> Option<i64>,
) -> Result<ValidProduct, FormErrors> {
    let mut e = FormErrors::default();
    let sku = normalize(&input.sku);
    if sku.is_empty() {
        e.add("sku", "form-required");
    } else if !sku_ok(&sku) {
        e.add("sku", "product-sku-invalid");
    }
    let category_id = category(input.category.trim());
    if category_id.is_none() {
        e.add("category", "product-category-invalid");
    }
    let status = parse_status(input.status.trim());
    if status.is_none() {
        e.add("status", "product-status-invalid");
    }
    let digits = currency.minor_digits();
    let price = match syntax {
        PriceSyntax::Locale(l) => parse_decimal(&input.price, l, digits),
        PriceSyntax::Any => parse_major_amount(&input.price, digits),
    };
    if input.price.trim().is_empty() {
        e.add("price", "form-required");
    } else {
        match price {
            None => e.add("price", "product-price-invalid"),
            Some(p) if p <= 0 || p > MAX_PRICE_MAJOR * currency.minor_per_major() => {
                e.add("price", "product-price-range")
            }
            Some(_) => {}
        }
    }
    let stock = input.stock.trim().parse::<i64>().ok();
    match stock {
        Some(n) if (0..=MAX_STOCK).contains(&n) => {}
        _ => e.add("stock", "product-stock-invalid"),
    }
    let weight = input.weight.trim();
    let weight_grams = if weight.is_empty() {
        None
    } else {
        match weight.parse::<i64>() {
            Ok(n) if (0..=MAX_WEIGHT_GRAMS).contains(&n) => Some(n),
            _ => {
                e.add("weight", "product-weight-invalid");
                None
            }
        }
    };
    let customs = input.customs.as_ref().and_then(|(hs, description)| {
        let description = normalize(description);
        e.check_len(
            "customs_description",
            &description,
            false,
            crate::catalogue::customs::MAX_DESCRIPTION,
        );
        match crate::catalogue::customs::parse_hs(hs) {
            Some(code) => Some((code, description)),
            None => {
                e.add("hs_code", "product-hs-invalid");
                None
            }
        }
    });
    let original = Locale::parse(input.original_lang.trim());
    if original.is_none() {
        e.add("original_lang", "product-original-invalid");
    }
    let mut texts = Vec::new();
    for l in Locale::ALL {
        let t = input.text(l);
        let (title, description, slug_in) = (
            normalize(&t.title),
            normalize(&t.description),
            normalize(&t.slug),
        );
        let code = l.code();
        let title_field = format!("title_{code}");
        if title.is_empty() {
            if Some(l) == original {
                e.add(&title_field, "product-original-title-required");
            } else if !description.is_empty() || !slug_in.is_empty() {
                e.add(&title_field, "product-title-needed");
            }
            continue;
        }
        e.check_len(&title_field, &title, true, MAX_TITLE);
        e.check_len(
            &format!("description_{code}"),
            &description,
            false,
            MAX_DESCRIPTION,
        );
        let slug = if slug_in.is_empty() {
            slugify(&title)
        } else {
            slugify(&slug_in)
        };
        texts.push((l, title, description, slug));
    }
    match (e.is_empty(), category_id, status, price, stock, original) {
        (true, Some(category_id), Some(status), Some(price_minor), Some(stock), Some(original)) => {
            Ok(ValidProduct {
                sku,
                category_id,
                status,
                price_minor,
                stock: i32::try_from(stock).unwrap_or(0),
                weight_grams: weight_grams.and_then(|w| i32::try_from(w).ok()),
                original_lang: original,
                texts,
                customs,
            })
        }
        _ => Err(e),
    }
}

/// Categories a product can be filed under: visible leaves.
pub fn leaf_categories(tree: &CategoryTree) -> Vec<i64> {
    tree.visible()
        .filter(|n| tree.children(n.id).is_empty())
        .map(|n| n.id)
        .collect()
}

/// What a merchant may write for a category in a file: its key (listed on the import page), its id (the product
/// form's value), or its slug, name or path ("Leather goods › Bags") in any language, in any case. A label two
/// categories share resolves to neither.
pub fn category_lookup(tree: &CategoryTree) -> std::collections::HashMap<String, Option<i64>> {
    let mut map: std::collections::HashMap<String, Option<i64>> = Default::default();
    for id in leaf_categories(tree) {
        let Some(node) = tree.get(id) else {
            continue;
        };
        let mut labels = vec![node.key.clone(), id.to_string()];
        for l in Locale::ALL {
            labels.push(node.name(l));
            labels.push(node.slug(l));
            let path: Vec<String> = tree.path(id).iter().map(|n| n.name(l)).collect();
            labels.push(path.join(" › "));
        }
        for label in labels {
            let key = label.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            map.entry(key)
                .and_modify(|v| {
                    if *v != Some(id) {
                        *v = None;
                    }
                })
                .or_insert(Some(id));
        }
    }
    map
}

/// The categories a product can be filed in, as (path in `l`, key), in path order (for the import page).
pub fn category_keys(tree: &CategoryTree, l: Locale) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = leaf_categories(tree)
        .into_iter()
        .filter_map(|id| {
            let key = tree.get(id)?.key.clone();
            let path: Vec<String> = tree.path(id).iter().map(|n| n.name(l)).collect();
            Some((path.join(" › "), key))
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProductInput {
        let mut p = ProductInput {
            sku: "BAG-1".into(),
            category: "7".into(),
            status: "active".into(),
            price: "1.299,50".into(),
            stock: "3".into(),
            weight: String::new(),
            original_lang: "it".into(),
            texts: Default::default(),
            customs: None,
        };
        p.text_mut(Locale::It).title = "Borsa in pelle".into();
        p
    }

    fn cat(s: &str) -> Option<i64> {
        (s == "7").then_some(7)
    }

    #[test]
    fn price_follows_the_merchants_locale() {
        let v = validate(
            &input(),
            Currency::Eur,
            PriceSyntax::Locale(Locale::It),
            cat,
        )
        .unwrap();
        assert_eq!(v.price_minor, 129_950);
        assert_eq!(v.texts[0].3, "borsa-in-pelle");
        let mut ru = input();
        ru.price = "1 299,50".into();
        let v = validate(&ru, Currency::Rub, PriceSyntax::Locale(Locale::Ru), cat).unwrap();
        assert_eq!(v.price_minor, 129_950);
        let mut en = input();
        en.price = "1,299.50".into();
        assert!(validate(&en, Currency::Eur, PriceSyntax::Locale(Locale::It), cat).is_err());
        assert_eq!(
            validate(&en, Currency::Eur, PriceSyntax::Locale(Locale::En), cat)
                .unwrap()
                .price_minor,
            129_950
        );
    }

    #[test]
    fn errors_are_per_field() {
        let mut p = input();
        p.sku = "bad sku!".into();
        p.price = "-3".into();
        p.stock = "lots".into();
        p.text_mut(Locale::It).title.clear();
        p.text_mut(Locale::Tr).description = "Açıklama".into();
        let e = validate(&p, Currency::Eur, PriceSyntax::Locale(Locale::It), cat).unwrap_err();
        assert_eq!(e.get("sku"), Some("product-sku-invalid"));
        assert_eq!(e.get("price"), Some("product-price-invalid"));
        assert_eq!(e.get("stock"), Some("product-stock-invalid"));
        assert_eq!(e.get("title_it"), Some("product-original-title-required"));
        assert_eq!(e.get("title_tr"), Some("product-title-needed"));
    }
}
