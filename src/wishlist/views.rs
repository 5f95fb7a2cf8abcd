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
    /// "2 saved products are not on sale right now…", when some are not.
    pub away: Option<String>,
    pub signed_in: bool,
}

/// The page for `saved`, with `cards` of the products still on sale (in any order): the others are counted, and
/// come back when their shops list them again.
pub fn page(ctx: PageCtx, saved: &[Saved], cards: Vec<ProductCard>) -> WishlistPage {
    let items: Vec<Item> = saved
        .iter()
        .filter_map(|s| {
            let card = cards.iter().find(|c| c.id == s.product_id)?.clone();
            let dropped = card.currency.code() == s.currency && card.own_minor < s.price_minor;
            Some(Item { card, dropped })
        })
        .collect();
    let away = i64::try_from(saved.len() - items.len()).unwrap_or(0);
    WishlistPage {
        away: (away > 0).then(|| ctx.t_count("wishlist-away", &away)),
        count: ctx.t_count("wishlist-count", &i64::try_from(items.len()).unwrap_or(0)),
        signed_in: ctx.user.is_some(),
        items,
        ctx,
    }
}
