//! Payment rows and their status.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::payments;

/// Where a payment stands on our side. Only `pending` → `succeeded` marks orders paid, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    Pending,
    Succeeded,
    Canceled,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Succeeded => "succeeded",
            PaymentStatus::Canceled => "canceled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Succeeded, Self::Canceled]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = payments)]
pub struct PaymentRow {
    pub id: i64,
    pub checkout_token: String,
    pub user_id: i64,
    pub provider: String,
    pub provider_ref: Option<String>,
    pub amount_minor: i64,
    pub currency: String,
    pub status: String,
    pub failure_code: String,
    pub idempotency_key: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

impl PaymentRow {
    pub fn status(&self) -> Option<PaymentStatus> {
        PaymentStatus::parse(&self.status)
    }
}
