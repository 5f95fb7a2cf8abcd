//! What the payments feature reads and changes of card orders: the checkout's orders awaiting a card payment and
//! what they come to, marking them paid once the provider's payment is verified, what each shop is owed, the
//! cancellations and deliveries the money worker follows, and payment events in an order's history. Payments
//! reach orders only through these functions.

use diesel::prelude::*;

use crate::tax::book::Remitter;
use time::PrimitiveDateTime;

use super::model::{OrderStatus, PaymentMethod};
use super::notify;
use crate::db::schema::{merchants, order_coupons, order_events, order_lines, orders};
use crate::db::DbConnection;

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
    /// VAT in the goods and shipping that the marketplace remits as deemed supplier (not the shop's).
    pub platform_vat: i64,
    /// The goods' share of it (no commission is taken on it).
    pub platform_goods_vat: i64,
}

/// Where the marketplace remits an order's VAT (`vat`, in goods and shipping): the goods' share of that VAT, in
/// proportion to their part of the gross, and a marketplace-funded `discount` net of VAT in the same proportion
/// (the shop is made whole for the price it would have been paid, not for VAT it never keeps). Half up.
pub fn net_of_platform_vat(goods: i64, shipping: i64, vat: i64, discount: i64) -> (i64, i64) {
    let gross = i128::from(goods) + i128::from(shipping);
    if vat <= 0 || gross <= 0 {
        return (0, discount);
    }
    let share = |amount: i64, num: i128| {
        i64::try_from(crate::money::divide(
            i128::from(amount) * num,
            gross,
            crate::money::Rounding::HalfUp,
        ))
        .unwrap_or(amount)
    };
    let goods_vat = share(vat, i128::from(goods));
    let net_discount = share(discount, gross - i128::from(vat));
    (goods_vat, net_discount)
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
    // A coupon code lowers what the shopper paid for the goods; a marketplace code's part is paid to the shop.
    let coupons: Vec<(i64, i64, i64)> = order_coupons::table
        .filter(order_coupons::order_id.eq_any(ids))
        .select((
            order_coupons::order_id,
            order_coupons::merchant_discount_minor,
            order_coupons::platform_minor,
        ))
        .load(conn)?;
    let vat: Vec<(i64, i64)> = crate::db::schema::order_taxes::table
        .filter(crate::db::schema::order_taxes::order_id.eq_any(ids))
        .filter(crate::db::schema::order_taxes::remitted_by.eq(Remitter::Platform.code()))
        .select((
            crate::db::schema::order_taxes::order_id,
            crate::db::schema::order_taxes::merchant_vat_minor,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(order, shop, currency, goods, shipping)| {
            let (code_off, code_platform) = coupons
                .iter()
                .find(|c| c.0 == order)
                .map_or((0, 0), |c| (c.1, c.2));
            let goods = goods.saturating_sub(code_off);
            let platform_vat: i64 = vat
                .iter()
                .filter(|(o, _)| *o == order)
                .map(|(_, v)| v)
                .sum();
            let discount = funded
                .iter()
                .filter(|(o, _)| *o == order)
                .map(|(_, v)| v)
                .sum::<i64>()
                .saturating_add(code_platform);
            let (goods_vat, discount) =
                net_of_platform_vat(goods, shipping, platform_vat, discount);
            ShopAmount {
                platform_discount: discount,
                platform_vat,
                platform_goods_vat: goods_vat,
                order,
                shop,
                currency,
                goods,
                shipping,
            }
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

/// A card order that is cancelled now, with what its refund returns.
pub fn cancelled_card(conn: &mut DbConnection, order: i64) -> QueryResult<Option<Cancelled>> {
    Ok(orders::table
        .find(order)
        .filter(orders::status.eq(OrderStatus::Cancelled.as_str()))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .select((orders::merchant_id, orders::total_minor, orders::currency))
        .first::<(i64, i64, String)>(conn)
        .optional()?
        .map(|(shop, total, currency)| Cancelled {
            order,
            shop,
            total,
            currency,
        }))
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

/// A cancelled card order and what its refund returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancelled {
    pub order: i64,
    pub shop: i64,
    /// The order's total in the shopper's currency, and that currency.
    pub total: i64,
    pub currency: String,
}

/// The checkout's card orders cancelled without ever being paid, most recently cancelled first.
pub fn cancelled_unpaid(
    conn: &mut DbConnection,
    checkout_token: &str,
) -> QueryResult<Vec<Cancelled>> {
    let rows: Vec<(i64, i64, i64, String)> = orders::table
        .filter(orders::checkout_token.eq(checkout_token))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .filter(orders::status.eq(OrderStatus::Cancelled.as_str()))
        .select((
            orders::id,
            orders::merchant_id,
            orders::total_minor,
            orders::currency,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let events: Vec<(i64, i64, String)> = order_events::table
        .filter(order_events::order_id.eq_any(&ids))
        .filter(
            order_events::status
                .eq_any([OrderStatus::Paid.as_str(), OrderStatus::Cancelled.as_str()]),
        )
        .select((
            order_events::id,
            order_events::order_id,
            order_events::status,
        ))
        .load(conn)?;
    let last_cancel = |order: i64| {
        events
            .iter()
            .filter(|(_, o, s)| *o == order && s == OrderStatus::Cancelled.as_str())
            .map(|(id, _, _)| *id)
            .max()
            .unwrap_or(0)
    };
    let mut unpaid: Vec<(i64, Cancelled)> = rows
        .into_iter()
        .filter(|(id, ..)| {
            !events
                .iter()
                .any(|(_, o, s)| o == id && s == OrderStatus::Paid.as_str())
        })
        .map(|(order, shop, total, currency)| {
            (
                last_cancel(order),
                Cancelled {
                    order,
                    shop,
                    total,
                    currency,
                },
            )
        })
        .collect();
    unpaid.sort_by_key(|(last, _)| std::cmp::Reverse(*last));
    Ok(unpaid.into_iter().map(|(_, c)| c).collect())
}

/// The checkout's card orders delivered at or before `until` (for releases held back by a dispute).
pub fn delivered_before(
    conn: &mut DbConnection,
    checkout_token: &str,
    until: PrimitiveDateTime,
) -> QueryResult<Vec<i64>> {
    let mut ids: Vec<i64> = order_events::table
        .inner_join(orders::table)
        .filter(orders::checkout_token.eq(checkout_token))
        .filter(orders::payment_method.eq(PaymentMethod::Card.as_str()))
        .filter(order_events::status.eq(OrderStatus::Delivered.as_str()))
        .filter(order_events::created_at.le(until))
        .select(order_events::order_id)
        .load(conn)?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Tells the shopper their card order was refunded (the outbox; their account and email).
pub fn notify_refunded(
    conn: &mut DbConnection,
    order: i64,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let buyer: i64 = orders::table
        .find(order)
        .select(orders::user_id)
        .first(conn)?;
    notify::push(conn, buyer, order, "order-refunded", now)
}
