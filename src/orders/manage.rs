//! Reading orders for shoppers, merchants and staff (each only what they may see) and changing their status
//! through the status machine. A status change is one transaction: guarded update, stock back on cancel,
//! history event, notification to the other side.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{
    next, Action, Actor, OrderEvent, OrderLineRow, OrderRow, OrderStatus, PaymentMethod,
};
use super::notify;
use crate::db::schema::{merchants, order_events, order_lines, orders};
use crate::db::{Db, DbConnection};
use crate::error::{AppError, AppResult};

/// Whose orders a query may return.
#[derive(Debug, Clone, Copy)]
pub enum Viewer {
    Shopper(i64),
    Merchant(i64),
    Staff,
}

fn scoped(viewer: Viewer) -> orders::BoxedQuery<'static, Db> {
    let q = orders::table.into_boxed();
    match viewer {
        Viewer::Shopper(uid) => q.filter(orders::user_id.eq(uid)),
        Viewer::Merchant(shop) => q.filter(orders::merchant_id.eq(shop)),
        Viewer::Staff => q,
    }
}

/// One order with its lines and history, or 404 when the viewer may not see it.
pub fn load(
    conn: &mut DbConnection,
    viewer: Viewer,
    number: &str,
) -> AppResult<(OrderRow, Vec<OrderLineRow>, Vec<OrderEvent>, String)> {
    let order: OrderRow = scoped(viewer)
        .filter(orders::number.eq(number.to_string()))
        .select(OrderRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(AppError::not_found)?;
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .order(order_lines::id)
        .select(OrderLineRow::as_select())
        .load(conn)?;
    let events = order_events::table
        .filter(order_events::order_id.eq(order.id))
        .order(order_events::id)
        .select(OrderEvent::as_select())
        .load(conn)?;
    let shop: String = merchants::table
        .find(order.merchant_id)
        .select(merchants::name)
        .first(conn)?;
    Ok((order, lines, events, shop))
}

#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub status: Option<OrderStatus>,
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    pub page: i64,
}

pub const PAGE_SIZE: i64 = 50;

/// A page of orders the viewer may see, newest first, with each order's shop name and the total count.
pub fn list(
    conn: &mut DbConnection,
    viewer: Viewer,
    f: &OrderFilter,
) -> QueryResult<(Vec<(OrderRow, String)>, i64)> {
    let build = || {
        let mut q = scoped(viewer);
        if let Some(s) = f.status {
            q = q.filter(orders::status.eq(s.as_str()));
        }
        if let Some(d) = f.from {
            q = q.filter(orders::created_at.ge(d.midnight()));
        }
        if let Some(d) = f.to {
            if let Some(next_day) = d.next_day() {
                q = q.filter(orders::created_at.lt(next_day.midnight()));
            }
        }
        q
    };
    let total: i64 = build().count().get_result(conn)?;
    let rows: Vec<OrderRow> = build()
        .order((orders::created_at.desc(), orders::id.desc()))
        .limit(PAGE_SIZE)
        .offset((f.page.max(1) - 1) * PAGE_SIZE)
        .select(OrderRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|o| o.merchant_id).collect();
    let names: Vec<(i64, String)> = merchants::table
        .filter(merchants::id.eq_any(&ids))
        .select((merchants::id, merchants::name))
        .load(conn)?;
    let out = rows
        .into_iter()
        .map(|o| {
            let n = names
                .iter()
                .find(|(id, _)| *id == o.merchant_id)
                .map_or(String::new(), |(_, n)| n.clone());
            (o, n)
        })
        .collect();
    Ok((out, total))
}

