//! Choosing a variant on the product page without JavaScript: a GET form of one radio group per option. The
//! query names either a variant (`?v=SKU`, its own URL) or option values (`?o1=12&o2=40`, what the form sends,
//! answered with a redirect to the matching variant's URL). Every value the product uses is offered, marked
//! when no variant with it (and the other chosen values) is in stock or made at all.

use crate::i18n::Locale;
use crate::variants::model::ProductOption;
use crate::variants::{OptionTexts, VariantRow};

/// What the query string asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    Default,
    Sku(String),
    /// Value ids by option position (1–3); 0 where none was chosen.
    Values([i64; 3]),
}

impl Selection {
    pub fn parse(query: &str) -> Self {
        let mut values = [0_i64; 3];
        let mut any = false;
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "v" if !v.trim().is_empty() => {
                    return Selection::Sku(v.trim().chars().take(120).collect())
                }
                "o1" | "o2" | "o3" => {
                    let at = usize::from(k.as_bytes()[1] - b'1');
                    if let Ok(id) = v.trim().parse::<i64>() {
                        values[at] = id.max(0);
                        any = true;
                    }
                }
                _ => {}
            }
        }
        if any {
            Selection::Values(values)
        } else {
            Selection::Default
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    InStock,
    SoldOut,
    /// No variant has this value together with the other chosen ones.
    NotMade,
}

#[derive(Debug, Clone)]
pub struct ValueChoice {
    pub id: i64,
    pub name: String,
    pub lang: Option<&'static str>,
    pub checked: bool,
    pub availability: Availability,
}

impl OptionGroup {
    /// The schema.org property this option varies (`variesBy`), when there is one.
    pub fn schema_property(&self) -> String {
        let k = self.key.as_str();
        let known = if k.contains("size") {
            "size"
        } else if k.contains("colo") {
            "color"
        } else if k.contains("material") {
            "material"
        } else if k.contains("pattern") {
            "pattern"
        } else {
            return self.name.clone();
        };
        format!("https://schema.org/{known}")
    }
}

impl ValueChoice {
    pub fn sold_out(&self) -> bool {
        self.availability == Availability::SoldOut
    }

    pub fn not_made(&self) -> bool {
        self.availability == Availability::NotMade
    }
}

#[derive(Debug, Clone)]
pub struct OptionGroup {
    /// The query parameter (`o1`…`o3`).
    pub param: String,
    /// The option's key ("size-eu", "colour").
    pub key: String,
    pub name: String,
    pub lang: Option<&'static str>,
    pub values: Vec<ValueChoice>,
}

/// The outcome of a selection.
#[derive(Debug, Clone)]
pub enum Chosen {
    /// This variant is shown.
    Variant(VariantRow),
    /// The query named values that match a variant: its URL is the page (a redirect).
    Redirect(String),
    /// The query named a SKU the product does not sell: the product's own URL.
    Unknown,
    /// The chosen values make no variant on sale.
    NotMade,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub groups: Vec<OptionGroup>,
    pub chosen: Chosen,
    /// Active variants differ in price (cards and an unmatched choice say "from").
    pub varies: bool,
}

