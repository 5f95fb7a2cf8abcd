//! Product notices in the database.

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::product_reports as r;
use crate::db::{Db, DbConnection};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = r)]
pub struct ReportRow {
    pub id: i64,
    pub product_id: i64,
    pub reason: String,
    pub details: String,
    pub contact: String,
    pub reporter_id: Option<i64>,
    pub locale: String,
    pub status: String,
    pub staff_note: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

pub struct NewReport<'a> {
    pub product_id: i64,
    pub reason: &'a str,
    pub details: &'a str,
    pub contact: &'a str,
    pub reporter_id: Option<i64>,
    pub locale: &'a str,
}

pub fn insert(
    conn: &mut DbConnection,
    n: &NewReport<'_>,
    now: PrimitiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(r::table)
        .values((
            r::product_id.eq(n.product_id),
            r::reason.eq(n.reason),
            r::details.eq(n.details),
            r::contact.eq(n.contact),
            r::reporter_id.eq(n.reporter_id),
            r::locale.eq(n.locale),
            r::status.eq(super::Status::Open.as_str()),
            r::created_at.eq(now),
            r::updated_at.eq(now),
        ))
        .returning(r::id)
        .get_result(conn)
}

/// An identical notice (same product, reason, contact and text) filed since `since`: a resubmission.
pub fn duplicate(
    conn: &mut DbConnection,
    n: &NewReport<'_>,
    since: PrimitiveDateTime,
) -> QueryResult<bool> {
    let found: i64 = r::table
        .filter(r::product_id.eq(n.product_id))
        .filter(r::reason.eq(n.reason))
        .filter(r::contact.eq(n.contact))
        .filter(r::details.eq(n.details))
        .filter(r::created_at.gt(since))
        .select(count_star())
        .first(conn)?;
    Ok(found > 0)
}

/// Oldest first within a status (the queue), newest first over all.
pub fn list(
    conn: &mut DbConnection,
    status: Option<&str>,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<ReportRow>> {
    let mut q = r::table.select(ReportRow::as_select()).into_boxed::<Db>();
    q = match status {
        Some(s) => q.filter(r::status.eq(s.to_string())).order(r::id.asc()),
        None => q.order(r::id.desc()),
    };
    q.limit(limit).offset(offset).load(conn)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<ReportRow>> {
    r::table
        .find(id)
        .select(ReportRow::as_select())
        .first(conn)
        .optional()
}

pub fn set_status(
    conn: &mut DbConnection,
    id: i64,
    status: &str,
    note: &str,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::update(r::table.find(id))
        .set((
            r::status.eq(status),
            r::staff_note.eq(note),
            r::updated_at.eq(now),
        ))
        .execute(conn)
}

/// (status, count) of every status in use.
pub fn counts(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    r::table
        .group_by(r::status)
        .select((r::status, count_star()))
        .load(conn)
}