/// Applies an action to an order the actor may act on. `Ok(Err(id))` carries why it was refused.
pub fn act(
    conn: &mut DbConnection,
    viewer: Viewer,
    actor_user: i64,
    number: &str,
    action: &Action,
    now: PrimitiveDateTime,
) -> AppResult<Result<OrderStatus, &'static str>> {
    let actor = match viewer {
        Viewer::Shopper(_) => Actor::Shopper,
        Viewer::Merchant(_) => Actor::Merchant,
        Viewer::Staff => return Err(AppError::new(crate::error::ErrorCode::Forbidden)),
    };
    crate::db::write_tx(conn, |c| {
        let order: OrderRow = scoped(viewer)
            .filter(orders::number.eq(number.to_string()))
            .select(OrderRow::as_select())
            .first(c)
            .optional()?
            .ok_or_else(AppError::not_found)?;
        let from = order.status;
        let payment =
            PaymentMethod::parse(&order.payment_method).unwrap_or(PaymentMethod::BankTransfer);
        let to = match next(from, action, actor, payment) {
            Ok(to) => to,
            Err(why) => return Ok(Err(why)),
        };
        let changed = diesel::update(
            orders::table
                .find(order.id)
                .filter(orders::status.eq(from.as_str())),
        )
        .set((orders::status.eq(to.as_str()), orders::updated_at.eq(now)))
        .execute(c)?;
        if changed == 0 {
            // Someone else changed it a moment ago.
            return Ok(Err("order-changed-meanwhile"));
        }
        let note: String = match action {
            Action::MarkShipped { tracking } => {
                let t = tracking.trim().to_string();
                diesel::update(orders::table.find(order.id))
                    .set(orders::tracking_number.eq(&t))
                    .execute(c)?;
                t
            }
            Action::Cancel { reason } => {
                let r: String = reason.trim().chars().take(500).collect();
                diesel::update(orders::table.find(order.id))
                    .set(orders::cancel_reason.eq(&r))
                    .execute(c)?;
                r
            }
            _ => String::new(),
        };
        if to == OrderStatus::Cancelled {
            let lines: Vec<(Option<i64>, i64, i32)> = order_lines::table
                .filter(order_lines::order_id.eq(order.id))
                .select((
                    order_lines::variant_id,
                    order_lines::product_id,
                    order_lines::quantity,
                ))
                .order(order_lines::variant_id)
                .load(c)?;
            // A variant the shop removed since takes nothing back.
            for (variant, product, q) in lines {
                if let Some(variant) = variant {
                    crate::variants::write::put_back(c, variant, product, q)?;
                }
            }
        }
        diesel::insert_into(order_events::table)
            .values((
                order_events::order_id.eq(order.id),
                order_events::status.eq(to.as_str()),
                order_events::actor_id.eq(Some(actor_user)),
                order_events::note.eq(&note),
                order_events::created_at.eq(now),
            ))
            .execute(c)?;
        let kind = format!("order-{}", to.as_str().replace('_', "-"));
        match actor {
            Actor::Merchant => notify::push(c, order.user_id, order.id, &kind, now)?,
            Actor::Shopper => {
                let owner: Option<i64> = merchants::table
                    .find(order.merchant_id)
                    .select(merchants::owner_user_id)
                    .first(c)?;
                if let Some(owner) = owner {
                    notify::push(c, owner, order.id, &kind, now)?;
                }
            }
        }
        Ok(Ok(to))
    })
}

/// Marks the card orders of a checkout paid, those still awaiting payment (inside the caller's transaction, after
/// the provider's payment was verified), with an event and a notification to the shopper and to each shop. Returns
/// the orders it changed (none when they were already paid: settling twice changes nothing).
pub fn mark_paid_by_card(
    conn: &mut DbConnection,
    checkout_token: &str,
    now: PrimitiveDateTime,
) -> QueryResult<Vec<i64>> {
    let waiting: Vec<(i64, i64, i64)> = orders::table
        .filter(orders::checkout_token.eq(checkout_token))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .filter(orders::status.eq(OrderStatus::AwaitingPayment.as_str()))
        .select((orders::id, orders::user_id, orders::merchant_id))
        .order(orders::id)
        .load(conn)?;
    let mut changed = Vec::new();
    for (id, user, shop) in waiting {
        let n = diesel::update(
            orders::table
                .find(id)
                .filter(orders::status.eq(OrderStatus::AwaitingPayment.as_str())),
        )
        .set((
            orders::status.eq(OrderStatus::Paid.as_str()),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
        if n == 0 {
            continue;
        }
        diesel::insert_into(order_events::table)
            .values((
                order_events::order_id.eq(id),
                order_events::status.eq(OrderStatus::Paid.as_str()),
                order_events::actor_id.eq(None::<i64>),
                order_events::note.eq("card"),
                order_events::created_at.eq(now),
            ))
            .execute(conn)?;
        notify::push(conn, user, id, "order-paid", now)?;
        let owner: Option<i64> = merchants::table
            .find(shop)
            .select(merchants::owner_user_id)
            .first(conn)?;
        if let Some(owner) = owner {
            notify::push(conn, owner, id, "order-paid", now)?;
        }
        changed.push(id);
    }
    Ok(changed)
}

/// The numbers of a shop's orders among `ids` (for its statement).
pub fn numbers_of_shop(
    conn: &mut DbConnection,
    shop: i64,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String)>> {
    orders::table
        .filter(orders::merchant_id.eq(shop))
        .filter(orders::id.eq_any(ids))
        .select((orders::id, orders::number))
        .load(conn)
}

/// An order's amounts in its shop's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopAmount {
    pub order: i64,
    pub shop: i64,
    pub currency: String,
    pub goods: i64,
    pub shipping: i64,
    /// Discounts of platform-funded campaigns, which the marketplace pays the shop.
    pub platform_discount: i64,
}

/// What each shop is owed for these orders, in its own currency.
pub fn shop_amounts(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<ShopAmount>> {
    let rows: Vec<(i64, i64, String, i64, i64)> = orders::table
        .filter(orders::id.eq_any(ids))
        .order(orders::id)
        .select((
            orders::id,
            orders::merchant_id,
            orders::merchant_currency,
            orders::merchant_subtotal_minor,
            orders::merchant_shipping_minor,
        ))
        .load(conn)?;
    let funded: Vec<(i64, i64)> = order_lines::table
        .filter(order_lines::order_id.eq_any(ids))
        .filter(order_lines::platform_discount_minor.gt(0))
        .select((order_lines::order_id, order_lines::platform_discount_minor))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(order, shop, currency, goods, shipping)| ShopAmount {
            platform_discount: funded
                .iter()
                .filter(|(o, _)| *o == order)
                .map(|(_, v)| v)
                .sum(),
            order,
            shop,
            currency,
            goods,
            shipping,
        })
        .collect())
}

