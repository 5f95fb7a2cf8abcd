//! Demo options and variants: the staff's shared list (sizes, colours, weights, rug sizes… in five languages)
//! and the demo products sold in sizes, colours and weights.

use std::collections::HashMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::data::{OptionSeed, VariantsSeed};
use crate::db::schema::{option_translations, option_value_translations, option_values, options};
use crate::db::DbConnection;
use crate::i18n::Locale;
use crate::money::{Currency, Money, Rates, Rounding};
use crate::variants::model::NewOption;
use crate::variants::write::{self as variant_write, VariantInput};

/// Option key → (option id, value key → value id).
pub type SharedIds = HashMap<String, (i64, HashMap<String, i64>)>;

/// Inserts the shared options with their values and names (staff's list: `merchant_id` NULL).
pub fn seed_shared(
    c: &mut DbConnection,
    seeds: &[OptionSeed],
    now: PrimitiveDateTime,
) -> QueryResult<SharedIds> {
    let mut out = SharedIds::new();
    for (position, o) in (0..).zip(seeds) {
        let id: i64 = diesel::insert_into(options::table)
            .values(&NewOption {
                merchant_id: None,
                key: o.key.clone(),
                original_lang: Locale::FALLBACK.code().to_string(),
                facet: o.facet,
                position,
                created_at: now,
            })
            .returning(options::id)
            .get_result(c)?;
        for (l, name) in &o.name {
            diesel::insert_into(option_translations::table)
                .values((
                    option_translations::option_id.eq(id),
                    option_translations::locale.eq(l),
                    option_translations::name.eq(name),
                ))
                .execute(c)?;
        }
        let mut values = HashMap::new();
        for (vpos, v) in (0..).zip(&o.values) {
            let vid: i64 = diesel::insert_into(option_values::table)
                .values((
                    option_values::option_id.eq(id),
                    option_values::key.eq(&v.key),
                    option_values::position.eq(vpos),
                ))
                .returning(option_values::id)
                .get_result(c)?;
            for (l, name) in &v.name {
                diesel::insert_into(option_value_translations::table)
                    .values((
                        option_value_translations::value_id.eq(vid),
                        option_value_translations::locale.eq(l),
                        option_value_translations::name.eq(name),
                    ))
                    .execute(c)?;
            }
            values.insert(v.key.clone(), vid);
        }
        out.insert(o.key.clone(), (id, values));
    }
    Ok(out)
}

/// Installs the standard shared list (`data/options.json`: shoe, clothing and ring sizes, colours, weights, rug
/// sizes, volumes, coffee grinds, each named in five languages) when there is no shared option yet, so a new
/// marketplace starts with the values shoppers filter by; staff own the list after that. Returns how many
/// options were added.
pub fn install_shared(c: &mut DbConnection, now: PrimitiveDateTime) -> Result<usize, String> {
    let existing: i64 = options::table
        .filter(options::merchant_id.is_null())
        .count()
        .get_result(c)
        .map_err(|e| e.to_string())?;
    if existing > 0 {
        return Ok(0);
    }
    let seeds = super::data::shared_options()?;
    seed_shared(c, &seeds, now).map_err(|e| e.to_string())?;
    Ok(seeds.len())
}

/// The shared options' ids by key, with their values' ids by key.
pub fn shared_ids(c: &mut DbConnection) -> QueryResult<SharedIds> {
    let rows: Vec<(i64, String)> = options::table
        .filter(options::merchant_id.is_null())
        .select((options::id, options::key))
        .load(c)?;
    let mut out = SharedIds::new();
    for (id, key) in rows {
        let values: HashMap<String, i64> = option_values::table
            .filter(option_values::option_id.eq(id))
            .select((option_values::key, option_values::id))
            .load::<(String, i64)>(c)?
            .into_iter()
            .collect();
        out.insert(key, (id, values));
    }
    Ok(out)
}

/// One demo product's variants: every combination at the product's price plus the values' additions, its
/// stock spread over them (the "sold out" ones get none), SKUs from the product's and the values' keys.
pub struct DemoVariants<'a> {
    pub product_id: i64,
    pub merchant_id: i64,
    pub sku: &'a str,
    pub price: Money,
    pub stock: i32,
    pub weight_grams: Option<i32>,
}

pub fn seed_product(
    c: &mut DbConnection,
    shared: &SharedIds,
    p: &DemoVariants<'_>,
    seed: &VariantsSeed,
    rates: &Rates,
    analyzer: &crate::search::Analyzer,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let mut option_ids = Vec::new();
    let mut axes: Vec<Vec<(String, i64)>> = Vec::new();
    for a in &seed.axes {
        let Some((oid, values)) = shared.get(&a.option) else {
            continue;
        };
        option_ids.push(*oid);
        axes.push(
            a.values
                .iter()
                .filter_map(|k| values.get(k).map(|id| (k.clone(), *id)))
                .collect(),
        );
    }
    let combos = axes.iter().fold(vec![Vec::new()], |acc, vs| {
        acc.iter()
            .flat_map(|prefix: &Vec<(String, i64)>| {
                vs.iter().map(move |v| {
                    let mut next = prefix.clone();
                    next.push(v.clone());
                    next
                })
            })
            .collect::<Vec<_>>()
    });
    let n = i32::try_from(combos.len().max(1)).unwrap_or(1);
    let rows: Vec<VariantInput> = combos
        .iter()
        .enumerate()
        .map(|(i, combo)| {
            let keys: Vec<&str> = combo.iter().map(|(k, _)| k.as_str()).collect();
            let add: i64 = keys.iter().filter_map(|k| seed.price_add.get(*k)).sum();
            let sold_out = seed.sold_out.contains(&keys.join("/"));
            // The stock spread unevenly but deterministically: some sizes sell faster.
            let share = (p.stock / n + i32::try_from(i % 3).unwrap_or(0)).max(1);
            VariantInput {
                values: combo.iter().map(|(_, id)| *id).collect(),
                sku: format!("{}-{}", p.sku, keys.join("-").to_uppercase()),
                price_minor: p.price.minor + add,
                stock: if sold_out { 0 } else { share },
                weight_grams: p.weight_grams,
                active: true,
                image_id: None,
            }
        })
        .collect();
    variant_write::replace(c, p.product_id, p.merchant_id, &option_ids, &rows, now)?;
    let currency: Currency = p.price.currency;
    variant_write::rollup(c, p.product_id, |m| {
        rates
            .convert(Money::new(m, currency), Currency::BASE, Rounding::HalfUp)
            .map_or(m, |x| x.minor)
    })?;
    crate::catalogue::write::reindex_product(c, analyzer, p.product_id)
}
