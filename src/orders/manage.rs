//! Reading orders for shoppers, merchants and staff (each only what they may see) and changing their status
//! through the status machine. A status change is one transaction: guarded update, stock back on cancel,
//! history event, notification to the other side.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{
    next, Action, Actor, OrderEvent, OrderLineRow, OrderRow, OrderStatus, PaymentMethod,
};
use super::notify;
use crate::db::schema::{coupons, merchants, order_coupons, order_events, order_lines, orders};
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
) -> AppResult<super::order_views::Loaded> {
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
    let (shop, shop_country): (String, String) = merchants::table
        .find(order.merchant_id)
        .select((merchants::name, merchants::country))
        .first(conn)?;
    let coupon = order_coupons::table
        .inner_join(coupons::table)
        .filter(order_coupons::order_id.eq(order.id))
        .select((
            coupons::code,
            order_coupons::discount_minor,
            order_coupons::merchant_discount_minor,
        ))
        .first(conn)
        .optional()?;
    let arrives = crate::db::schema::order_arrivals::table
        .find(order.id)
        .select((
            crate::db::schema::order_arrivals::arrives_from,
            crate::db::schema::order_arrivals::arrives_to,
        ))
        .first(conn)
        .optional()?;
    let carrier = crate::db::schema::order_shipments::table
        .find(order.id)
        .select(crate::db::schema::order_shipments::carrier)
        .first(conn)
        .optional()?;
    let taxes = crate::db::schema::order_taxes::table
        .filter(crate::db::schema::order_taxes::order_id.eq(order.id))
        .order(crate::db::schema::order_taxes::rate_bp.desc())
        .select(super::order_views::OrderTax::as_select())
        .load(conn)?;
    let reviewed = match viewer {
        Viewer::Shopper(uid) => {
            let products: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
            crate::reviews::read::reviewed(conn, uid, &products)?
        }
        _ => Vec::new(),
    };
    Ok(super::order_views::Loaded {
        order,
        lines,
        events,
        shop,
        shop_country,
        coupon,
        arrives,
        taxes,
        carrier,
        reviewed,
    })
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
            Action::MarkShipped { tracking, carrier } => {
                use crate::db::schema::order_shipments as s;
                let t = tracking.trim().to_string();
                diesel::update(orders::table.find(order.id))
                    .set(orders::tracking_number.eq(&t))
                    .execute(c)?;
                diesel::delete(s::table.find(order.id)).execute(c)?;
                diesel::insert_into(s::table)
                    .values((s::order_id.eq(order.id), s::carrier.eq(carrier)))
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
            // The last order of a checkout cancelled: its coupon use is given back.
            let open: i64 = orders::table
                .filter(orders::checkout_token.eq(&order.checkout_token))
                .filter(orders::user_id.eq(order.user_id))
                .filter(orders::status.ne(OrderStatus::Cancelled.as_str()))
                .count()
                .get_result(c)?;
            if open == 0 {
                crate::coupons::service::give_back(c, order.user_id, &order.checkout_token)?;
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

/// Whether a product appears on any order (ordered products are archived, never deleted).
pub fn product_ordered(conn: &mut DbConnection, product_id: i64) -> QueryResult<bool> {
    let n: i64 = order_lines::table
        .filter(order_lines::product_id.eq(product_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
