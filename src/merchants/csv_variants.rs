//! Variants in the product CSV (after the conventions of Shopify's product file: a handle, then Option1 Name /
//! Option1 Value…): one row per variant, rows of one product sharing its key in `sku`, with the variant's own
//! `variant_sku`, price, stock and weight, and per option (1–3) its key (`option1`), its name per language
//! (`option1_name_it`…) and the row's value per language (`option1_value_it`…). A product without options is one
//! row with the option columns empty, as before. Options and values are matched by key or by a name in any
//! language; names no value of a shop's own option has become new values (a shared option's are an error).

use std::collections::HashMap;

use super::csv_io::RowProblem;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::i18n::{lowercase, parse_major_amount, Locale};
use crate::money::Currency;
use crate::variants::model::{ProductOption, VariantRow};
use crate::variants::{repo, OptionTexts, MAX_OPTIONS, MAX_VARIANTS};

/// The variant columns after the product's.
pub fn header() -> Vec<String> {
    let mut h = vec!["variant_sku".to_string(), "variant_active".to_string()];
    for n in 1..=MAX_OPTIONS {
        h.push(format!("option{n}"));
        for l in Locale::ALL {
            h.push(format!("option{n}_name_{}", l.code()));
        }
        for l in Locale::ALL {
            h.push(format!("option{n}_value_{}", l.code()));
        }
    }
    h
}

/// What the export needs of a batch of products.
pub struct Batch {
    options: HashMap<i64, Vec<ProductOption>>,
    variants: HashMap<i64, Vec<VariantRow>>,
    texts: OptionTexts,
}

pub fn load(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Batch> {
    let mut options: HashMap<i64, Vec<ProductOption>> = HashMap::new();
    for o in repo::options_of_products(conn, ids)? {
        options.entry(o.product_id).or_default().push(o);
    }
    let mut variants: HashMap<i64, Vec<VariantRow>> = HashMap::new();
    for v in repo::of_products(conn, ids)? {
        variants.entry(v.product_id).or_default().push(v);
    }
    let mut option_ids: Vec<i64> = options.values().flatten().map(|o| o.option_id).collect();
    option_ids.sort_unstable();
    option_ids.dedup();
    Ok(Batch {
        options,
        variants,
        texts: repo::texts(conn, &option_ids)?,
    })
}

/// One exported row of a variant: its price, stock and weight, and the variant columns.
pub struct Exported<'a> {
    pub variant: &'a VariantRow,
    pub cells: Vec<String>,
}

impl Batch {
    /// The rows of one product: one per variant, in their order.
    pub fn rows_of(&self, product_id: i64) -> Vec<Exported<'_>> {
        let options = self.options.get(&product_id).map_or(&[][..], Vec::as_slice);
        let t = &self.texts;
        self.variants
            .get(&product_id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|v| {
                let mut cells = vec![
                    if options.is_empty() {
                        String::new()
                    } else {
                        v.sku.clone()
                    },
                    if v.active { "yes" } else { "no" }.to_string(),
                ];
                let values = v.values();
                for n in 0..MAX_OPTIONS {
                    match (options.get(n), values.get(n)) {
                        (Some(o), Some(value)) => {
                            cells.push(
                                t.option(o.option_id)
                                    .map(|x| x.key.clone())
                                    .unwrap_or_default(),
                            );
                            for l in Locale::ALL {
                                cells.push(
                                    t.option_name_in(o.option_id, l)
                                        .unwrap_or_default()
                                        .to_string(),
                                );
                            }
                            for l in Locale::ALL {
                                cells.push(
                                    t.value_name_in(*value, l).unwrap_or_default().to_string(),
                                );
                            }
                        }
                        _ => cells.extend(std::iter::repeat_n(
                            String::new(),
                            1 + 2 * Locale::ALL.len(),
                        )),
                    }
                }
                Exported { variant: v, cells }
            })
            .collect()
    }
}

/// One option of one row as typed: its key and names per language, and the row's value names per language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedOption {
    pub key: String,
    pub names: Vec<(Locale, String)>,
    pub values: Vec<(Locale, String)>,
}

