//! Catalogue rows and domain types.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::*;

use crate::shops::model::MerchantStatus;

/// Where a product stands in its shop, stored as its text code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum ProductStatus {
    Draft,
    Active,
    Archived,
}

impl ProductStatus {
    /// The "listed" rule, the one place it is written: shoppers see a product (listings, search, its page, the
    /// cart) when it is active and its shop is approved. `products.listed` stores it, kept by
    /// `merchants::catalog` on product writes and by [`super::write::relist_shop`] on shop decisions.
    pub fn listed(self, shop: MerchantStatus) -> bool {
        self == ProductStatus::Active && shop == MerchantStatus::Approved
    }

    pub const ALL: [ProductStatus; 3] = [
        ProductStatus::Draft,
        ProductStatus::Active,
        ProductStatus::Archived,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProductStatus::Draft => "draft",
            ProductStatus::Active => "active",
            ProductStatus::Archived => "archived",
        }
    }
}

crate::stored_as_text!(ProductStatus);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = products)]
pub struct ProductRow {
    pub id: i64,
    pub merchant_id: i64,
    pub category_id: i64,
    pub sku: String,
    pub price_minor: i64,
    pub currency: String,
    pub base_price_minor: i64,
    pub stock: i32,
    pub status: ProductStatus,
    pub listed: bool,
    pub origin: String,
    pub original_lang: String,
    pub weight_grams: Option<i32>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = products)]
pub struct NewProduct {
    pub merchant_id: i64,
    pub category_id: i64,
    pub sku: String,
    pub price_minor: i64,
    pub currency: String,
    pub base_price_minor: i64,
    pub stock: i32,
    pub status: ProductStatus,
    pub listed: bool,
    pub origin: String,
    pub original_lang: String,
    pub weight_grams: Option<i32>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = product_translations)]
pub struct ProductTranslation {
    pub product_id: i64,
    pub locale: String,
    pub title: String,
    pub description: String,
    pub slug: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = product_images)]
pub struct ImageRow {
    pub id: i64,
    pub product_id: i64,
    pub position: i32,
    pub path: String,
    pub width: i32,
    pub height: i32,
    /// A smaller rendition for cards and lists ("" when the original serves every size, e.g. SVG).
    pub thumb_path: String,
}

impl ImageRow {
    /// The path to show at card size.
    pub fn card_path(&self) -> &str {
        if self.thumb_path.is_empty() {
            &self.path
        } else {
            &self.thumb_path
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = product_images)]
pub struct NewImage {
    pub product_id: i64,
    pub position: i32,
    pub path: String,
    pub width: i32,
    pub height: i32,
    pub thumb_path: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = product_image_translations)]
pub struct ImageAlt {
    pub image_id: i64,
    pub locale: String,
    pub alt: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = search_terms)]
pub struct SearchTerm {
    pub term: String,
    pub product_id: i64,
    pub weight: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = exchange_rates)]
pub struct RateRow {
    pub currency: String,
    pub per_base_micros: i64,
    pub effective_from: PrimitiveDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_active_products_of_approved_shops_are_listed() {
        use MerchantStatus::*;
        assert!(ProductStatus::Active.listed(Approved));
        for shop in [Pending, Suspended, Rejected] {
            assert!(!ProductStatus::Active.listed(shop), "{shop}");
        }
        assert!(!ProductStatus::Draft.listed(Approved));
        assert!(!ProductStatus::Archived.listed(Approved));
    }

    #[test]
    fn statuses_read_back_their_codes_and_refuse_others() {
        for s in ProductStatus::ALL {
            assert_eq!(ProductStatus::parse(s.as_str()), Some(s));
        }
        for s in MerchantStatus::ALL {
            assert_eq!(MerchantStatus::parse(&s.to_string()), Some(s));
        }
        assert_eq!(ProductStatus::parse("deleted"), None);
    }
}
