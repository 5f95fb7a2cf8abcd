//! The variant editor's two forms as typed, and their checks (no database): the options a product varies by
//! with their values, and the table of variants (SKU, price in the merchant's number format, stock, weight,
//! active, image), with "set all prices / stock". Errors are Fluent ids per field; the typed values are kept.

use crate::http::forms::{normalize, FormErrors};
use crate::i18n::{lowercase, parse_decimal, Locale};
use crate::money::Currency;
use crate::variants::{MAX_OPTIONS, MAX_VARIANTS};

use super::product_input::{sku_ok, MAX_PRICE_MAJOR, MAX_STOCK, MAX_WEIGHT_GRAMS};

/// Values one option may have on one product.
pub const MAX_VALUES: usize = 40;
/// Characters of an option or value name.
pub const MAX_NAME: usize = 60;

/// One option slot as typed: the option (an id, "new", or "" for none), a new option's name, the values
/// separated by commas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotInput {
    pub option: String,
    pub new_name: String,
    pub values: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OptionsInput {
    pub slots: [SlotInput; MAX_OPTIONS],
}

impl OptionsInput {
    /// Reads `option1`, `new_name1`, `values1` … `option3`, …; a fourth slot is an error of its own.
    pub fn from_pairs(pairs: &[(String, String)]) -> (Self, bool) {
        let mut input = OptionsInput::default();
        let mut too_many = false;
        for (k, v) in pairs {
            let Some((field, n)) = k
                .char_indices()
                .find(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| (&k[..i], &k[i..]))
            else {
                continue;
            };
            let Ok(n) = n.parse::<usize>() else { continue };
            if n == 0 {
                continue;
            }
            let Some(slot) = input.slots.get_mut(n - 1) else {
                too_many |= field == "option" && !v.trim().is_empty();
                continue;
            };
            match field {
                "option" => slot.option = v.clone(),
                "new_name" => slot.new_name = v.clone(),
                "values" => slot.values = v.clone(),
                _ => {}
            }
        }
        (input, too_many)
    }
}

/// What a slot names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotOption {
    Existing(i64),
    /// A new option of the shop's own, with this name in the merchant's language.
    New(String),
}

/// A checked slot: its option and the value names as typed (trimmed, without repeats).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSlot {
    /// 1–3, the slot's field number.
    pub n: usize,
    pub option: SlotOption,
    pub values: Vec<String>,
}

/// Splits "38, 39 ,40" into names, dropping blanks and repeats (compared in the merchant's casing).
pub fn split_values(raw: &str, l: Locale) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split([',', ';', '\n']) {
        let v = normalize(part);
        if v.is_empty() {
            continue;
        }
        let folded = lowercase(&v, l);
        if !out.iter().any(|x| lowercase(x, l) == folded) {
            out.push(v);
        }
    }
    out
}

/// Checks the options form: known options, none twice, a name for a new one, values for each chosen one, and
/// at most [`MAX_VARIANTS`] combinations. `usable` are the option ids the shop may use.
pub fn validate_options(
    input: &OptionsInput,
    too_many: bool,
    usable: &[i64],
    l: Locale,
) -> Result<Vec<ValidSlot>, FormErrors> {
    let mut e = FormErrors::default();
    if too_many {
        e.add("option1", "variant-too-many-options");
    }
    let mut out = Vec::new();
    for (i, slot) in input.slots.iter().enumerate() {
        let n = i + 1;
        let (option_field, values_field, name_field) = (
            format!("option{n}"),
            format!("values{n}"),
            format!("new_name{n}"),
        );
        let option = match slot.option.trim() {
            "" => continue,
            "new" => {
                let name = normalize(&slot.new_name);
                e.check_visible(&name_field, &name, MAX_NAME);
                SlotOption::New(name)
            }
            id => match id.parse::<i64>().ok().filter(|x| usable.contains(x)) {
                Some(id) => {
                    if out
                        .iter()
                        .any(|s: &ValidSlot| s.option == SlotOption::Existing(id))
                    {
                        e.add(&option_field, "variant-option-twice");
                    }
                    SlotOption::Existing(id)
                }
                None => {
                    e.add(&option_field, "variant-option-invalid");
                    continue;
                }
            },
        };
        let values = split_values(&slot.values, l);
        if values.is_empty() {
            e.add(&values_field, "form-required");
        } else if values.len() > MAX_VALUES {
            e.add(&values_field, "variant-too-many-values");
        } else if values.iter().any(|v| v.chars().count() > MAX_NAME) {
            e.add(&values_field, "form-too-long");
        }
        out.push(ValidSlot { n, option, values });
    }
    let combinations = out
        .iter()
        .fold(1_usize, |n, s| n.saturating_mul(s.values.len().max(1)));
    if combinations > MAX_VARIANTS {
        e.add("values1", "variant-too-many-variants");
    }
    if e.is_empty() {
        Ok(out)
    } else {
        Err(e)
    }
}

