//! Category reads shared by the catalogue, campaigns, checkout and the staff editor.

use diesel::prelude::*;

use super::model::{CategoryRow, CategoryTranslation};
use crate::db::schema::{categories, category_slug_history, category_translations};
use crate::db::DbConnection;
use crate::i18n::Locale;

pub fn category_tree_rows(
    conn: &mut DbConnection,
) -> QueryResult<(Vec<CategoryRow>, Vec<CategoryTranslation>)> {
    let rows = categories::table
        .select(CategoryRow::as_select())
        .load(conn)?;
    let names = category_translations::table
        .select(CategoryTranslation::as_select())
        .load(conn)?;
    Ok((rows, names))
}

/// The category an old slug now leads to (for 301s).
pub fn slug_redirect(
    conn: &mut DbConnection,
    locale: Locale,
    slug: &str,
) -> QueryResult<Option<i64>> {
    category_slug_history::table
        .filter(category_slug_history::locale.eq(locale.code()))
        .filter(category_slug_history::slug.eq(slug))
        .select(category_slug_history::category_id)
        .first(conn)
        .optional()
}
