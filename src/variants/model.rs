//! Variant and option rows, and the limits of one product.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{option_translations, option_value_translations, option_values, options};
use crate::db::schema::{product_options, product_variants};

/// Options per product.
pub const MAX_OPTIONS: usize = 3;
/// Variants per product.
pub const MAX_VARIANTS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = product_variants)]
pub struct VariantRow {
    pub id: i64,
    pub product_id: i64,
    pub merchant_id: i64,
    pub sku: String,
    pub value1: i64,
    pub value2: i64,
    pub value3: i64,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
    pub active: bool,
    pub image_id: Option<i64>,
    pub position: i32,
}

impl VariantRow {
    /// The option value ids of this variant, in the product's option order (none for a product without options).
    pub fn values(&self) -> Vec<i64> {
        [self.value1, self.value2, self.value3]
            .into_iter()
            .filter(|v| *v != 0)
            .collect()
    }

    /// Whether a shopper can buy it now.
    pub fn available(&self) -> bool {
        self.active && self.stock > 0
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = product_variants)]
pub struct NewVariant {
    pub product_id: i64,
    pub merchant_id: i64,
    pub sku: String,
    pub value1: i64,
    pub value2: i64,
    pub value3: i64,
    pub price_minor: i64,
    pub stock: i32,
    pub weight_grams: Option<i32>,
    pub active: bool,
    pub image_id: Option<i64>,
    pub position: i32,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

/// The three value columns from a combination (missing options are 0).
pub fn value_columns(values: &[i64]) -> (i64, i64, i64) {
    let at = |i: usize| values.get(i).copied().unwrap_or(0);
    (at(0), at(1), at(2))
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = options)]
pub struct OptionRow {
    pub id: i64,
    /// `None`: the staff's shared list.
    pub merchant_id: Option<i64>,
    pub key: String,
    pub original_lang: String,
    pub facet: bool,
    pub position: i32,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = options)]
pub struct NewOption {
    pub merchant_id: Option<i64>,
    pub key: String,
    pub original_lang: String,
    pub facet: bool,
    pub position: i32,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = option_translations)]
pub struct OptionName {
    pub option_id: i64,
    pub locale: String,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = option_values)]
pub struct ValueRow {
    pub id: i64,
    pub option_id: i64,
    pub key: String,
    pub position: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = option_value_translations)]
pub struct ValueName {
    pub value_id: i64,
    pub locale: String,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = product_options)]
pub struct ProductOption {
    pub product_id: i64,
    /// 1–3, the order shoppers choose in.
    pub position: i32,
    pub option_id: i64,
}
