//! What an email about an order tells its reader, read for the mail worker: the order (or, for the shopper's
//! confirmation, every order of the checkout) as that reader may see it — the shopper's own orders in the
//! shopper's currency, or the shop's own order in the shop's currency — and nothing of anyone else's.

use diesel::prelude::*;

use super::manage::{self, Viewer};
use super::model::{OrderRow, OrderStatus};
use crate::db::schema::{merchants, orders};
use crate::db::DbConnection;
use crate::error::AppResult;

/// Who reads the email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Shopper,
    Merchant,
}

/// One line as the reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterLine {
    pub title: String,
    pub variant: String,
    pub quantity: i32,
    pub amount_minor: i64,
}

/// One order as the reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterOrder {
    pub number: String,
    pub shop: String,
    pub status: OrderStatus,
    /// The reader's currency (ISO code) and amounts in it.
    pub currency: String,
    pub lines: Vec<LetterLine>,
    pub shipping_minor: i64,
    /// The coupon code used and what it took off, in the reader's currency.
    pub coupon: Option<(String, i64)>,
    pub total_minor: i64,
    /// The VAT included per rate (basis points, amount in the reader's currency), as judged when placed.
    pub vat: Vec<(i32, i64)>,
    /// The destination whose import VAT and duties are due on delivery, when they are.
    pub duties_country: Option<String>,
    pub tracking: String,
    pub cancel_reason: String,
    pub ship_name: String,
    pub ship_city: String,
    pub ship_country: String,
    /// The language the order was placed in.
    pub locale: String,
    /// When it was placed (UTC).
    pub placed_at: time::PrimitiveDateTime,
}

/// What an email about an order tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub reader: Reader,
    pub orders: Vec<LetterOrder>,
}

fn seen(d: super::order_views::Loaded, reader: Reader) -> LetterOrder {
    let merchant = reader == Reader::Merchant;
    let mine = |shopper: i64, shop: i64| if merchant { shop } else { shopper };
    let (row, lines, shop): (OrderRow, _, _) = (d.order, d.lines, d.shop);
    LetterOrder {
        coupon: d
            .coupon
            .map(|(code, shopper, shop)| (code, mine(shopper, shop))),
        vat: d
            .taxes
            .iter()
            .filter(|t| t.included())
            .map(|t| (t.rate_bp, mine(t.vat_minor, t.merchant_vat_minor)))
            .collect(),
        duties_country: d
            .taxes
            .iter()
            .find(|t| t.duties())
            .map(|t| t.country.clone()),
        number: row.number,
        shop,
        status: row.status,
        currency: if merchant {
            row.merchant_currency
        } else {
            row.currency
        },
        lines: lines
            .into_iter()
            .map(|l| LetterLine {
                title: l.title,
                variant: if merchant {
                    l.variant_label_merchant
                } else {
                    l.variant_label
                },
                quantity: l.quantity,
                amount_minor: if merchant {
                    l.line_minor
                } else {
                    l.line_shopper_minor
                },
            })
            .collect(),
        shipping_minor: if merchant {
            row.merchant_shipping_minor
        } else {
            row.shipping_minor
        },
        total_minor: if merchant {
            row.merchant_total_minor
        } else {
            row.total_minor
        },
        tracking: row.tracking_number,
        cancel_reason: row.cancel_reason,
        ship_name: row.ship_name,
        ship_city: row.ship_city,
        ship_country: row.ship_country,
        locale: row.locale,
        placed_at: row.created_at,
    }
}

/// The letter for notification `kind` about `order_id` to user `reader_id`; `None` when there is nothing to
/// send: the order is gone, the reader may no longer see it (a shop changed owner), or another email covers it
/// (the shopper's one confirmation per checkout is sent with the checkout's first order).
pub fn about(
    conn: &mut DbConnection,
    order_id: i64,
    reader_id: i64,
    kind: &str,
) -> AppResult<Option<Letter>> {
    let Some((number, buyer, shop, token)) = orders::table
        .find(order_id)
        .select((
            orders::number,
            orders::user_id,
            orders::merchant_id,
            orders::checkout_token,
        ))
        .first::<(String, i64, i64, String)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    // Shop-side kinds go to the shop even when its owner bought from it.
    let reader = if matches!(kind, "order-new" | "stock-low") || reader_id != buyer {
        Reader::Merchant
    } else {
        Reader::Shopper
    };
    let viewer = match reader {
        Reader::Shopper => Viewer::Shopper(reader_id),
        Reader::Merchant => {
            let owner: Option<i64> = merchants::table
                .find(shop)
                .select(merchants::owner_user_id)
                .first(conn)?;
            if owner != Some(reader_id) {
                return Ok(None);
            }
            Viewer::Merchant(shop)
        }
    };
    let numbers = if kind == "order-placed" && reader == Reader::Shopper {
        let all = super::place::numbers_of(conn, reader_id, &token)?;
        if all.first() != Some(&number) {
            return Ok(None);
        }
        all
    } else {
        vec![number]
    };
    let mut seen_orders = Vec::new();
    for n in numbers {
        seen_orders.push(seen(manage::load(conn, viewer, &n)?, reader));
    }
    Ok(Some(Letter {
        reader,
        orders: seen_orders,
    }))
}
