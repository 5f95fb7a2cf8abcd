//! Category rows: the tree's nodes and their names and slugs per language.

use diesel::prelude::*;

use crate::db::schema::{categories, category_translations};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct CategoryRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub key: String,
    pub hidden: bool,
    /// Its goods (and its subcategories') take a country's reduced VAT rate (food, books).
    pub reduced_vat: bool,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = categories)]
pub struct NewCategory {
    pub parent_id: Option<i64>,
    pub position: i32,
    pub key: String,
    pub hidden: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = category_translations)]
pub struct CategoryTranslation {
    pub category_id: i64,
    pub locale: String,
    pub name: String,
    pub slug: String,
}
