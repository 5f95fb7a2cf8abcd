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

/// Stock at or below which a shop is told its product is running low (when an order brings it there).
pub const LOW_STOCK: i32 = 3;

/// Records a message of `kind` about an order that carries details for its email (`payload`, JSON), such as the
/// products an order left low in stock.
pub fn push_with(
    conn: &mut DbConnection,
    user_id: i64,
    order_id: i64,
    kind: &str,
    payload: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    push(conn, user_id, order_id, kind, now)?;
    diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::order_id.eq(Some(order_id)))
            .filter(notifications::kind.eq(kind)),
    )
    .set(notifications::payload.eq(payload))
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