/// Picks the variant a selection names among a product's variants (inactive ones are not for sale).
pub fn pick(
    variants: &[VariantRow],
    options: &[ProductOption],
    texts: &OptionTexts,
    selection: &Selection,
    l: Locale,
) -> Picker {
    let active: Vec<&VariantRow> = variants.iter().filter(|v| v.active).collect();
    let cols = |v: &VariantRow| [v.value1, v.value2, v.value3];
    let (chosen, wanted) = match selection {
        Selection::Sku(sku) => match active.iter().position(|v| &v.sku == sku) {
            Some(i) => (Chosen::Variant(active[i].clone()), cols(active[i])),
            None => (Chosen::Unknown, [0; 3]),
        },
        Selection::Values(values) => {
            let mut asked = *values;
            for slot in asked.iter_mut().skip(options.len()) {
                *slot = 0;
            }
            match active.iter().find(|v| cols(v) == asked) {
                Some(v) => (Chosen::Redirect(v.sku.clone()), asked),
                None => (Chosen::NotMade, asked),
            }
        }
        Selection::Default => {
            let first = active
                .iter()
                .position(|v| v.stock > 0)
                .or_else(|| (!active.is_empty()).then_some(0));
            match first {
                Some(i) => (Chosen::Variant(active[i].clone()), cols(active[i])),
                None => (Chosen::NotMade, [0; 3]),
            }
        }
    };
    let groups = options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let used: Vec<i64> = active.iter().map(|v| cols(v)[i]).collect();
            let values = texts
                .values_of(o.option_id)
                .filter(|value| used.contains(&value.id))
                .map(|value| {
                    let fits = |v: &&&VariantRow| {
                        let c = cols(v);
                        c[i] == value.id
                            && (0..options.len())
                                .all(|j| j == i || wanted[j] == 0 || c[j] == wanted[j])
                    };
                    let matching: Vec<&&VariantRow> = active.iter().filter(fits).collect();
                    let availability = if matching.iter().any(|v| v.stock > 0) {
                        Availability::InStock
                    } else if matching.is_empty() {
                        Availability::NotMade
                    } else {
                        Availability::SoldOut
                    };
                    let name = texts.value_name(value.id, l);
                    ValueChoice {
                        id: value.id,
                        name: name.text,
                        lang: name.lang,
                        checked: wanted[i] == value.id,
                        availability,
                    }
                })
                .collect();
            let name = texts.option_name(o.option_id, l);
            OptionGroup {
                param: format!("o{}", i + 1),
                key: texts
                    .option(o.option_id)
                    .map(|x| x.key.clone())
                    .unwrap_or_default(),
                name: name.text,
                lang: name.lang,
                values,
            }
        })
        .collect();
    let first_price = active.first().map(|v| v.price_minor);
    Picker {
        groups,
        chosen,
        varies: active.iter().any(|v| Some(v.price_minor) != first_price),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::variants::model::{OptionRow, ValueRow};

    fn variant(id: i64, sku: &str, values: [i64; 2], stock: i32, active: bool) -> VariantRow {
        VariantRow {
            id,
            product_id: 1,
            merchant_id: 1,
            sku: sku.into(),
            value1: values[0],
            value2: values[1],
            value3: 0,
            price_minor: 1000 + id,
            stock,
            weight_grams: None,
            active,
            image_id: None,
            position: i32::try_from(id).unwrap_or(0),
        }
    }

    /// Size 38/39/40 (values 1–3) × colour red/black (values 11, 12).
    fn setup() -> (Vec<VariantRow>, Vec<ProductOption>, OptionTexts) {
        let option = |id: i64, key: &str| OptionRow {
            id,
            merchant_id: None,
            key: key.into(),
            original_lang: "en".into(),
            facet: true,
            position: 0,
        };
        let value = |id: i64, option_id: i64, key: &str| ValueRow {
            id,
            option_id,
            key: key.into(),
            position: i32::try_from(id).unwrap_or(0),
        };
        let texts = OptionTexts::new(
            vec![option(100, "size"), option(200, "colour")],
            vec![
                value(1, 100, "38"),
                value(2, 100, "39"),
                value(3, 100, "40"),
                value(11, 200, "red"),
                value(12, 200, "black"),
                value(13, 200, "green"),
            ],
            vec![],
            vec![],
        );
        let options = vec![
            ProductOption {
                product_id: 1,
                position: 1,
                option_id: 100,
            },
            ProductOption {
                product_id: 1,
                position: 2,
                option_id: 200,
            },
        ];
        let variants = vec![
            variant(1, "S38R", [1, 11], 0, true),
            variant(2, "S39R", [2, 11], 4, true),
            variant(3, "S38B", [1, 12], 2, true),
            variant(4, "S40B", [3, 12], 5, false),
        ];
        (variants, options, texts)
    }

    #[test]
    fn the_default_is_the_first_variant_in_stock() {
        let (vs, os, t) = setup();
        let p = pick(&vs, &os, &t, &Selection::Default, Locale::En);
        assert!(matches!(p.chosen, Chosen::Variant(ref v) if v.sku == "S39R"));
        assert!(p.varies);
        // Size 40 exists only as an inactive variant: not offered. Green is made by no variant: not offered.
        let sizes: Vec<&str> = p.groups[0].values.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(sizes, ["38", "39"]);
        let colours: Vec<&str> = p.groups[1].values.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(colours, ["red", "black"]);
        // With 39 red chosen: 38 (red) is sold out; black is not made in 39.
        assert_eq!(p.groups[0].values[0].availability, Availability::SoldOut);
        assert!(p.groups[0].values[1].checked);
        assert_eq!(p.groups[1].values[1].availability, Availability::NotMade);
    }

    #[test]
    fn values_redirect_to_their_variant_and_unknown_ones_say_so() {
        let (vs, os, t) = setup();
        let p = pick(&vs, &os, &t, &Selection::parse("o1=1&o2=12"), Locale::En);
        assert!(matches!(p.chosen, Chosen::Redirect(ref s) if s == "S38B"));
        let p = pick(&vs, &os, &t, &Selection::parse("o1=2&o2=12"), Locale::En);
        assert!(matches!(p.chosen, Chosen::NotMade));
        let p = pick(&vs, &os, &t, &Selection::parse("v=S38B"), Locale::En);
        assert!(matches!(p.chosen, Chosen::Variant(ref v) if v.sku == "S38B"));
        let p = pick(&vs, &os, &t, &Selection::parse("v=S40B"), Locale::En);
        assert!(
            matches!(p.chosen, Chosen::Unknown),
            "inactive variants are not sold"
        );
        assert_eq!(Selection::parse("o1=x&page=2"), Selection::Default);
    }
}