/// One row of the variants table as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowInput {
    pub id: i64,
    pub sku: String,
    pub price: String,
    pub stock: String,
    pub weight: String,
    pub active: bool,
    pub image: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VariantsInput {
    pub rows: Vec<RowInput>,
    /// "Set all prices / stock" (applied to every row when filled).
    pub all_price: String,
    pub all_stock: String,
}

impl VariantsInput {
    /// Reads `sku-7`, `price-7`, … for the variant ids `ids` (others are ignored), and the bulk fields.
    pub fn from_pairs(pairs: &[(String, String)], ids: &[i64]) -> Self {
        let mut input = VariantsInput {
            rows: ids
                .iter()
                .map(|id| RowInput {
                    id: *id,
                    ..RowInput::default()
                })
                .collect(),
            ..VariantsInput::default()
        };
        for (k, v) in pairs {
            match k.as_str() {
                "all_price" => input.all_price = v.clone(),
                "all_stock" => input.all_stock = v.clone(),
                _ => {
                    let Some((field, id)) = k.rsplit_once('-') else {
                        continue;
                    };
                    let Ok(id) = id.parse::<i64>() else { continue };
                    let Some(row) = input.rows.iter_mut().find(|r| r.id == id) else {
                        continue;
                    };
                    match field {
                        "sku" => row.sku = v.clone(),
                        "price" => row.price = v.clone(),
                        "stock" => row.stock = v.clone(),
                        "weight" => row.weight = v.clone(),
                        "active" => row.active = v == "1" || v == "on",
                        "image" => row.image = v.clone(),
                        _ => {}
                    }
                }
            }
        }
        input
    }
}

/// A checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRow {
    pub id: i64,
    pub sku: String,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
    pub active: bool,
    pub image_id: Option<i64>,
}

fn price_of(raw: &str, l: Locale, currency: Currency) -> Result<i64, &'static str> {
    if raw.trim().is_empty() {
        return Err("form-required");
    }
    match parse_decimal(raw, l, currency.minor_digits()) {
        None => Err("product-price-invalid"),
        Some(p) if p <= 0 || p > MAX_PRICE_MAJOR * currency.minor_per_major() => {
            Err("variant-price-range")
        }
        Some(p) => Ok(p),
    }
}

fn stock_of(raw: &str) -> Result<i32, &'static str> {
    match raw.trim().parse::<i64>() {
        Ok(n) if (0..=MAX_STOCK).contains(&n) => Ok(i32::try_from(n).unwrap_or(0)),
        Ok(n) if n < 0 => Err("variant-stock-negative"),
        _ => Err("product-stock-invalid"),
    }
}

