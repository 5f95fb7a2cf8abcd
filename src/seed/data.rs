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
