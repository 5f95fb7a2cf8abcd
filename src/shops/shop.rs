//! The signed-in merchant's own shop: finding it, its profile, its shipping rates and its overview.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{MerchantRow, MerchantTranslation, ShippingRate};
use crate::audit;
use crate::db::schema::{
    merchant_translations, merchants, product_translations, products, shipping_rates,
};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::geo::CountryCode;
use crate::i18n::Locale;

/// The shop owned by `user_id`, once approved (a suspended shop still manages its catalogue; it is hidden
/// from shoppers). A merchant account without such a shop is refused.
pub fn owned(conn: &mut DbConnection, user_id: i64) -> AppResult<MerchantRow> {
    merchants::table
        .filter(merchants::owner_user_id.eq(user_id))
        .filter(merchants::status.eq_any(["approved", "suspended"]))
        .select(MerchantRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::new(ErrorCode::Forbidden))
}

/// A shop profile edit: display name, city, street address and the description per language. (The legal name and
/// tax number were checked by staff when the shop was approved; they are not edited here.)
pub struct ProfileInput {
    pub name: String,
    pub city: String,
    pub address: String,
    pub original_lang: Locale,
    pub descriptions: Vec<(Locale, String)>,
}

pub fn save_profile(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    actor: i64,
    p: &ProfileInput,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    crate::db::write_tx(conn, |c| {
        diesel::update(merchants::table.find(shop.id))
            .set((
                merchants::name.eq(&p.name),
                merchants::city.eq(&p.city),
                merchants::address.eq(&p.address),
                merchants::original_lang.eq(p.original_lang.code()),
            ))
            .execute(c)?;
        diesel::delete(
            merchant_translations::table.filter(merchant_translations::merchant_id.eq(shop.id)),
        )
        .execute(c)?;
        for (l, d) in p.descriptions.iter().filter(|(_, d)| !d.is_empty()) {
            diesel::insert_into(merchant_translations::table)
                .values(&MerchantTranslation {
                    merchant_id: shop.id,
                    locale: l.code().to_string(),
                    description: d.clone(),
                })
                .execute(c)?;
        }
        audit::record(c, actor, "shop.profile", &shop.slug, "", now)
    })
}

/// Replaces the logo path, returning the previous one (for the caller to delete its files).
pub fn set_logo(conn: &mut DbConnection, shop_id: i64, path: &str) -> QueryResult<String> {
    crate::db::write_tx(conn, |c| {
        let old: String = merchants::table
            .find(shop_id)
            .select(merchants::logo_path)
            .first(c)?;
        diesel::update(merchants::table.find(shop_id))
            .set(merchants::logo_path.eq(path))
            .execute(c)?;
        Ok(old)
    })
}