/// Checks the table: each SKU well formed and unique in the form (clashes with other products are the
/// caller's, who knows the database), prices above zero in the merchant's number format, stock not below
/// zero; a filled "set all" field replaces every row's value. `images` are the product's image ids.
pub fn validate_variants(
    input: &VariantsInput,
    l: Locale,
    currency: Currency,
    images: &[i64],
) -> Result<Vec<ValidRow>, FormErrors> {
    let mut e = FormErrors::default();
    let all_price = (!input.all_price.trim().is_empty())
        .then(|| price_of(&input.all_price, l, currency))
        .transpose()
        .map_err(|m| e.add("all_price", m))
        .ok()
        .flatten();
    let all_stock = (!input.all_stock.trim().is_empty())
        .then(|| stock_of(&input.all_stock))
        .transpose()
        .map_err(|m| e.add("all_stock", m))
        .ok()
        .flatten();
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for r in &input.rows {
        let id = r.id;
        let sku = normalize(&r.sku);
        if sku.is_empty() {
            e.add(&format!("sku-{id}"), "form-required");
        } else if !sku_ok(&sku) {
            e.add(&format!("sku-{id}"), "product-sku-invalid");
        } else if seen.contains(&sku) {
            e.add(&format!("sku-{id}"), "variant-sku-twice");
        }
        seen.push(sku.clone());
        let price = match all_price {
            Some(p) => Some(p),
            None => price_of(&r.price, l, currency)
                .map_err(|m| e.add(&format!("price-{id}"), m))
                .ok(),
        };
        let stock = match all_stock {
            Some(s) => Some(s),
            None => stock_of(&r.stock)
                .map_err(|m| e.add(&format!("stock-{id}"), m))
                .ok(),
        };
        let weight = r.weight.trim();
        let weight_grams = if weight.is_empty() {
            None
        } else {
            match weight.parse::<i64>() {
                Ok(n) if (0..=MAX_WEIGHT_GRAMS).contains(&n) => i32::try_from(n).ok(),
                _ => {
                    e.add(&format!("weight-{id}"), "product-weight-invalid");
                    None
                }
            }
        };
        let image_id = match r.image.trim() {
            "" => None,
            x => {
                let found = x.parse::<i64>().ok().filter(|i| images.contains(i));
                if found.is_none() {
                    e.add(&format!("image-{id}"), "variant-image-invalid");
                }
                found
            }
        };
        if let (Some(price_minor), Some(stock)) = (price, stock) {
            out.push(ValidRow {
                id,
                sku,
                price_minor,
                stock,
                weight_grams,
                active: r.active,
                image_id,
            });
        }
    }
    if e.is_empty() {
        Ok(out)
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn options_need_values_known_ids_and_no_repeats() {
        let (input, too_many) = OptionsInput::from_pairs(&pairs(&[
            ("option1", "5"),
            ("values1", "38, 39,, 39 ,40"),
            ("option2", "5"),
            ("values2", ""),
            ("option3", "new"),
            ("new_name3", ""),
            ("values3", "Rosso"),
        ]));
        assert!(!too_many);
        let e = validate_options(&input, false, &[5, 6], Locale::It).unwrap_err();
        assert_eq!(e.get("option2"), Some("variant-option-twice"));
        assert_eq!(e.get("values2"), Some("form-required"));
        assert_eq!(e.get("new_name3"), Some("form-required"));
        assert_eq!(
            split_values("38, 39,, 39 ,40", Locale::It),
            ["38", "39", "40"]
        );
        // Turkish casing: "İpek" and "ipek" are one value.
        assert_eq!(split_values("İpek, ipek", Locale::Tr).len(), 1);
    }

    #[test]
    fn more_than_three_options_or_a_hundred_variants_are_refused() {
        let (input, too_many) =
            OptionsInput::from_pairs(&pairs(&[("option4", "7"), ("values4", "a")]));
        assert!(too_many);
        let e = validate_options(&input, too_many, &[7], Locale::En).unwrap_err();
        assert_eq!(e.get("option1"), Some("variant-too-many-options"));
        let many: String = (1..=11).map(|n| format!("{n},")).collect();
        let (input, _) = OptionsInput::from_pairs(&pairs(&[
            ("option1", "1"),
            ("values1", &many),
            ("option2", "2"),
            ("values2", &many),
        ]));
        let e = validate_options(&input, false, &[1, 2], Locale::En).unwrap_err();
        assert_eq!(e.get("values1"), Some("variant-too-many-variants"));
    }

    #[test]
    fn rows_read_the_merchants_number_format_and_refuse_bad_values() {
        let input = VariantsInput::from_pairs(
            &pairs(&[
                ("sku-1", "SAND-38"),
                ("price-1", "1.299,50"),
                ("stock-1", "3"),
                ("active-1", "1"),
                ("sku-2", "SAND-38"),
                ("price-2", "0"),
                ("stock-2", "-1"),
                ("sku-9", "ignored"),
            ]),
            &[1, 2],
        );
        assert_eq!(input.rows.len(), 2);
        let e = validate_variants(&input, Locale::It, Currency::Eur, &[]).unwrap_err();
        assert_eq!(e.get("sku-2"), Some("variant-sku-twice"));
        assert_eq!(e.get("price-2"), Some("variant-price-range"));
        assert_eq!(e.get("stock-2"), Some("variant-stock-negative"));
        assert_eq!(e.get("price-1"), None);
        let mut ok = input.clone();
        ok.rows.truncate(1);
        let rows = validate_variants(&ok, Locale::It, Currency::Eur, &[]).unwrap_or_default();
        assert_eq!(rows[0].price_minor, 129_950);
        assert!(rows[0].active);
        // "Set all" replaces every row's price and stock.
        ok.all_price = "10".into();
        ok.all_stock = "7".into();
        let rows = validate_variants(&ok, Locale::It, Currency::Eur, &[]).unwrap_or_default();
        assert_eq!((rows[0].price_minor, rows[0].stock), (1000, 7));
    }
}
