//! Which order line an account may review: its own, delivered, and a product it has not reviewed yet. Reads the
//! orders' tables directly (they sit above this module): the one question reviews ask of them.

use diesel::prelude::*;

use super::model::Refusal;
use crate::db::schema::{order_lines, orders, reviews};
use crate::db::DbConnection;

/// An order's status once its parcel has arrived (the orders' status machine writes it; tests hold them equal).
const DELIVERED: &str = "delivered";

/// The line a review is about, with what the review snapshots.
#[derive(Debug, Clone)]
pub struct Bought {
    pub line_id: i64,
    pub product_id: i64,
    pub merchant_id: i64,
    pub title: String,
    pub variant_label: String,
    pub ship_name: String,
    pub ship_country: String,
    pub order_number: String,
}

type Row = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
);

/// Order line `line_id` if account `user_id` may review it now.
pub fn check(
    conn: &mut DbConnection,
    user_id: i64,
    line_id: i64,
) -> QueryResult<Result<Bought, Refusal>> {
    let row: Option<Row> = order_lines::table
        .inner_join(orders::table)
        .filter(order_lines::id.eq(line_id))
        .select((
            order_lines::id,
            order_lines::product_id,
            orders::merchant_id,
            order_lines::title,
            order_lines::variant_label,
            orders::ship_name,
            orders::ship_country,
            orders::number,
            orders::status,
            orders::user_id,
        ))
        .first(conn)
        .optional()?;
    let Some(r) = row.filter(|r| r.9 == user_id) else {
        return Ok(Err(Refusal::NotBought));
    };
    if r.8 != DELIVERED {
        return Ok(Err(Refusal::NotDelivered));
    }
    if reviewed(conn, user_id, &[r.1])?.contains(&r.1) {
        return Ok(Err(Refusal::AlreadyReviewed));
    }
    Ok(Ok(Bought {
        line_id: r.0,
        product_id: r.1,
        merchant_id: r.2,
        title: r.3,
        variant_label: r.4,
        ship_name: r.5,
        ship_country: r.6,
        order_number: r.7,
    }))
}

/// Which of `products` account `user_id` has reviewed (hidden reviews count: one review per product, ever).
pub fn reviewed(conn: &mut DbConnection, user_id: i64, products: &[i64]) -> QueryResult<Vec<i64>> {
    reviews::table
        .filter(reviews::user_id.eq(user_id))
        .filter(reviews::product_id.eq_any(products))
        .select(reviews::product_id)
        .load(conn)
}