pub fn shipping(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Vec<ShippingRate>> {
    shipping_rates::table
        .filter(shipping_rates::merchant_id.eq(shop_id))
        .order(shipping_rates::destination)
        .select(ShippingRate::as_select())
        .load(conn)
}

/// The shipping tables of several shops (for a page of cards).
pub fn shipping_of(conn: &mut DbConnection, shop_ids: &[i64]) -> QueryResult<Vec<ShippingRate>> {
    crate::load_by_ids!(conn, shipping_rates::merchant_id, shop_ids, |one_of| {
        shipping_rates::table
            .filter(one_of)
            .select(ShippingRate::as_select())
    })
}

/// A shop's settings saved with its shipping table.
#[derive(Debug, Clone, Copy)]
pub struct ShippingSettings {
    /// Business days from an order to handing the parcel over.
    pub handling_days: i32,
    /// The local hour from which orders count from the next day (`None`: the whole day counts).
    pub cutoff_hour: Option<i32>,
    /// Whether its prices include its home VAT.
    pub include_vat: bool,
}

/// Replaces the whole shipping table of a shop and its [`ShippingSettings`], in one transaction.
pub fn save_shipping(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    actor: i64,
    (rates, settings): (&[ShippingRate], &ShippingSettings),
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let ShippingSettings {
        handling_days,
        cutoff_hour,
        include_vat,
    } = *settings;
    crate::db::write_tx(conn, |c| {
        diesel::update(merchants::table.find(shop.id))
            .set((
                merchants::handling_days.eq(handling_days),
                merchants::cutoff_hour.eq(cutoff_hour),
                merchants::prices_include_vat.eq(include_vat),
            ))
            .execute(c)?;
        diesel::delete(shipping_rates::table.filter(shipping_rates::merchant_id.eq(shop.id)))
            .execute(c)?;
        for r in rates {
            diesel::insert_into(shipping_rates::table)
                .values(r)
                .execute(c)?;
        }
        let destinations = rates
            .iter()
            .map(|r| r.destination.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let vat = if include_vat { "incl. VAT" } else { "net" };
        let cutoff = cutoff_hour.map_or("none".to_string(), |h| format!("{h}:00"));
        let detail =
            format!("{destinations}; handling {handling_days}; cut-off {cutoff}; prices {vat}");
        audit::record(c, actor, "shop.shipping", &shop.slug, &detail, now)
    })
}

/// What shipping one shop's parcel to `to` costs: the country's own rate, else its zone's, else "everywhere
/// else", else none (see [`super::shipping_zones`]).
pub fn quote(rates: &[ShippingRate], to: CountryCode) -> Option<&ShippingRate> {
    super::shipping_zones::keys(to.as_str())
        .iter()
        .find_map(|k| rates.iter().find(|r| r.destination == *k))
}

/// Counts for the merchant dashboard.
#[derive(Debug, Default, Clone)]
pub struct Overview {
    pub live: i64,
    pub draft: i64,
    pub archived: i64,
    pub out_of_stock: i64,
    /// Orders waiting for the merchant (awaiting payment or paid, not yet shipped).
    pub open_orders: i64,
    /// Per locale: how many non-archived products have a translation in it.
    pub translated: Vec<(Locale, i64)>,
}

impl Overview {
    pub fn catalogue_size(&self) -> i64 {
        self.live + self.draft
    }
}

pub fn overview(conn: &mut DbConnection, shop_id: i64) -> QueryResult<Overview> {
    let counts: Vec<(String, i64)> = products::table
        .filter(products::merchant_id.eq(shop_id))
        .group_by(products::status)
        .select((products::status, diesel::dsl::count_star()))
        .load(conn)?;
    let mut o = Overview::default();
    for (status, n) in counts {
        match status.as_str() {
            "active" => o.live += n,
            "draft" => o.draft += n,
            _ => o.archived += n,
        }
    }
    o.open_orders = crate::db::schema::orders::table
        .filter(crate::db::schema::orders::merchant_id.eq(shop_id))
        .filter(crate::db::schema::orders::status.eq_any(["awaiting_payment", "paid"]))
        .count()
        .get_result(conn)?;
    o.out_of_stock = products::table
        .filter(products::merchant_id.eq(shop_id))
        .filter(products::status.eq("active"))
        .filter(products::stock.le(0))
        .count()
        .get_result(conn)?;
    let per_locale: Vec<(String, i64)> = product_translations::table
        .inner_join(products::table)
        .filter(products::merchant_id.eq(shop_id))
        .filter(products::status.ne("archived"))
        .group_by(product_translations::locale)
        .select((product_translations::locale, diesel::dsl::count_star()))
        .load(conn)?;
    o.translated = Locale::ALL
        .iter()
        .map(|l| {
            let n = per_locale
                .iter()
                .find(|(code, _)| code == l.code())
                .map_or(0, |(_, n)| *n);
            (*l, n)
        })
        .collect();
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(dest: &str, minor: i64) -> ShippingRate {
        ShippingRate {
            merchant_id: 1,
            destination: dest.into(),
            rate_minor: minor,
            days_min: 2,
            days_max: 5,
        }
    }

    #[test]
    fn own_rate_beats_everywhere_else() {
        let rates = vec![rate("*", 2500), rate("DE", 900)];
        assert_eq!(
            quote(&rates, CountryCode::parse("DE").unwrap())
                .unwrap()
                .rate_minor,
            900
        );
        assert_eq!(quote(&rates, CountryCode::US).unwrap().rate_minor, 2500);
        assert!(quote(&[rate("DE", 900)], CountryCode::US).is_none());
    }

    #[test]
    fn a_zone_rate_sits_between_the_country_and_everywhere_else() {
        let rates = vec![rate("*", 2500), rate("zone:eu", 1200), rate("DE", 900)];
        let at = |cc: &str| {
            quote(&rates, CountryCode::parse(cc).unwrap())
                .unwrap()
                .rate_minor
        };
        assert_eq!(
            (at("DE"), at("FR"), at("CL"), at("KZ")),
            (900, 1200, 2500, 2500)
        );
        assert!(quote(&[rate("zone:cis", 700)], CountryCode::US).is_none());
    }
}
