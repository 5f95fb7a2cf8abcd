//! Reading variants and options (Diesel only).

use diesel::prelude::*;

use super::model::*;
use super::texts::OptionTexts;
use crate::db::schema::{option_translations, option_value_translations, option_values, options};
use crate::db::schema::{product_options, product_variants};
use crate::db::DbConnection;

/// A product's variants, active or not, in their order.
pub fn of_product(conn: &mut DbConnection, product_id: i64) -> QueryResult<Vec<VariantRow>> {
    product_variants::table
        .filter(product_variants::product_id.eq(product_id))
        .order((product_variants::position, product_variants::id))
        .select(VariantRow::as_select())
        .load(conn)
}

/// Variants by id (any product).
pub fn by_ids(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<VariantRow>> {
    crate::load_by_ids!(conn, product_variants::id, ids, |one_of| {
        product_variants::table
            .filter(one_of)
            .select(VariantRow::as_select())
    })
}

/// The variants of several products (for pages that show many).
pub fn of_products(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<VariantRow>> {
    crate::load_by_ids!(conn, product_variants::product_id, ids, |one_of| {
        product_variants::table
            .filter(one_of)
            .order((product_variants::position, product_variants::id))
            .select(VariantRow::as_select())
    })
}

/// The options a product varies by, in order.
pub fn product_options(
    conn: &mut DbConnection,
    product_id: i64,
) -> QueryResult<Vec<ProductOption>> {
    product_options::table
        .filter(product_options::product_id.eq(product_id))
        .order(product_options::position)
        .select(ProductOption::as_select())
        .load(conn)
}

/// The options of several products, by product then position.
pub fn options_of_products(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<ProductOption>> {
    crate::load_by_ids!(conn, product_options::product_id, ids, |one_of| {
        product_options::table
            .filter(one_of)
            .order((product_options::product_id, product_options::position))
            .select(ProductOption::as_select())
    })
}

/// Names and values of these options, every language.
pub fn texts(conn: &mut DbConnection, option_ids: &[i64]) -> QueryResult<OptionTexts> {
    if option_ids.is_empty() {
        return Ok(OptionTexts::default());
    }
    let rows: Vec<OptionRow> = options::table
        .filter(options::id.eq_any(option_ids))
        .select(OptionRow::as_select())
        .load(conn)?;
    let names: Vec<OptionName> = option_translations::table
        .filter(option_translations::option_id.eq_any(option_ids))
        .select(OptionName::as_select())
        .load(conn)?;
    let values: Vec<ValueRow> = option_values::table
        .filter(option_values::option_id.eq_any(option_ids))
        .select(ValueRow::as_select())
        .load(conn)?;
    let value_ids: Vec<i64> = values.iter().map(|v| v.id).collect();
    let value_names: Vec<ValueName> = crate::load_by_ids!(
        conn,
        option_value_translations::value_id,
        &value_ids,
        |one_of| option_value_translations::table
            .filter(one_of)
            .select(ValueName::as_select())
    )?;
    Ok(OptionTexts::new(rows, values, names, value_names))
}

/// The options a shop may use: the staff's shared list and its own, by position.
pub fn usable_by(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Vec<i64>> {
    options::table
        .filter(
            options::merchant_id
                .is_null()
                .or(options::merchant_id.eq(shop_id)),
        )
        .order((options::position, options::id))
        .select(options::id)
        .load(conn)
}

/// The staff's shared options that listings offer as facets (sizes, colours…), by position.
pub fn facet_options(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    options::table
        .filter(options::merchant_id.is_null())
        .filter(options::facet)
        .order((options::position, options::id))
        .select(options::id)
        .load(conn)
}

/// A shop's own options, by position.
pub fn own(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Vec<i64>> {
    options::table
        .filter(options::merchant_id.eq(shop_id))
        .order((options::position, options::id))
        .select(options::id)
        .load(conn)
}

/// How many products are sold in an option.
pub fn products_of_option(conn: &mut DbConnection, option_id: i64) -> QueryResult<i64> {
    product_options::table
        .filter(product_options::option_id.eq(option_id))
        .count()
        .get_result(conn)
}

/// The staff's shared options.
pub fn shared(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    options::table
        .filter(options::merchant_id.is_null())
        .order((options::position, options::id))
        .select(options::id)
        .load(conn)
}

/// The variant with this SKU in the shop, if any (SKUs are unique per shop).
pub fn by_sku(conn: &mut DbConnection, shop_id: i64, sku: &str) -> QueryResult<Option<VariantRow>> {
    product_variants::table
        .filter(product_variants::merchant_id.eq(shop_id))
        .filter(product_variants::sku.eq(sku))
        .select(VariantRow::as_select())
        .first(conn)
        .optional()
}

/// (SKU, product) of every variant of a shop.
pub fn skus_of_shop(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Vec<(String, i64)>> {
    product_variants::table
        .filter(product_variants::merchant_id.eq(shop_id))
        .select((product_variants::sku, product_variants::product_id))
        .load(conn)
}

/// Keys of a shop's own options, or of an option's values (for new, unique keys).
pub fn option_keys(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Vec<String>> {
    options::table
        .filter(options::merchant_id.eq(shop_id))
        .select(options::key)
        .load(conn)
}

pub fn value_keys(conn: &mut DbConnection, option_id: i64) -> QueryResult<Vec<String>> {
    option_values::table
        .filter(option_values::option_id.eq(option_id))
        .select(option_values::key)
        .load(conn)
}