impl TypedOption {
    fn is_empty(&self) -> bool {
        self.key.is_empty() && self.names.is_empty() && self.values.is_empty()
    }

    /// How rows of one product must agree on this option: its key, else its first name, folded.
    fn identity(&self) -> String {
        if self.key.is_empty() {
            self.names
                .first()
                .map(|(l, n)| lowercase(n, *l))
                .unwrap_or_default()
        } else {
            self.key.to_lowercase()
        }
    }
}

/// A variant row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantLine {
    pub line: u64,
    pub sku: String,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
    pub active: bool,
    pub options: Vec<TypedOption>,
}

/// Reads the variant columns of a row (`get` returns a column's cell, "" when absent). `None` when the row has
/// no option values (a product without options). A fourth option is reported.
pub fn read(
    get: &dyn Fn(&str) -> String,
    line: u64,
    product_sku: &str,
    product: (&str, &str, &str),
    currency: Currency,
    problems: &mut Vec<RowProblem>,
) -> Option<VariantLine> {
    let mut options = Vec::new();
    for n in 1..=MAX_OPTIONS {
        let text = |name: &str| get(name).trim().to_string();
        let per_lang = |field: &str| -> Vec<(Locale, String)> {
            Locale::ALL
                .iter()
                .map(|l| (*l, text(&format!("option{n}_{field}_{}", l.code()))))
                .filter(|(_, v)| !v.is_empty())
                .collect()
        };
        let o = TypedOption {
            key: text(&format!("option{n}")),
            names: per_lang("name"),
            values: per_lang("value"),
        };
        if !o.is_empty() {
            options.push(o);
        }
    }
    if !get("option4").trim().is_empty() || !get("option4_value_en").trim().is_empty() {
        problems.push(problem(line, "option4", "variant-too-many-options"));
    }
    if options.is_empty() {
        return None;
    }
    let mut bad = |column: &str, id: &str| problems.push(problem(line, column, id));
    for (i, o) in options.iter().enumerate() {
        if o.values.is_empty() {
            bad(&format!("option{}_value_en", i + 1), "form-required");
        }
    }
    let (price, stock, weight) = product;
    let digits = currency.minor_digits();
    let price_minor = match parse_major_amount(price, digits) {
        Some(p) if p > 0 => p,
        Some(_) => {
            bad("price", "variant-price-range");
            0
        }
        None => {
            bad("price", "product-price-invalid");
            0
        }
    };
    let stock = match stock.trim().parse::<i64>() {
        Ok(n) if (0..=super::product_input::MAX_STOCK).contains(&n) => {
            i32::try_from(n).unwrap_or(0)
        }
        Ok(n) if n < 0 => {
            bad("stock", "variant-stock-negative");
            0
        }
        _ => {
            bad("stock", "product-stock-invalid");
            0
        }
    };
    let weight_grams = weight.trim().parse::<i32>().ok().filter(|w| *w >= 0);
    let sku = crate::http::forms::normalize(&get("variant_sku"));
    let sku = if sku.is_empty() {
        product_sku.to_string()
    } else {
        sku
    };
    if !super::product_input::sku_ok(&sku) {
        bad("variant_sku", "product-sku-invalid");
    }
    let active = !matches!(
        get("variant_active").trim().to_lowercase().as_str(),
        "no" | "0" | "false"
    );
    Some(VariantLine {
        line,
        sku,
        price_minor,
        stock,
        weight_grams,
        active,
        options,
    })
}

fn problem(line: u64, column: &str, id: &str) -> RowProblem {
    RowProblem {
        line,
        column: column.to_string(),
        message_id: id.to_string(),
        arg: String::new(),
    }
}

/// An option as the import will write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionRef {
    Existing(i64),
    /// A new option of the shop's own, with its names.
    New(Vec<(Locale, String)>),
}

/// A value as the import will write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueRef {
    Existing(i64),
    New(Vec<(Locale, String)>),
}

/// One product's variants, resolved against the shop's options.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub options: Vec<OptionRef>,
    /// (values in option order, the line).
    pub rows: Vec<(Vec<ValueRef>, VariantLine)>,
}

