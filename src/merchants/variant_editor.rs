//! The variant editor's service: what the page shows of one of the shop's products, saving its options (values
//! matched in any language, new ones created for the shop's own options, the combinations generated) and
//! saving the variants table. Another shop's product is "not found"; SKUs stay unique in the shop.

use diesel::prelude::*;

use super::own_products::{self, base_of, WriteCtx};
use super::product_input::MAX_SKU;
use super::variant_input::{SlotOption, ValidRow, ValidSlot};
use crate::catalogue::model::{ImageRow, ProductRow};
use crate::catalogue::service::rates_at;
use crate::db::schema::products;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::http::forms::FormErrors;
use crate::i18n::{lowercase, Locale};
use crate::search::Analyzer;
use crate::shops::model::MerchantRow;
use crate::variants::model::{ProductOption, VariantRow};
use crate::variants::write::{self as variant_write, VariantInput};
use crate::variants::{repo, OptionTexts};

/// What the editor page shows.
pub struct Editor {
    pub product: ProductRow,
    /// In the reader's language, else the original.
    pub title: String,
    pub options: Vec<ProductOption>,
    pub variants: Vec<VariantRow>,
    /// Names of the options the shop may use and of the product's.
    pub texts: OptionTexts,
    pub usable: Vec<i64>,
    pub images: Vec<ImageRow>,
}

pub fn load(c: &mut DbConnection, shop_id: i64, product_id: i64, l: Locale) -> AppResult<Editor> {
    let product = own_products::owned(c, shop_id, product_id)?;
    let title = crate::catalogue::service::product_names(c, &[product_id], l)?
        .remove(&product_id)
        .map_or_else(|| product.sku.clone(), |n| n.title);
    let options = repo::product_options(c, product_id)?;
    let variants = repo::of_product(c, product_id)?;
    let usable = repo::usable_by(c, shop_id)?;
    let mut ids = usable.clone();
    ids.extend(options.iter().map(|o| o.option_id));
    ids.sort_unstable();
    ids.dedup();
    let texts = repo::texts(c, &ids)?;
    let images = crate::catalogue::repo::images(c, product_id)?;
    Ok(Editor {
        product,
        title,
        options,
        variants,
        texts,
        usable,
        images,
    })
}

/// The option of a slot: an existing one the shop may use, or a new one of the shop's own.
fn option_of(
    c: &mut DbConnection,
    shop: &MerchantRow,
    slot: &SlotOption,
    l: Locale,
    now: time::PrimitiveDateTime,
) -> QueryResult<i64> {
    match slot {
        SlotOption::Existing(id) => Ok(*id),
        SlotOption::New(name) => {
            let taken = repo::option_keys(c, shop.id)?;
            let key = variant_write::fresh_key(name, &taken);
            variant_write::create_option(c, Some(shop.id), &key, &[(l, name.clone())], now)
        }
    }
}

/// The value ids of typed names: a name matches a value's key or its name in any language (in the merchant's
/// casing). Names no value has become values of a shop's own option; for a shared option they are an error.
fn values_of(
    c: &mut DbConnection,
    shop: &MerchantRow,
    option_id: i64,
    names: &[String],
    l: Locale,
) -> QueryResult<Result<Vec<i64>, ()>> {
    let texts = repo::texts(c, &[option_id])?;
    let own = texts
        .option(option_id)
        .is_some_and(|o| o.merchant_id == Some(shop.id));
    let mut keys: Vec<String> = texts.values_of(option_id).map(|v| v.key.clone()).collect();
    let mut out = Vec::new();
    for name in names {
        let folded = lowercase(name, l);
        let found = texts.values_of(option_id).find(|v| {
            lowercase(&v.key, l) == folded
                || Locale::ALL.iter().any(|x| {
                    texts
                        .value_name_in(v.id, *x)
                        .is_some_and(|n| lowercase(n, l) == folded)
                })
        });
        match found {
            Some(v) => out.push(v.id),
            None if own => {
                let key = variant_write::fresh_key(name, &keys);
                let id = variant_write::create_value(c, option_id, &key, &[(l, name.clone())])?;
                keys.push(key);
                out.push(id);
            }
            None => return Ok(Err(())),
        }
    }
    Ok(Ok(out))
}

