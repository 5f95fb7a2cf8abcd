//! Site page revisions: append-only; the newest per (page, language) is the page.

use diesel::dsl::{count_star, max};
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{site_page_revisions as r, users};
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = r)]
pub struct Revision {
    pub id: i64,
    pub page_key: String,
    pub locale: String,
    pub title: String,
    pub body: String,
    pub author_id: Option<i64>,
    pub created_at: PrimitiveDateTime,
}

pub fn latest(conn: &mut DbConnection, key: &str, locale: &str) -> QueryResult<Option<Revision>> {
    r::table
        .filter(r::page_key.eq(key))
        .filter(r::locale.eq(locale))
        .order(r::id.desc())
        .select(Revision::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Revision>> {
    r::table
        .find(id)
        .select(Revision::as_select())
        .first(conn)
        .optional()
}

/// Newest first, with the author's email.
pub fn history(
    conn: &mut DbConnection,
    key: &str,
    locale: &str,
    limit: i64,
) -> QueryResult<Vec<(Revision, Option<String>)>> {
    r::table
        .left_join(users::table)
        .filter(r::page_key.eq(key))
        .filter(r::locale.eq(locale))
        .order(r::id.desc())
        .limit(limit)
        .select((Revision::as_select(), users::email.nullable()))
        .load(conn)
}

/// (page key, locale, revisions, last saved) of an edited page.
pub type Edited = (String, String, i64, Option<PrimitiveDateTime>);

/// Every edited page.
pub fn edited(conn: &mut DbConnection) -> QueryResult<Vec<Edited>> {
    r::table
        .group_by((r::page_key, r::locale))
        .select((r::page_key, r::locale, count_star(), max(r::created_at)))
        .load(conn)
}

pub fn insert(
    conn: &mut DbConnection,
    key: &str,
    locale: &str,
    title: &str,
    body: &str,
    author: i64,
    now: PrimitiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(r::table)
        .values((
            r::page_key.eq(key),
            r::locale.eq(locale),
            r::title.eq(title),
            r::body.eq(body),
            r::author_id.eq(author),
            r::created_at.eq(now),
        ))
        .returning(r::id)
        .get_result(conn)
}
