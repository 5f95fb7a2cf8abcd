//! Wishlists: a "save" button on cards and product pages (a POST form, no script) keeps products for later; a
//! guest's list lives in the session (at most [`MAX_ITEMS`]) and joins the account's at sign-in; the list page
//! shows each product at its current price in the shopper's currency, its stock, and "price dropped" when the
//! shop's price is lower now than when it was saved.

pub mod handlers;
pub mod repo;
pub mod service;
pub mod views;

/// Products one list holds.
pub const MAX_ITEMS: usize = 200;
