//! The wishlist table.

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{products, wishlist_items};
use crate::db::DbConnection;

/// A saved product: its id and list price (in `currency`) when saved.
#[derive(Debug, Clone, Queryable)]
pub struct Saved {
    pub product_id: i64,
    pub price_minor: i64,
    pub currency: String,
    pub added_at: PrimitiveDateTime,
}

/// Saves `product` for `user` at `price` (nothing changes when it is saved already): whether it was added.
pub fn add(
    conn: &mut DbConnection,
    user: i64,
    (product, price, currency): (i64, i64, &str),
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let there: i64 = wishlist_items::table
        .filter(wishlist_items::user_id.eq(user))
        .filter(wishlist_items::product_id.eq(product))
        .select(count_star())
        .first(conn)?;
    if there > 0 {
        return Ok(false);
    }
    let inserted = diesel::insert_into(wishlist_items::table)
        .values((
            wishlist_items::user_id.eq(user),
            wishlist_items::product_id.eq(product),
            wishlist_items::price_minor.eq(price),
            wishlist_items::currency.eq(currency),
            wishlist_items::added_at.eq(now),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        // Saved by a second click at the same moment.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn remove(conn: &mut DbConnection, user: i64, product: i64) -> QueryResult<usize> {
    diesel::delete(
        wishlist_items::table
            .filter(wishlist_items::user_id.eq(user))
            .filter(wishlist_items::product_id.eq(product)),
    )
    .execute(conn)
}

/// `user`'s saved products, newest first.
pub fn items(conn: &mut DbConnection, user: i64) -> QueryResult<Vec<Saved>> {
    wishlist_items::table
        .filter(wishlist_items::user_id.eq(user))
        .order((
            wishlist_items::added_at.desc(),
            wishlist_items::product_id.desc(),
        ))
        .select((
            wishlist_items::product_id,
            wishlist_items::price_minor,
            wishlist_items::currency,
            wishlist_items::added_at,
        ))
        .load(conn)
}

/// The products on `user`'s list.
pub fn ids(conn: &mut DbConnection, user: i64) -> QueryResult<Vec<i64>> {
    wishlist_items::table
        .filter(wishlist_items::user_id.eq(user))
        .select(wishlist_items::product_id)
        .load(conn)
}

/// How many of `user`'s saved products are on sale (the others wait on the list without filling it).
pub fn count_listed(conn: &mut DbConnection, user: i64) -> QueryResult<i64> {
    wishlist_items::table
        .filter(wishlist_items::user_id.eq(user))
        .filter(
            wishlist_items::product_id.eq_any(
                products::table
                    .filter(products::listed)
                    .select(products::id),
            ),
        )
        .select(count_star())
        .first(conn)
}
