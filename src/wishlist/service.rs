//! Saving and removing products, for an account (in the database) or a guest (in the session), and joining a
//! guest's list to the account's at sign-in.

use actix_session::Session;
use time::PrimitiveDateTime;

use super::repo::{self, Saved};
use super::MAX_ITEMS;
use crate::catalogue::opening::ShopperKey;
use crate::catalogue::service::Shopper;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::page::PageCtx;
use crate::http::state::AppState;

const SESSION_KEY: &str = "wishlist";

/// Products a guest's list holds (the session may be a cookie, so it stays short).
pub const MAX_GUEST_ITEMS: usize = 30;

/// A product as a list keeps it: id, the price the shopper saw in its shop's currency (after any campaign of
/// their market, so a campaign price is not later taken for a drop), that currency.
pub type Entry = (i64, i64, String);

/// Listed product `product` at the price `shop` sees now (404 when it does not exist or is not on sale).
pub fn entry(c: &mut DbConnection, shop: &Shopper, product: i64) -> AppResult<Entry> {
    let p =
        crate::catalogue::service::listed_product(c, product)?.ok_or_else(AppError::not_found)?;
    let seen = shop.price_of(&p).own_minor;
    Ok((p.id, seen, p.currency))
}

/// Saves `product` for the shopper of `ctx`: on account `user`'s list, or on the guest's list in `session`
/// (which drops products no longer on sale, so they do not fill it). Whether it was new to the list; `None`
/// when the list is full.
pub async fn save(
    state: &AppState,
    ctx: &PageCtx,
    user: Option<i64>,
    session: &Session,
    product: i64,
) -> AppResult<Option<bool>> {
    let key = ShopperKey::of(ctx, state);
    let now = key.at;
    let guest = guest_items(session);
    let (added, kept) = state
        .db(move |c| {
            let shop = key.load(c)?;
            let e = entry(c, &shop, product)?;
            let Some(uid) = user else {
                let ids: Vec<i64> = guest.iter().map(|g| g.0).collect();
                let listed = crate::catalogue::service::listed_among(c, &ids)?;
                let mut kept: Vec<Entry> = guest
                    .into_iter()
                    .filter(|g| listed.contains(&g.0))
                    .collect();
                return Ok((push_guest(&mut kept, e), Some(kept)));
            };
            Ok((add_for(c, uid, e, now)?, None))
        })
        .await?;
    if let Some(items) = kept {
        set_guest(session, &items)?;
    }
    Ok(added)
}

/// Saves `e` on account `user`'s list: whether it was new to it, `None` when the list is full (products no
/// longer on sale do not count).
fn add_for(
    c: &mut DbConnection,
    user: i64,
    (id, price, currency): Entry,
    now: PrimitiveDateTime,
) -> AppResult<Option<bool>> {
    if usize::try_from(repo::count_listed(c, user)?).unwrap_or(0) >= MAX_ITEMS {
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

/// Adds `e` to a guest's `items`: whether it was new to them, `None` when the list is full.
fn push_guest(items: &mut Vec<Entry>, e: Entry) -> Option<bool> {
    if items.iter().any(|i| i.0 == e.0) {
        return Some(false);
    }
    if items.len() >= MAX_GUEST_ITEMS {
        return None;
    }
    items.push(e);
    Some(true)
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
        if usize::try_from(repo::count_listed(c, user)?).unwrap_or(0) >= MAX_ITEMS {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guest_list_takes_each_product_once_up_to_its_limit() {
        let mut items: Vec<Entry> = Vec::new();
        assert_eq!(push_guest(&mut items, (1, 500, "EUR".into())), Some(true));
        assert_eq!(push_guest(&mut items, (1, 400, "EUR".into())), Some(false));
        assert_eq!(items, vec![(1, 500, "EUR".to_string())]);
        for id in 2..=30 {
            assert_eq!(push_guest(&mut items, (id, 100, "TRY".into())), Some(true));
        }
        assert_eq!(push_guest(&mut items, (31, 100, "TRY".into())), None);
        assert_eq!(items.len(), MAX_GUEST_ITEMS);
    }
}