/// What the import can match against: the options the shop may use with their names, and every variant SKU
/// of the shop with its product.
pub struct Known {
    texts: OptionTexts,
    shop_id: i64,
    skus: HashMap<String, i64>,
}

pub fn known(conn: &mut DbConnection, shop_id: i64) -> AppResult<Known> {
    let ids = repo::usable_by(conn, shop_id)?;
    Ok(Known {
        texts: repo::texts(conn, &ids)?,
        shop_id,
        skus: repo::skus_of_shop(conn, shop_id)?.into_iter().collect(),
    })
}

impl Known {
    fn option(&self, o: &TypedOption) -> Option<i64> {
        let folded: Vec<String> = o.names.iter().map(|(l, n)| lowercase(n, *l)).collect();
        self.texts
            .options
            .iter()
            .find(|x| {
                (!o.key.is_empty() && x.key.eq_ignore_ascii_case(&o.key))
                    || Locale::ALL.iter().any(|l| {
                        self.texts
                            .option_name_in(x.id, *l)
                            .is_some_and(|n| folded.contains(&lowercase(n, *l)))
                    })
            })
            .map(|x| x.id)
    }

    /// The value the row's names name: `Ok(None)` when none does, `Err` when its languages name different ones.
    fn value(&self, option: i64, o: &TypedOption) -> Result<Option<i64>, ()> {
        let mut found: Option<i64> = None;
        for (l, typed) in &o.values {
            let folded = lowercase(typed, *l);
            let hit = self.texts.values_of(option).find(|v| {
                v.key.to_lowercase() == folded
                    || Locale::ALL.iter().any(|x| {
                        self.texts
                            .value_name_in(v.id, *x)
                            .is_some_and(|n| lowercase(n, *x) == folded)
                    })
            });
            match (found, hit) {
                (Some(a), Some(b)) if a != b.id => return Err(()),
                (None, Some(b)) => found = Some(b.id),
                _ => {}
            }
        }
        Ok(found)
    }

    fn own(&self, option: i64) -> bool {
        self.texts
            .option(option)
            .is_some_and(|o| o.merchant_id == Some(self.shop_id))
    }

    /// Whether `sku` is a variant of another product than `product` (`None`: a product the import creates).
    pub fn taken_elsewhere(&self, sku: &str, product: Option<i64>) -> bool {
        self.skus.get(sku).is_some_and(|p| Some(*p) != product)
    }
}

/// Resolves one product's variant rows: the same options on every row, known values (or new ones of the shop's
/// own options), each combination once, at most 100.
pub fn resolve(
    known: &Known,
    product: Option<i64>,
    lines: Vec<VariantLine>,
    problems: &mut Vec<RowProblem>,
) -> Option<Resolved> {
    let first = lines.first()?;
    let shape: Vec<String> = first.options.iter().map(TypedOption::identity).collect();
    let options: Vec<OptionRef> = first
        .options
        .iter()
        .map(|o| match known.option(o) {
            Some(id) => OptionRef::Existing(id),
            None => OptionRef::New(o.names.clone()),
        })
        .collect();
    for (i, (o, r)) in first.options.iter().zip(&options).enumerate() {
        if matches!(r, OptionRef::New(names) if names.is_empty()) {
            problems.push(problem(
                first.line,
                &format!("option{}", i + 1),
                "import-option-unknown",
            ));
            let _ = o;
        }
    }
    let mut rows = Vec::new();
    let mut seen: Vec<Vec<ValueRef>> = Vec::new();
    let ok_before = problems.len();
    for line in lines {
        let this: Vec<String> = line.options.iter().map(TypedOption::identity).collect();
        if this != shape {
            problems.push(problem(line.line, "option1", "import-options-differ"));
            continue;
        }
        let values: Vec<ValueRef> = line
            .options
            .iter()
            .zip(&options)
            .enumerate()
            .filter_map(|(i, (typed, option))| match option {
                OptionRef::Existing(id) => match known.value(*id, typed) {
                    Ok(Some(v)) => Some(ValueRef::Existing(v)),
                    Err(()) => {
                        problems.push(problem(
                            line.line,
                            &format!("option{}_value_en", i + 1),
                            "import-values-disagree",
                        ));
                        None
                    }
                    Ok(None) if known.own(*id) => Some(ValueRef::New(typed.values.clone())),
                    Ok(None) => {
                        problems.push(problem(
                            line.line,
                            &format!("option{}_value_en", i + 1),
                            "variant-value-unknown",
                        ));
                        None
                    }
                },
                OptionRef::New(_) => Some(ValueRef::New(typed.values.clone())),
            })
            .collect();
        if values.len() != options.len() {
            continue;
        }
        if seen.contains(&values) {
            problems.push(problem(
                line.line,
                "option1",
                "import-duplicate-combination",
            ));
            continue;
        }
        if known.taken_elsewhere(&line.sku, product) {
            problems.push(problem(line.line, "variant_sku", "product-sku-taken"));
        }
        seen.push(values.clone());
        rows.push((values, line));
    }
    if rows.len() > MAX_VARIANTS {
        let line = rows.last().map_or(0, |(_, l)| l.line);
        problems.push(problem(line, "option1", "variant-too-many-variants"));
    }
    (problems.len() == ok_before).then_some(Resolved { options, rows })
}

