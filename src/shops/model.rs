use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::*;

/// A shop's standing, stored as its text code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum MerchantStatus {
    Pending,
    Approved,
    Rejected,
    Suspended,
}

impl MerchantStatus {
    pub const ALL: [MerchantStatus; 4] = [
        MerchantStatus::Pending,
        MerchantStatus::Approved,
        MerchantStatus::Rejected,
        MerchantStatus::Suspended,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The staff decisions a shop in this status can get (`merchant-decision-<id>`).
    pub fn decisions(self) -> &'static [&'static str] {
        match self {
            MerchantStatus::Pending => &["approve", "reject"],
            MerchantStatus::Approved => &["suspend"],
            MerchantStatus::Suspended => &["reinstate"],
            MerchantStatus::Rejected => &[],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MerchantStatus::Pending => "pending",
            MerchantStatus::Approved => "approved",
            MerchantStatus::Rejected => "rejected",
            MerchantStatus::Suspended => "suspended",
        }
    }
}

crate::stored_as_text!(MerchantStatus);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = merchants)]
pub struct MerchantRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub city: String,
    pub currency: String,
    pub status: MerchantStatus,
    pub original_lang: String,
    pub created_at: PrimitiveDateTime,
    pub owner_user_id: Option<i64>,
    /// Path of the shop logo under the media directory, "" for none.
    pub logo_path: String,
    /// The seller's identity as shown to shoppers (EU Omnibus directive, DSA art. 30, Turkish e-commerce law).
    pub legal_name: String,
    pub tax_id: String,
    /// Street and postal code; the city and country are their own columns.
    pub address: String,
    /// Business days the shop takes to hand a parcel to the carrier.
    pub handling_days: i32,
    /// Whether the shop's prices include its home VAT (see `tax::rules`).
    pub prices_include_vat: bool,
    /// The local hour from which orders count from the next day (`None`: the whole day counts).
    pub cutoff_hour: Option<i32>,
}

/// Who sells, as a shop and product page shows it: legal name, address, tax number, and that it is a trader.
pub struct SellerIdentity {
    pub legal_name: String,
    pub address: String,
    /// (label, value): "ИНН", "Partita IVA", …
    pub tax_id: Option<(String, String)>,
    pub trader: String,
}

impl MerchantRow {
    /// The shop as the sender of a parcel, for its arrival dates.
    pub fn sender(&self) -> crate::arrival::Sender<'_> {
        crate::arrival::Sender {
            country: &self.country,
            handling_days: self.handling_days,
            cutoff_hour: self.cutoff_hour,
        }
    }

    /// The seller's identity in the reader's language; `None` for a shop that has not given its legal name.
    pub fn identity(&self, tr: &crate::i18n::Translator) -> Option<SellerIdentity> {
        if self.legal_name.is_empty() {
            return None;
        }
        let country = crate::geo::CountryCode::parse(&self.country);
        let place = [
            self.address.as_str(),
            self.city.as_str(),
            &country.map(|c| tr.t(&c.name_id())).unwrap_or_default(),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
        let tax_label = country.map_or_else(
            || tr.t("seller-tax-id"),
            |c| {
                tr.try_t(&format!("seller-tax-id-{}", c.lower()))
                    .unwrap_or_else(|| tr.t("seller-tax-id"))
            },
        );
        Some(SellerIdentity {
            legal_name: self.legal_name.clone(),
            address: place,
            tax_id: (!self.tax_id.is_empty()).then(|| (tax_label, self.tax_id.clone())),
            trader: tr.t("seller-trader"),
        })
    }
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
    pub legal_name: String,
    pub tax_id: String,
    pub address: String,
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
