//! Order rows, statuses and the transition rules.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::*;

/// Where an order stands, stored as its text code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum OrderStatus {
    AwaitingPayment,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 5] = [
        OrderStatus::AwaitingPayment,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment => "awaiting_payment",
            OrderStatus::Paid => "paid",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Fluent id of the status name.
    pub fn message_id(self) -> String {
        format!("order-status-{}", self.as_str().replace('_', "-"))
    }
}

crate::stored_as_text!(OrderStatus);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentMethod {
    BankTransfer,
    CashOnDelivery,
    /// Paid by card through the payment provider; only the provider's verified payment marks it paid.
    Card,
}

impl PaymentMethod {
    /// The methods that need no provider (offered at every checkout).
    pub const ALL: [PaymentMethod; 2] =
        [PaymentMethod::BankTransfer, PaymentMethod::CashOnDelivery];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::BankTransfer => "bank_transfer",
            PaymentMethod::CashOnDelivery => "cash_on_delivery",
            PaymentMethod::Card => "card",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .chain([PaymentMethod::Card])
            .find(|x| x.as_str() == s)
    }

    pub fn message_id(self) -> String {
        format!("payment-{}", self.as_str().replace('_', "-"))
    }
}

/// Who asks for a status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Shopper,
    Merchant,
}

/// What someone asks to do with an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    MarkPaid,
    /// Handed to `carrier` (a code of [`super::carriers`], or `other`) under tracking number `tracking`.
    MarkShipped {
        tracking: String,
        carrier: String,
    },
    MarkDelivered,
    Cancel {
        reason: String,
    },
}

impl Action {
    pub fn target(&self) -> OrderStatus {
        match self {
            Action::MarkPaid => OrderStatus::Paid,
            Action::MarkShipped { .. } => OrderStatus::Shipped,
            Action::MarkDelivered => OrderStatus::Delivered,
            Action::Cancel { .. } => OrderStatus::Cancelled,
        }
    }
}

/// The status machine: the next status, or the Fluent id of why not.
///
/// awaiting payment → paid → shipped → delivered; cash on delivery may ship before it is paid;
/// merchants cancel (with a reason) and shoppers cancel until the parcel ships. Only merchants move an order
/// forward.
pub fn next(
    from: OrderStatus,
    action: &Action,
    actor: Actor,
    payment: PaymentMethod,
) -> Result<OrderStatus, &'static str> {
    use OrderStatus::*;
    let to = action.target();
    let allowed = match (actor, from, to) {
        // A card payment is marked paid by the provider's verified payment, never by hand.
        (Actor::Merchant, AwaitingPayment, Paid) => payment != PaymentMethod::Card,
        (Actor::Merchant, Paid, Shipped) => true,
        (Actor::Merchant, AwaitingPayment, Shipped) => payment == PaymentMethod::CashOnDelivery,
        (Actor::Merchant, Shipped, Delivered) => true,
        // A cancelled paid card order is refunded through the provider (by the payments worker).
        (_, Paid, Cancelled) => true,
        (_, AwaitingPayment, Cancelled) => true,
        _ => false,
    };
    if !allowed {
        return Err(match (from, to) {
            (Shipped | Delivered, Cancelled) => "order-cannot-cancel-shipped",
            (Cancelled, _) => "order-already-cancelled",
            _ => "order-transition-invalid",
        });
    }
    match action {
        Action::MarkShipped { tracking, .. } if tracking.trim().is_empty() => {
            Err("order-tracking-required")
        }
        Action::MarkShipped { carrier, .. } if !super::carriers::known(carrier) => {
            Err("order-carrier-invalid")
        }
        Action::Cancel { reason } if actor == Actor::Merchant && reason.trim().is_empty() => {
            Err("order-reason-required")
        }
        _ => Ok(to),
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    pub id: i64,
    pub number: String,
    pub checkout_token: String,
    pub user_id: i64,
    pub merchant_id: i64,
    pub status: OrderStatus,
    pub payment_method: String,
    pub currency: String,
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub total_minor: i64,
    pub merchant_currency: String,
    pub merchant_subtotal_minor: i64,
    pub merchant_shipping_minor: i64,
    pub merchant_total_minor: i64,
    pub merchant_rate_micros: i64,
    pub shopper_rate_micros: i64,
    pub ship_name: String,
    pub ship_line1: String,
    pub ship_line2: String,
    pub ship_city: String,
    pub ship_postal_code: String,
    pub ship_country: String,
    pub ship_phone: String,
    pub delivery_days_min: i32,
    pub delivery_days_max: i32,
    pub tracking_number: String,
    pub cancel_reason: String,
    pub locale: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = orders)]
