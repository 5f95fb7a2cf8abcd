//! Writing variants, and the product summary kept from them. Every function runs inside the caller's
//! transaction; ownership checks are the caller's.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{value_columns, NewOption, NewVariant, ProductOption, VariantRow};
use crate::db::schema::{option_translations, option_value_translations, option_values, options};
use crate::db::schema::{product_options, product_values, product_variants, products};
use crate::db::DbConnection;
use crate::i18n::Locale;

/// A key unique among `taken`, from a name ("Rosso scuro" → "rosso-scuro", then "rosso-scuro-2", …); a name
/// with no letter to keep gives "option".
pub fn fresh_key(name: &str, taken: &[String]) -> String {
    let base: String = slug::slugify(name).chars().take(50).collect();
    let base = match base.trim_end_matches('-') {
        "" => "option".to_string(),
        b => b.to_string(),
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// A new option's or value's key from its names (the first language given), unique among `taken`.
pub fn key_of(names: &[(Locale, String)], taken: &[String]) -> String {
    let first = names.first().map_or("option", |(_, n)| n.as_str());
    fresh_key(first, taken)
}

/// Creates an option of a shop's own (`merchant_id`) or of the shared list (`None`) with its names.
pub fn create_option(
    conn: &mut DbConnection,
    merchant_id: Option<i64>,
    key: &str,
    names: &[(Locale, String)],
    now: PrimitiveDateTime,
) -> QueryResult<i64> {
    let original = names.first().map_or(Locale::FALLBACK, |(l, _)| *l);
    let id: i64 = diesel::insert_into(options::table)
        .values(&NewOption {
            merchant_id,
            key: key.to_string(),
            original_lang: original.code().to_string(),
            facet: false,
            position: 100,
            created_at: now,
        })
        .returning(options::id)
        .get_result(conn)?;
    set_option_names(conn, id, names)?;
    Ok(id)
}

/// Adds a value to an option, last in its order, with its names.
pub fn create_value(
    conn: &mut DbConnection,
    option_id: i64,
    key: &str,
    names: &[(Locale, String)],
) -> QueryResult<i64> {
    let last: Option<i32> = option_values::table
        .filter(option_values::option_id.eq(option_id))
        .select(diesel::dsl::max(option_values::position))
        .first(conn)?;
    let id: i64 = diesel::insert_into(option_values::table)
        .values((
            option_values::option_id.eq(option_id),
            option_values::key.eq(key),
            option_values::position.eq(last.map_or(0, |p| p + 1)),
        ))
        .returning(option_values::id)
        .get_result(conn)?;
    set_value_names(conn, id, names)?;
    Ok(id)
}

/// Replaces an option's names with `names` (a language left out has none).
pub fn set_option_names(
    conn: &mut DbConnection,
    option_id: i64,
    names: &[(Locale, String)],
) -> QueryResult<()> {
    diesel::delete(option_translations::table.filter(option_translations::option_id.eq(option_id)))
        .execute(conn)?;
    for (l, name) in names {
        diesel::insert_into(option_translations::table)
            .values((
                option_translations::option_id.eq(option_id),
                option_translations::locale.eq(l.code()),
                option_translations::name.eq(name),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Replaces a value's names with `names`.
pub fn set_value_names(
    conn: &mut DbConnection,
    value_id: i64,
    names: &[(Locale, String)],
) -> QueryResult<()> {
    diesel::delete(
        option_value_translations::table.filter(option_value_translations::value_id.eq(value_id)),
    )
    .execute(conn)?;
    for (l, name) in names {
        diesel::insert_into(option_value_translations::table)
            .values((
                option_value_translations::value_id.eq(value_id),
                option_value_translations::locale.eq(l.code()),
                option_value_translations::name.eq(name),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets an option's original language and whether listings offer it as a facet.
pub fn set_option_flags(
    conn: &mut DbConnection,
    option_id: i64,
    original: Locale,
    facet: bool,
) -> QueryResult<()> {
    diesel::update(options::table.find(option_id))
        .set((
            options::original_lang.eq(original.code()),
            options::facet.eq(facet),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The one variant of a product without options.
pub struct Simple<'a> {
    pub product_id: i64,
    pub merchant_id: i64,
    pub sku: &'a str,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
}

/// Whether the product varies by some option.
pub fn has_options(conn: &mut DbConnection, product_id: i64) -> QueryResult<bool> {
    let n: i64 = product_options::table
        .filter(product_options::product_id.eq(product_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

fn new_simple(s: &Simple<'_>, now: PrimitiveDateTime) -> NewVariant {
    NewVariant {
        product_id: s.product_id,
        merchant_id: s.merchant_id,
        sku: s.sku.to_string(),
        value1: 0,
        value2: 0,
        value3: 0,
        price_minor: s.price_minor.max(1),
        stock: s.stock.max(0),
        weight_grams: s.weight_grams,
        active: true,
        image_id: None,
        position: 0,
        created_at: now,
        updated_at: now,
    }
}

/// Creates the default variants of new products without options (one statement per 500).
pub fn add_simple(
    conn: &mut DbConnection,
    rows: &[Simple<'_>],
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        let fresh: Vec<NewVariant> = chunk.iter().map(|s| new_simple(s, now)).collect();
        crate::on_backend!(conn, |c| diesel::insert_into(product_variants::table)
            .values(&fresh)
            .execute(c))?;
    }
    Ok(())
}

/// Writes the one variant of a product without options (its SKU, price, stock and weight are the product
/// form's); creates it when missing.
pub fn set_simple(
    conn: &mut DbConnection,
    s: &Simple<'_>,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let n = diesel::update(
        product_variants::table
            .filter(product_variants::product_id.eq(s.product_id))
            .filter(product_variants::value1.eq(0)),
    )
    .set((
        product_variants::sku.eq(s.sku),
        product_variants::price_minor.eq(s.price_minor.max(1)),
        product_variants::stock.eq(s.stock.max(0)),
        product_variants::weight_grams.eq(s.weight_grams),
        product_variants::active.eq(true),
        product_variants::updated_at.eq(now),
    ))
    .execute(conn)?;
    if n == 0 {
        add_simple(conn, std::slice::from_ref(s), now)?;
    }
    Ok(())
}

/// The summary of a product's variants the product row keeps: lowest active price (lowest of all when none is
/// active) and total stock of the active ones.
pub fn summary(variants: &[VariantRow]) -> Option<(i64, i32)> {
    let active = variants.iter().filter(|v| v.active);
    let price = active
        .clone()
        .map(|v| v.price_minor)
        .min()
        .or_else(|| variants.iter().map(|v| v.price_minor).min())?;
    let stock = active.fold(0_i32, |n, v| n.saturating_add(v.stock.max(0)));
    Some((price, stock))
}

/// Recomputes the product row's price, base price (`base_of` converts a price in the shop's currency) and
/// stock from its variants. On PostgreSQL the product row is locked first, so a checkout decrementing it at
/// the same moment applies its change after this one (never lost).
pub fn rollup(
    conn: &mut DbConnection,
    product_id: i64,
    base_of: impl Fn(i64) -> i64,
) -> QueryResult<()> {
    if let DbConnection::Pg(c) = conn {
        products::table
            .find(product_id)
            .select(products::id)
            .for_update()
            .first::<i64>(c)?;
    }
    let variants = super::repo::of_product(conn, product_id)?;
    let Some((price, stock)) = summary(&variants) else {
        return Ok(());
    };
    diesel::update(products::table.find(product_id))
        .set((
            products::price_minor.eq(price),
            products::base_price_minor.eq(base_of(price)),
            products::stock.eq(stock),
        ))
        .execute(conn)?;
    Ok(())
}

/// The option values a product's active variants have, each with whether one of those variants is in stock.
pub fn values_of(variants: &[VariantRow]) -> Vec<(i64, bool)> {
    let mut out: Vec<(i64, bool)> = Vec::new();
    for v in variants.iter().filter(|v| v.active) {
        for value in v.values() {
            match out.iter_mut().find(|(id, _)| *id == value) {
                Some((_, in_stock)) => *in_stock |= v.stock > 0,
                None => out.push((value, v.stock > 0)),
            }
        }
    }
    out
}

/// Rewrites the product's `product_values` (what listings filter and count by) from its variants.
pub fn refresh_values(conn: &mut DbConnection, product_id: i64) -> QueryResult<()> {
    let variants = super::repo::of_product(conn, product_id)?;
    diesel::delete(product_values::table.filter(product_values::product_id.eq(product_id)))
        .execute(conn)?;
    let rows: Vec<_> = values_of(&variants)
        .into_iter()
        .map(|(value, in_stock)| {
            (
                product_values::value_id.eq(value),
                product_values::product_id.eq(product_id),
                product_values::in_stock.eq(in_stock),
            )
        })
        .collect();
    if !rows.is_empty() {
        crate::on_backend!(conn, |c| diesel::insert_into(product_values::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

/// Takes `quantity` units of an active variant of a listed product if that many are left, and says how many are
/// left then; `None` otherwise (nothing changes). The product's total follows. Callers take variants in id order, so two checkouts never
/// wait on each other in a cycle.
pub fn take(
    conn: &mut DbConnection,
    variant_id: i64,
    product_id: i64,
    quantity: i32,
) -> QueryResult<Option<i32>> {
    let left: Option<i32> = diesel::update(
        product_variants::table
            .filter(product_variants::id.eq(variant_id))
            .filter(product_variants::active)
            .filter(product_variants::stock.ge(quantity)),
    )
    .set(product_variants::stock.eq(product_variants::stock - quantity))
    .returning(product_variants::stock)
    .get_result(conn)
    .optional()?;
    let Some(left) = left else {
        return Ok(None);
    };
    if left == 0 {
        // The last unit: "size 40 in stock" may no longer hold.
        refresh_values(conn, product_id)?;
    }
    let listed = diesel::update(
        products::table
            .filter(products::id.eq(product_id))
            .filter(products::listed),
    )
    .set(products::stock.eq(products::stock - quantity))
    .execute(conn)?;
    Ok((listed > 0).then_some(left))
}

/// Puts units back (a cancelled order). A variant removed since is not recreated; an inactive one keeps them
/// without counting in the product's total.
pub fn put_back(
    conn: &mut DbConnection,
    variant_id: i64,
    product_id: i64,
    quantity: i32,
) -> QueryResult<()> {
    let back: Option<(bool, i32)> = diesel::update(product_variants::table.find(variant_id))
        .set(product_variants::stock.eq(product_variants::stock + quantity))
        .returning((product_variants::active, product_variants::stock))
        .get_result(conn)
        .optional()?;
    if let Some((true, stock)) = back {
        diesel::update(products::table.find(product_id))
            .set(products::stock.eq(products::stock + quantity))
            .execute(conn)?;
        if stock == quantity {
            refresh_values(conn, product_id)?;
        }
    }
    Ok(())
}

/// One variant as an editor saves it: its combination (value ids in the product's option order) and fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantInput {
    pub values: Vec<i64>,
    pub sku: String,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
    pub active: bool,
    pub image_id: Option<i64>,
}

/// Replaces a product's options and variants. A combination that already exists keeps its variant row (and so
/// its id in carts and orders); combinations no longer given are removed (carts drop them; orders keep their
/// snapshot). Callers validate first (limits, SKU clashes, duplicate combinations) and call [`rollup`] after.
pub fn replace(
    conn: &mut DbConnection,
    product_id: i64,
    merchant_id: i64,
    options: &[i64],
    rows: &[VariantInput],
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let current = super::repo::of_product(conn, product_id)?;
    let wanted: Vec<(i64, i64, i64)> = rows.iter().map(|r| value_columns(&r.values)).collect();
    let gone: Vec<i64> = current
        .iter()
        .filter(|v| !wanted.contains(&(v.value1, v.value2, v.value3)))
        .map(|v| v.id)
        .collect();
    if !gone.is_empty() {
        diesel::delete(product_variants::table.filter(product_variants::id.eq_any(&gone)))
            .execute(conn)?;
    }
    // SKUs may move between variants of the product: kept variants whose SKU changes first take a placeholder
    // no SKU can equal (it starts with a control character), so the per-shop unique index holds throughout.
    for v in current.iter().filter(|v| !gone.contains(&v.id)) {
        let next = rows
            .iter()
            .find(|r| value_columns(&r.values) == (v.value1, v.value2, v.value3));
        if next.is_some_and(|r| r.sku != v.sku) {
            diesel::update(product_variants::table.find(v.id))
                .set(product_variants::sku.eq(format!("\u{1}{}", v.id)))
                .execute(conn)?;
        }
    }
    diesel::delete(product_options::table.filter(product_options::product_id.eq(product_id)))
        .execute(conn)?;
    let links: Vec<ProductOption> = options
        .iter()
        .zip(1..)
        .map(|(o, position)| ProductOption {
            product_id,
            position,
            option_id: *o,
        })
        .collect();
    crate::on_backend!(conn, |c| diesel::insert_into(product_options::table)
        .values(&links)
        .execute(c))?;
    let mut kept: Vec<&VariantRow> = current.iter().filter(|v| !gone.contains(&v.id)).collect();
    kept.sort_by_key(|v| v.id);
    for (position, r) in (0..).zip(rows) {
        let (value1, value2, value3) = value_columns(&r.values);
        let existing = kept
            .iter()
            .find(|v| (v.value1, v.value2, v.value3) == (value1, value2, value3));
        match existing {
            Some(v) => {
                diesel::update(product_variants::table.find(v.id))
                    .set((
                        product_variants::sku.eq(&r.sku),
                        product_variants::price_minor.eq(r.price_minor),
                        product_variants::stock.eq(r.stock),
                        product_variants::weight_grams.eq(r.weight_grams),
                        product_variants::active.eq(r.active),
                        product_variants::image_id.eq(r.image_id),
                        product_variants::position.eq(position),
                        product_variants::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(product_variants::table)
                    .values(&NewVariant {
                        product_id,
                        merchant_id,
                        sku: r.sku.clone(),
                        value1,
                        value2,
                        value3,
                        price_minor: r.price_minor,
                        stock: r.stock,
                        weight_grams: r.weight_grams,
                        active: r.active,
                        image_id: r.image_id,
                        position,
                        created_at: now,
                        updated_at: now,
                    })
                    .execute(conn)?;
            }
        }
    }
    refresh_values(conn, product_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(price: i64, stock: i32, active: bool) -> VariantRow {
        VariantRow {
            id: 1,
            product_id: 1,
            merchant_id: 1,
            sku: String::new(),
            value1: 0,
            value2: 0,
            value3: 0,
            price_minor: price,
            stock,
            weight_grams: None,
            active,
            image_id: None,
            position: 0,
        }
    }

    #[test]
    fn the_summary_counts_active_variants_only() {
        assert_eq!(summary(&[]), None);
        let vs = [v(900, 2, true), v(500, 7, false), v(1200, 0, true)];
        assert_eq!(summary(&vs), Some((900, 2)));
        assert_eq!(summary(&[v(500, 7, false)]), Some((500, 0)));
    }
}