/// The card orders of a checkout: (currency, total in the shopper's currency) of those awaiting payment, for the
/// payment that covers them.
pub fn card_totals(
    conn: &mut DbConnection,
    user_id: i64,
    checkout_token: &str,
) -> QueryResult<Vec<(String, i64)>> {
    orders::table
        .filter(orders::checkout_token.eq(checkout_token))
        .filter(orders::user_id.eq(user_id))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .filter(orders::status.eq(OrderStatus::AwaitingPayment.as_str()))
        .select((orders::currency, orders::total_minor))
        .load(conn)
}

/// Whether a product appears on any order (ordered products are archived, never deleted).
pub fn product_ordered(conn: &mut DbConnection, product_id: i64) -> QueryResult<bool> {
    let n: i64 = order_lines::table
        .filter(order_lines::product_id.eq(product_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// History events of card orders with `status` after event `after` (in id order, at most `limit`, up to the
/// first one newer than `until`): (event, order). The payments worker follows cancellations and deliveries with it.
pub fn card_events_after(
    conn: &mut DbConnection,
    status: OrderStatus,
    after: i64,
    until: PrimitiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(i64, i64)>> {
    let rows: Vec<(i64, i64, PrimitiveDateTime)> = order_events::table
        .inner_join(orders::table)
        .filter(order_events::id.gt(after))
        .filter(order_events::status.eq(status.as_str()))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .order(order_events::id)
        .limit(limit)
        .select((
            order_events::id,
            order_events::order_id,
            order_events::created_at,
        ))
        .load(conn)?;
    // Stop at the first event not yet due: a follower's cursor must never pass an event it has not handled.
    Ok(rows
        .into_iter()
        .take_while(|(_, _, at)| *at <= until)
        .map(|(id, order, _)| (id, order))
        .collect())
}

/// What a refund of a card order returns: (shop, checkout, total in the shopper's currency, that currency), for
/// an order that is cancelled now.
pub fn cancelled_card_total(
    conn: &mut DbConnection,
    order: i64,
) -> QueryResult<Option<(i64, String, i64, String)>> {
    orders::table
        .find(order)
        .filter(orders::status.eq(OrderStatus::Cancelled.as_str()))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .select((
            orders::merchant_id,
            orders::checkout_token,
            orders::total_minor,
            orders::currency,
        ))
        .first(conn)
        .optional()
}

/// Records a payment event in an order's history (`refund_requested`, `refunded`), without changing its status.
pub fn record_payment_event(
    conn: &mut DbConnection,
    order: i64,
    kind: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(order),
            order_events::status.eq(kind),
            order_events::actor_id.eq(None::<i64>),
            order_events::note.eq(""),
            order_events::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Checkout tokens of orders with this number or of these shops (newest first, at most `limit`), for staff's
/// payment search.
pub fn checkout_tokens(
    conn: &mut DbConnection,
    number: Option<&str>,
    shops: &[i64],
    limit: i64,
) -> QueryResult<Vec<String>> {
    let mut q = orders::table.into_boxed();
    q = match number {
        Some(n) => q.filter(orders::number.eq(n.to_string())),
        None => q.filter(orders::merchant_id.eq_any(shops.to_vec())),
    };
    let mut tokens: Vec<String> = q
        .order(orders::id.desc())
        .limit(limit * 4)
        .select(orders::checkout_token)
        .load(conn)?;
    tokens.dedup();
    tokens.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(tokens)
}

/// An order of a checkout as staff's payment search lists it: (checkout, order, number, shop, status).
pub type CheckoutOrder = (String, i64, String, i64, String);

/// The orders of these checkouts.
pub fn orders_of_checkouts(
    conn: &mut DbConnection,
    tokens: &[String],
) -> QueryResult<Vec<CheckoutOrder>> {
    orders::table
        .filter(orders::checkout_token.eq_any(tokens))
        .order(orders::id)
        .select((
            orders::checkout_token,
            orders::id,
            orders::number,
            orders::merchant_id,
            orders::status,
        ))
        .load(conn)
}
