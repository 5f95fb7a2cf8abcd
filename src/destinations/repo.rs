use diesel::prelude::*;

use super::model::RestrictionRow;
use crate::db::schema::destination_restrictions as dr;
use crate::db::DbConnection;
use crate::geo::CountryCode;

/// Every closed destination, by country code.
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<RestrictionRow>> {
    dr::table
        .order(dr::country)
        .select(RestrictionRow::as_select())
        .load(conn)
}

/// The restriction on `cc`, if it is closed.
pub fn of(conn: &mut DbConnection, cc: CountryCode) -> QueryResult<Option<RestrictionRow>> {
    dr::table
        .find(cc.as_str())
        .select(RestrictionRow::as_select())
        .first(conn)
        .optional()
}

/// Closes a destination, or replaces the reason and note of one closed already.
pub fn put(conn: &mut DbConnection, row: &RestrictionRow) -> QueryResult<()> {
    diesel::delete(dr::table.find(&row.country)).execute(conn)?;
    diesel::insert_into(dr::table).values(row).execute(conn)?;
    Ok(())
}

/// Opens `cc` again; whether it was closed.
pub fn remove(conn: &mut DbConnection, cc: CountryCode) -> QueryResult<bool> {
    Ok(diesel::delete(dr::table.find(cc.as_str())).execute(conn)? > 0)
}
