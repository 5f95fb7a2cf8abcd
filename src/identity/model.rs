use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

use crate::db::schema::users;

/// What an account may do, stored as its text code.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Role {
    Shopper,
    Merchant,
    Staff,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Shopper, Role::Merchant, Role::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Shopper => "shopper",
            Role::Merchant => "merchant",
            Role::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

crate::stored_as_text!(Role);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub email_norm: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub locale: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    /// IANA zone staff read times in; "" for UTC.
    pub time_zone: String,
    /// When the owner proved the address by following a mailed link (`None`: not yet).
    pub email_verified_at: Option<PrimitiveDateTime>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub email: String,
    pub email_norm: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub locale: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub email_verified_at: Option<PrimitiveDateTime>,
}

/// The signed-in user, as handlers and templates see it.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: String,
    pub session_id: String,
    pub time_zone: String,
    /// Whether the account's email address is verified.
    pub verified: bool,
}

impl AuthUser {
    /// The signed-in user of session `session_id`, read from its user row (`None` for an unknown role).
    pub fn of(row: UserRow, session_id: String) -> Option<Self> {
        Some(Self {
            role: row.role,
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            locale: row.locale,
            time_zone: row.time_zone,
            verified: row.email_verified_at.is_some(),
            session_id,
        })
    }
}