/// New options and values an import created, so products sharing them get the same ones.
#[derive(Default)]
pub struct Created {
    options: HashMap<String, i64>,
    values: HashMap<(i64, String), i64>,
}

fn folded(names: &[(Locale, String)]) -> String {
    names
        .first()
        .map(|(l, n)| lowercase(n, *l))
        .unwrap_or_default()
}

/// Writes one product's variants from the file (inside the import's transaction): new options and values of
/// the shop's own first, then the variants (existing combinations keep their rows), the product's summary and
/// its search terms.
pub fn write(
    c: &mut DbConnection,
    (shop, known): (&crate::shops::model::MerchantRow, &Known),
    product_id: i64,
    r: &Resolved,
    created: &mut Created,
    w: &super::own_products::WriteCtx<'_>,
) -> AppResult<()> {
    use crate::variants::write as vw;
    let mut option_ids = Vec::new();
    for o in &r.options {
        let id = match o {
            OptionRef::Existing(id) => *id,
            OptionRef::New(names) => match created.options.get(&folded(names)) {
                Some(id) => *id,
                None => {
                    let taken = repo::option_keys(c, shop.id)?;
                    let id = vw::create_option(
                        c,
                        Some(shop.id),
                        &vw::key_of(names, &taken),
                        names,
                        w.now,
                    )?;
                    created.options.insert(folded(names), id);
                    id
                }
            },
        };
        option_ids.push(id);
    }
    let mut rows = Vec::new();
    for (values, line) in &r.rows {
        let mut ids = Vec::new();
        for (value, option) in values.iter().zip(&option_ids) {
            let id = match value {
                ValueRef::Existing(id) => *id,
                ValueRef::New(names) => match created.values.get(&(*option, folded(names))) {
                    Some(id) => *id,
                    None => {
                        let taken = repo::value_keys(c, *option)?;
                        let id = vw::create_value(c, *option, &vw::key_of(names, &taken), names)?;
                        created.values.insert((*option, folded(names)), id);
                        id
                    }
                },
            };
            ids.push(id);
        }
        rows.push(vw::VariantInput {
            values: ids,
            sku: line.sku.clone(),
            price_minor: line.price_minor,
            stock: line.stock,
            weight_grams: line.weight_grams,
            active: line.active,
            image_id: None,
        });
    }
    // Images stay as the shop set them in the editor (the file does not carry them).
    let current = repo::of_product(c, product_id)?;
    for row in &mut rows {
        let cols = crate::variants::model::value_columns(&row.values);
        row.image_id = current
            .iter()
            .find(|v| (v.value1, v.value2, v.value3) == cols)
            .and_then(|v| v.image_id);
    }
    vw::replace(c, product_id, shop.id, &option_ids, &rows, w.now)?;
    vw::rollup(c, product_id, |m| super::own_products::base_of(shop, w, m))?;
    crate::catalogue::write::reindex_product_with(c, w.analyzer, product_id, Some(&known.texts))?;
    Ok(())
}
