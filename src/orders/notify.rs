//! The notification outbox: one row per message to a user about an order. Accounts show them; an email
//! sender can later drain the rows whose `sent_at` is empty.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{notifications, orders};
use crate::db::DbConnection;

/// Records a message of `kind` (`order-placed`, `order-new`, `order-paid`, …) about an order.
pub fn push(
    conn: &mut DbConnection,
    user_id: i64,
    order_id: i64,
    kind: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let status: String = orders::table
        .find(order_id)
        .select(orders::status)
        .first(conn)?;
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::order_id.eq(Some(order_id)),
            notifications::kind.eq(kind),
            notifications::status.eq(status),
            notifications::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// A user's latest notifications: (kind, order number, when).
pub fn latest(
    conn: &mut DbConnection,
    user_id: i64,
    limit: i64,
) -> QueryResult<Vec<(String, String, PrimitiveDateTime)>> {
    notifications::table
        .inner_join(orders::table)
        .filter(notifications::user_id.eq(user_id))
        .order(notifications::id.desc())
        .limit(limit)
        .select((
            notifications::kind,
            orders::number,
            notifications::created_at,
        ))
        .load(conn)
}
