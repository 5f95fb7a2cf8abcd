use diesel::prelude::*;

use crate::db::schema::{merchant_translations, merchants};
use crate::db::DbConnection;
use crate::geo::CountryCode;
use crate::i18n::Locale;
use crate::money::Currency;
use crate::shops::model::{MerchantStatus, MerchantTranslation, NewMerchant};

pub struct MerchantDraft<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub country: CountryCode,
    pub city: &'a str,
    pub currency: Currency,
    pub status: MerchantStatus,
    pub original_lang: Locale,
    pub created_at: time::PrimitiveDateTime,
    pub owner_user_id: Option<i64>,
    /// The seller's legal identity: (legal name, tax id, street address).
    pub legal: (&'a str, &'a str, &'a str),
    /// (locale, description)
    pub descriptions: Vec<(Locale, &'a str)>,
}

pub fn create_merchant(conn: &mut DbConnection, d: &MerchantDraft<'_>) -> QueryResult<i64> {
    let id: i64 = diesel::insert_into(merchants::table)
        .values(&NewMerchant {
            slug: d.slug.to_string(),
            name: d.name.to_string(),
            country: d.country.as_str().to_string(),
            city: d.city.to_string(),
            currency: d.currency.code().to_string(),
            status: d.status.as_str().to_string(),
            original_lang: d.original_lang.code().to_string(),
            created_at: d.created_at,
            owner_user_id: d.owner_user_id,
            legal_name: d.legal.0.to_string(),
            tax_id: d.legal.1.to_string(),
            address: d.legal.2.to_string(),
        })
        .returning(merchants::id)
        .get_result(conn)?;
    for (l, text) in &d.descriptions {
        diesel::insert_into(merchant_translations::table)
            .values(&MerchantTranslation {
                merchant_id: id,
                locale: l.code().to_string(),
                description: (*text).to_string(),
            })
            .execute(conn)?;
    }
    Ok(id)
}
