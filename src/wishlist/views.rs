//! The wishlist page: each saved product as a card at today's price, with "price dropped" and a remove button.

use askama::Template;

use super::repo::Saved;
use crate::catalogue::cards::ProductCard;
use crate::http::page::PageCtx;

pub struct Item {
    pub card: ProductCard,
    /// The shop's price is lower now than when the product was saved.
    pub dropped: bool,
}

#[derive(Template)]
#[template(path = "wishlist/page.html")]
pub struct WishlistPage {
    pub ctx: PageCtx,
    pub items: Vec<Item>,
    pub count: String,
    pub signed_in: bool,
}

/// The page for `saved`, with `cards` of the products still on sale (in any order).
pub fn page(ctx: PageCtx, saved: &[Saved], cards: Vec<ProductCard>) -> WishlistPage {
    let items: Vec<Item> = saved
        .iter()
        .filter_map(|s| {
            let card = cards.iter().find(|c| c.id == s.product_id)?.clone();
            let dropped = card.currency.code() == s.currency && card.own_minor < s.price_minor;
            Some(Item { card, dropped })
        })
        .collect();
    WishlistPage {
        count: ctx.t_count("wishlist-count", &i64::try_from(items.len()).unwrap_or(0)),
        signed_in: ctx.user.is_some(),
        items,
        ctx,
    }
}