/// Every combination of one value per option, in the options' order (one empty combination without options).
pub fn combinations(values: &[Vec<i64>]) -> Vec<Vec<i64>> {
    values.iter().fold(vec![Vec::new()], |acc, vs| {
        acc.iter()
            .flat_map(|prefix| {
                vs.iter().map(move |v| {
                    let mut next = prefix.clone();
                    next.push(*v);
                    next
                })
            })
            .collect()
    })
}

/// Whether `sku` belongs to another product of the shop (its product key or one of its variants).
fn sku_elsewhere(
    c: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
    sku: &str,
) -> QueryResult<bool> {
    let product: Option<i64> = products::table
        .filter(products::merchant_id.eq(shop_id))
        .filter(products::sku.eq(sku))
        .filter(products::id.ne(product_id))
        .select(products::id)
        .first(c)
        .optional()?;
    Ok(product.is_some()
        || repo::by_sku(c, shop_id, sku)?.is_some_and(|v| v.product_id != product_id))
}

/// A new variant's SKU: the product's and the values' keys ("PGH-0101-38-BLACK"), made unique in the shop.
fn new_sku(
    c: &mut DbConnection,
    p: &ProductRow,
    texts: &OptionTexts,
    combo: &[i64],
    used: &[String],
) -> QueryResult<String> {
    let mut base = p.sku.clone();
    for v in combo {
        if let Some(value) = texts.value(*v) {
            base.push('-');
            base.push_str(&value.key.to_uppercase());
        }
    }
    let base: String = base.chars().take(MAX_SKU - 4).collect();
    let mut sku = base.clone();
    let mut n = 2;
    while used.contains(&sku) || sku_elsewhere(c, p.merchant_id, p.id, &sku)? {
        sku = format!("{base}-{n}");
        n += 1;
    }
    Ok(sku)
}

/// Saves the product's options and generates its combinations: existing ones keep their SKU, price, stock and
/// image; new ones start at the product's price with no stock. `Err` carries the field errors (a value a shared
/// option does not have).
pub fn save_options(
    c: &mut DbConnection,
    shop: &MerchantRow,
    product_id: i64,
    slots: &[ValidSlot],
    l: Locale,
    at: time::PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    in_tx(c, at, |c, w| {
        let p = own_products::owned(c, shop.id, product_id)?;
        let usable = repo::usable_by(c, shop.id)?;
        let mut option_ids = Vec::new();
        let mut value_ids = Vec::new();
        let mut e = FormErrors::default();
        for slot in slots {
            if let SlotOption::Existing(id) = slot.option {
                if !usable.contains(&id) {
                    e.add(&format!("option{}", slot.n), "variant-option-invalid");
                    continue;
                }
            }
            let option = option_of(c, shop, &slot.option, l, w.now)?;
            match values_of(c, shop, option, &slot.values, l)? {
                Ok(values) => value_ids.push(values),
                Err(()) => e.add(&format!("values{}", slot.n), "variant-value-unknown"),
            }
            option_ids.push(option);
        }
        if !e.is_empty() {
            return Ok(Err(e));
        }
        let texts = repo::texts(c, &option_ids)?;
        let current = repo::of_product(c, product_id)?;
        let template = current.iter().find(|v| v.active).or(current.first());
        let mut rows: Vec<VariantInput> = Vec::new();
        let mut used: Vec<String> = Vec::new();
        for combo in combinations(&value_ids) {
            let cols = crate::variants::model::value_columns(&combo);
            let kept = current
                .iter()
                .find(|v| (v.value1, v.value2, v.value3) == cols && !used.contains(&v.sku));
            let row = match kept {
                Some(v) => VariantInput {
                    values: combo,
                    sku: v.sku.clone(),
                    price_minor: v.price_minor,
                    stock: v.stock,
                    weight_grams: v.weight_grams,
                    active: v.active,
                    image_id: v.image_id,
                },
                None => VariantInput {
                    sku: if combo.is_empty() {
                        p.sku.clone()
                    } else {
                        new_sku(c, &p, &texts, &combo, &used)?
                    },
                    values: combo,
                    price_minor: template.map_or(p.price_minor, |v| v.price_minor),
                    stock: 0,
                    weight_grams: template.map_or(p.weight_grams, |v| v.weight_grams),
                    active: true,
                    image_id: None,
                },
            };
            used.push(row.sku.clone());
            rows.push(row);
        }
        variant_write::replace(c, product_id, shop.id, &option_ids, &rows, w.now)?;
        variant_write::rollup(c, product_id, |m| base_of(shop, w, m))?;
        crate::catalogue::write::reindex_product(c, w.analyzer, product_id)?;
        Ok(Ok(()))
    })
}

