//! Saving and removing products, for an account (in the database) or a guest (in the session), and joining a
//! guest's list to the account's at sign-in.

use actix_session::Session;
use time::PrimitiveDateTime;

use super::repo::{self, Saved};
use super::MAX_ITEMS;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};

const SESSION_KEY: &str = "wishlist";

/// Products a guest's list holds (the session may be a cookie, so it stays short).
pub const MAX_GUEST_ITEMS: usize = 30;

/// A product as a list keeps it: id, list price in its shop's currency, that currency.
pub type Entry = (i64, i64, String);

/// Listed product `product` as a list keeps it (404 when it does not exist or is not on sale).
pub fn entry(c: &mut DbConnection, product: i64) -> AppResult<Entry> {
    let p =
        crate::catalogue::service::listed_product(c, product)?.ok_or_else(AppError::not_found)?;
    Ok((p.id, p.price_minor, p.currency))
}

/// Saves `product` on account `user`'s list: whether it was new to it, `None` when the list is full.
pub fn add_for(
    c: &mut DbConnection,
    user: i64,
    product: i64,
    now: PrimitiveDateTime,
) -> AppResult<Option<bool>> {
    let (id, price, currency) = entry(c, product)?;
    if usize::try_from(repo::count(c, user)?).unwrap_or(0) >= MAX_ITEMS {
        return Ok(None);
    }
    Ok(Some(repo::add(c, user, (id, price, &currency), now)?))
}

/// A guest's saved products, oldest first.
pub fn guest_items(session: &Session) -> Vec<Entry> {
    session
        .get::<Vec<Entry>>(SESSION_KEY)
        .ok()
        .flatten()
        .unwrap_or_default()
}

fn set_guest(session: &Session, items: &[Entry]) -> AppResult<()> {
    session
        .insert(SESSION_KEY, items)
        .map_err(|e| AppError::internal(format!("session: {e}")))
}

/// Saves `e` on a guest's list: whether it was new to it, `None` when the list is full.
pub fn add_guest(session: &Session, e: Entry) -> AppResult<Option<bool>> {
    let mut items = guest_items(session);
    if items.iter().any(|i| i.0 == e.0) {
        return Ok(Some(false));
    }
    if items.len() >= MAX_GUEST_ITEMS {
        return Ok(None);
    }
    items.push(e);
    set_guest(session, &items)?;
    Ok(Some(true))
}

pub fn remove_guest(session: &Session, product: i64) -> AppResult<()> {
    let mut items = guest_items(session);
    items.retain(|i| i.0 != product);
    set_guest(session, &items)
}

/// A guest's list as saved items, newest first (`now` stands for when they were saved).
pub fn guest_saved(session: &Session, now: PrimitiveDateTime) -> Vec<Saved> {
    guest_items(session)
        .into_iter()
        .rev()
        .map(|(product_id, price_minor, currency)| Saved {
            product_id,
            price_minor,
            currency,
            added_at: now,
        })
        .collect()
}

/// Joins a guest's `items` to account `user`'s list at sign-in (a product on both keeps the account's price):
/// how many were added.
pub fn adopt(
    c: &mut DbConnection,
    user: i64,
    items: &[Entry],
    now: PrimitiveDateTime,
) -> AppResult<usize> {
    let mut n = 0;
    for (product, price, currency) in items.iter().take(MAX_GUEST_ITEMS) {
        if usize::try_from(repo::count(c, user)?).unwrap_or(0) >= MAX_ITEMS {
            break;
        }
        if crate::catalogue::service::listed_product(c, *product)?.is_some()
            && repo::add(c, user, (*product, *price, currency), now)?
        {
            n += 1;
        }
    }
    Ok(n)
}