pub struct NewOrder {
    pub number: String,
    pub checkout_token: String,
    pub user_id: i64,
    pub merchant_id: i64,
    pub status: OrderStatus,
    pub payment_method: String,
    pub currency: String,
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub total_minor: i64,
    pub merchant_currency: String,
    pub merchant_subtotal_minor: i64,
    pub merchant_shipping_minor: i64,
    pub merchant_total_minor: i64,
    pub merchant_rate_micros: i64,
    pub shopper_rate_micros: i64,
    pub ship_name: String,
    pub ship_line1: String,
    pub ship_line2: String,
    pub ship_city: String,
    pub ship_postal_code: String,
    pub ship_country: String,
    pub ship_phone: String,
    pub delivery_days_min: i32,
    pub delivery_days_max: i32,
    pub locale: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = order_lines)]
pub struct OrderLineRow {
    pub id: i64,
    pub order_id: i64,
    pub product_id: i64,
    pub sku: String,
    pub title: String,
    pub title_locale: String,
    pub quantity: i32,
    pub unit_minor: i64,
    pub line_minor: i64,
    pub unit_shopper_minor: i64,
    pub line_shopper_minor: i64,
    pub discount_percent: i32,
    pub promo_id: Option<i64>,
    /// The discount the marketplace pays the shop for (platform-funded campaigns), whole line, merchant currency.
    pub platform_discount_minor: i64,
    /// The part of the line's campaign discount the shop gives up itself, merchant currency.
    pub shop_discount_minor: i64,
    pub variant_id: Option<i64>,
    /// "Size: 39" as the shopper read it, and as the shop reads it ("" without options).
    pub variant_label: String,
    pub variant_label_merchant: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = order_lines)]
pub struct NewOrderLine {
    pub order_id: i64,
    pub product_id: i64,
    pub sku: String,
    pub title: String,
    pub title_locale: String,
    pub quantity: i32,
    pub unit_minor: i64,
    pub line_minor: i64,
    pub unit_shopper_minor: i64,
    pub line_shopper_minor: i64,
    pub discount_percent: i32,
    pub promo_id: Option<i64>,
    /// The discount the marketplace pays the shop for (platform-funded campaigns), whole line, merchant currency.
    pub platform_discount_minor: i64,
    /// The part of the line's campaign discount the shop gives up itself, merchant currency.
    pub shop_discount_minor: i64,
    pub variant_id: Option<i64>,
    /// "Size: 39" as the shopper read it, and as the shop reads it ("" without options).
    pub variant_label: String,
    pub variant_label_merchant: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = order_events)]
pub struct OrderEvent {
    pub id: i64,
    pub order_id: i64,
    pub status: String,
    pub actor_id: Option<i64>,
    pub note: String,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = addresses)]
pub struct Address {
    pub user_id: i64,
    pub full_name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub postal_code: String,
    pub country: String,
    pub phone: String,
    pub updated_at: PrimitiveDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    fn ship() -> Action {
        Action::MarkShipped {
            tracking: "RR123456785IT".into(),
            carrier: "poste_italiane".into(),
        }
    }

