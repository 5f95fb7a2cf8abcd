use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MerchantStatus {
    Pending,
    Approved,
    Rejected,
    Suspended,
}

impl MerchantStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MerchantStatus::Pending => "pending",
            MerchantStatus::Approved => "approved",
            MerchantStatus::Rejected => "rejected",
            MerchantStatus::Suspended => "suspended",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = merchants)]
pub struct MerchantRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub city: String,
    pub currency: String,
    pub status: String,
    pub original_lang: String,
    pub created_at: PrimitiveDateTime,
    pub owner_user_id: Option<i64>,
    /// Path of the shop logo under the media directory, "" for none.
    pub logo_path: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = merchants)]
pub struct NewMerchant {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub city: String,
    pub currency: String,
    pub status: String,
    pub original_lang: String,
    pub created_at: PrimitiveDateTime,
    pub owner_user_id: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = merchant_translations)]
pub struct MerchantTranslation {
    pub merchant_id: i64,
    pub locale: String,
    pub description: String,
}

/// What a shop charges to ship to one destination (`*` = every other country) and how long it takes.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = shipping_rates)]
pub struct ShippingRate {
    pub merchant_id: i64,
    pub destination: String,
    pub rate_minor: i64,
    pub days_min: i32,
    pub days_max: i32,
}

/// The destination value meaning "everywhere else".
pub const EVERYWHERE_ELSE: &str = "*";