/// Saves the variants table (rows of other products or removed since are ignored). A SKU another product of
/// the shop uses is a field error.
pub fn save_variants(
    c: &mut DbConnection,
    shop: &MerchantRow,
    product_id: i64,
    rows: &[ValidRow],
    at: time::PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    in_tx(c, at, |c, w| {
        own_products::owned(c, shop.id, product_id)?;
        let options: Vec<i64> = repo::product_options(c, product_id)?
            .iter()
            .map(|o| o.option_id)
            .collect();
        let current = repo::of_product(c, product_id)?;
        let mut e = FormErrors::default();
        let mut next = Vec::new();
        for v in &current {
            let Some(r) = rows.iter().find(|r| r.id == v.id) else {
                return Ok(Err(changed()));
            };
            if sku_elsewhere(c, shop.id, product_id, &r.sku)? {
                e.add(&format!("sku-{}", r.id), "product-sku-taken");
            }
            next.push(VariantInput {
                values: v.values(),
                sku: r.sku.clone(),
                price_minor: r.price_minor,
                stock: r.stock,
                weight_grams: r.weight_grams,
                active: r.active,
                image_id: r.image_id,
            });
        }
        if !e.is_empty() {
            return Ok(Err(e));
        }
        variant_write::replace(c, product_id, shop.id, &options, &next, w.now)?;
        variant_write::rollup(c, product_id, |m| base_of(shop, w, m))?;
        crate::catalogue::write::reindex_product(c, w.analyzer, product_id)?;
        Ok(Ok(()))
    })
}

/// Runs a save in one transaction with the rates in force at `at` (for the base prices) and the analyzer.
fn in_tx<T>(
    c: &mut DbConnection,
    at: time::PrimitiveDateTime,
    f: impl FnOnce(&mut DbConnection, &WriteCtx<'_>) -> AppResult<T>,
) -> AppResult<T> {
    let (rates, analyzer) = (rates_at(c, at)?, Analyzer::new());
    let w = WriteCtx {
        rates: &rates,
        analyzer: &analyzer,
        now: at,
    };
    crate::db::write_tx(c, |c| f(c, &w))
}

/// The table no longer matches the product's variants (changed in another tab): reload and enter again.
fn changed() -> FormErrors {
    let mut e = FormErrors::default();
    e.add("all_price", "variant-table-changed");
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_follow_the_options_order() {
        assert_eq!(combinations(&[]), vec![Vec::<i64>::new()]);
        assert_eq!(
            combinations(&[vec![1, 2], vec![7, 8, 9]]),
            vec![
                vec![1, 7],
                vec![1, 8],
                vec![1, 9],
                vec![2, 7],
                vec![2, 8],
                vec![2, 9]
            ]
        );
        assert_eq!(
            variant_write::fresh_key("Rosso scuro", &["rosso-scuro".into()]),
            "rosso-scuro-2"
        );
    }
}