    #[test]
    fn only_the_provider_marks_a_card_order_paid_and_it_ships_once_paid() {
        let card = PaymentMethod::Card;
        let m = Actor::Merchant;
        assert_eq!(
            next(AwaitingPayment, &Action::MarkPaid, m, card),
            Err("order-transition-invalid")
        );
        assert_eq!(
            next(AwaitingPayment, &ship(), m, card),
            Err("order-transition-invalid")
        );
        assert_eq!(next(Paid, &ship(), m, card), Ok(Shipped));
        // Cancelled before shipping by either side, it is refunded.
        let cancel = Action::Cancel {
            reason: "no stock".into(),
        };
        assert_eq!(next(Paid, &cancel, Actor::Shopper, card), Ok(Cancelled));
        assert_eq!(next(Paid, &cancel, m, card), Ok(Cancelled));
        assert_eq!(
            next(Shipped, &cancel, Actor::Shopper, card),
            Err("order-cannot-cancel-shipped")
        );
        assert_eq!(PaymentMethod::parse("card"), Some(card));
        assert!(
            !PaymentMethod::ALL.contains(&card),
            "offered only when a provider is set up"
        );
    }

    #[test]
    fn every_transition_is_checked() {
        let bank = PaymentMethod::BankTransfer;
        let cod = PaymentMethod::CashOnDelivery;
        let cancel = Action::Cancel {
            reason: "out of stock".into(),
        };
        let m = Actor::Merchant;
        assert_eq!(next(AwaitingPayment, &Action::MarkPaid, m, bank), Ok(Paid));
        assert_eq!(next(Paid, &ship(), m, bank), Ok(Shipped));
        assert_eq!(
            next(Shipped, &Action::MarkDelivered, m, bank),
            Ok(Delivered)
        );
        assert_eq!(next(AwaitingPayment, &ship(), m, cod), Ok(Shipped));
        assert!(next(AwaitingPayment, &ship(), m, bank).is_err());
        assert_eq!(next(Paid, &cancel, m, bank), Ok(Cancelled));
        assert_eq!(
            next(AwaitingPayment, &cancel, Actor::Shopper, bank),
            Ok(Cancelled)
        );
        // Everything else is refused, for both actors.
        let actions = [
            Action::MarkPaid,
            ship(),
            Action::MarkDelivered,
            cancel.clone(),
        ];
        let mut allowed = 0;
        for from in OrderStatus::ALL {
            for a in &actions {
                for actor in [Actor::Shopper, Actor::Merchant] {
                    for pay in PaymentMethod::ALL {
                        if next(from, a, actor, pay).is_ok() {
                            allowed += 1;
                        }
                    }
                }
            }
        }
        // merchant: paid(2 payments) + ship from paid(2) + cod ship(1) + delivered(2) + cancel from 2 states(4);
        // shopper: cancel from 2 states (4).
        assert_eq!(allowed, 15);
        assert_eq!(
            next(Shipped, &cancel, Actor::Shopper, bank),
            Err("order-cannot-cancel-shipped")
        );
        assert_eq!(
            next(Cancelled, &Action::MarkPaid, m, bank),
            Err("order-already-cancelled")
        );
        assert_eq!(
            next(
                Paid,
                &Action::MarkShipped {
                    tracking: "RA1".into(),
                    carrier: "pigeon".into(),
                },
                m,
                bank
            ),
            Err("order-carrier-invalid")
        );
        assert_eq!(
            next(
                Paid,
                &Action::MarkShipped {
                    tracking: " ".into(),
                    carrier: "dhl".into(),
                },
                m,
                bank
            ),
            Err("order-tracking-required")
        );
        assert_eq!(
            next(
                Paid,
                &Action::Cancel {
                    reason: String::new()
                },
                m,
                bank
            ),
            Err("order-reason-required")
        );
        assert!(next(AwaitingPayment, &Action::MarkPaid, Actor::Shopper, bank).is_err());
    }
}
