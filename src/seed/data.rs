//! The demo catalogue, embedded as JSON written by native speakers' standards (see `data/*.json`).

use std::collections::HashMap;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct CategorySeed {
    pub key: String,
    pub parent: Option<String>,
    pub name: HashMap<String, String>,
}

#[derive(Deserialize)]
pub struct CountryFile {
    pub merchants: Vec<MerchantSeed>,
}

#[derive(Deserialize)]
pub struct MerchantSeed {
    pub key: String,
    pub name: String,
    pub country: String,
    pub city: String,
    #[serde(default)]
    pub legal_name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub tax_id: String,
    pub original: String,
    pub description: HashMap<String, String>,
    pub products: Vec<ProductSeed>,
}

#[derive(Deserialize)]
pub struct ProductSeed {
    pub key: String,
    pub category: String,
    pub price: i64,
    pub stock: i32,
    pub sku: String,
    pub weight_g: i32,
    pub motif: String,
    pub palette: u8,
    pub title: HashMap<String, String>,
    pub description: HashMap<String, String>,
    /// Sizes, colours, weights…: the product is sold in one variant per combination.
    #[serde(default)]
    pub variants: Option<VariantsSeed>,
}

#[derive(Deserialize)]
pub struct VariantsSeed {
    /// Options (keys of `options.json`) with the value keys used, in the order shoppers choose.
    pub axes: Vec<AxisSeed>,
    /// Minor units added to the product's price by a value.
    #[serde(default)]
    pub price_add: HashMap<String, i64>,
    /// Combinations ("38/brown") with no stock.
    #[serde(default)]
    pub sold_out: Vec<String>,
}

#[derive(Deserialize)]
pub struct AxisSeed {
    pub option: String,
    pub values: Vec<String>,
}

/// The staff's shared options (sizes, colours, weights…) with names in every language.
#[derive(Deserialize)]
pub struct OptionsFile {
    pub options: Vec<OptionSeed>,
}

#[derive(Deserialize)]
pub struct OptionSeed {
    pub key: String,
    pub facet: bool,
    pub name: HashMap<String, String>,
    pub values: Vec<ValueSeed>,
}

#[derive(Deserialize)]
pub struct ValueSeed {
    pub key: String,
    pub name: HashMap<String, String>,
}

pub fn shared_options() -> Result<Vec<OptionSeed>, String> {
    serde_json::from_str::<OptionsFile>(include_str!("data/options.json"))
        .map(|f| f.options)
        .map_err(|e| format!("options.json: {e}"))
}

pub fn categories() -> Result<Vec<CategorySeed>, String> {
    serde_json::from_str(include_str!("data/categories.json"))
        .map_err(|e| format!("categories.json: {e}"))
}

pub fn merchants() -> Result<Vec<MerchantSeed>, String> {
    let mut out = Vec::new();
    for (name, text) in [
        ("ru.json", include_str!("data/ru.json")),
        ("tr.json", include_str!("data/tr.json")),
        ("it.json", include_str!("data/it.json")),
        ("es.json", include_str!("data/es.json")),
    ] {
        let file: CountryFile = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        out.extend(file.merchants);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_variants_name_shared_options_and_values_in_every_language() {
        let options = shared_options().unwrap_or_default();
        assert!(options.len() >= 6);
        for o in &options {
            assert_eq!(o.name.len(), 5, "{}", o.key);
            assert!(o.values.iter().all(|v| v.name.len() == 5), "{}", o.key);
        }
        let mut with_variants = 0;
        for m in merchants().unwrap_or_default() {
            for p in m.products {
                let Some(v) = p.variants else { continue };
                with_variants += 1;
                assert!((1..=3).contains(&v.axes.len()), "{}", p.key);
                for a in &v.axes {
                    let o = options.iter().find(|o| o.key == a.option);
                    let o = o.unwrap_or_else(|| panic!("{}: option {}", p.key, a.option));
                    for value in &a.values {
                        assert!(
                            o.values.iter().any(|x| &x.key == value),
                            "{}: {value}",
                            p.key
                        );
                    }
                }
            }
        }
        assert!(
            with_variants >= 60,
            "{with_variants} demo products with variants"
        );
    }
    use crate::geo::CountryCode;
    use crate::shops::tax_id;

    #[test]
    fn every_demo_shop_has_a_legal_identity_with_a_valid_tax_number() {
        let shops = merchants().unwrap_or_default();
        assert_eq!(shops.len(), 20);
        for m in shops {
            let cc = CountryCode::parse(&m.country).unwrap_or(CountryCode::US);
            assert!(
                !m.legal_name.is_empty() && !m.address.is_empty(),
                "{}",
                m.key
            );
            let t = tax_id::normalize(&m.tax_id, cc);
            assert!(tax_id::valid(cc, &t), "{}: {}", m.key, m.tax_id);
        }
    }
}
