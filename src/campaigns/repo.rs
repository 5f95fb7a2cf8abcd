//! Campaign reads shoppers' pages need: the published campaigns not yet ended and their texts.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{PromoId, PromoRow, PromoStatus, PromoText};
use crate::db::schema::{promo_translations, promos};
use crate::db::DbConnection;
use crate::geo::CountryCode;
use crate::i18n::Locale;

/// Published campaigns not yet over at `at` (live first, then upcoming), in home order.
pub fn current(conn: &mut DbConnection, at: PrimitiveDateTime) -> QueryResult<Vec<PromoRow>> {
    promos::table
        .filter(promos::status.eq(PromoStatus::Published))
        .filter(promos::ends_at.gt(at))
        .order((
            promos::home_position.asc(),
            promos::starts_at.asc(),
            promos::id.asc(),
        ))
        .select(PromoRow::as_select())
        .load(conn)
}

/// The published campaigns shoppers shipping to `market` and reading `lang` see, not yet over there at `at`,
/// each with that market's start and end (live first, then upcoming, in home order).
pub fn current_for(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
    market: CountryCode,
    lang: Locale,
) -> QueryResult<Vec<PromoRow>> {
    Ok(current(conn, at)?
        .into_iter()
        .filter(|p| p.admits(market, lang))
        .map(|p| p.in_market(market))
        .filter(|p| p.ends_at > at)
        .collect())
}

/// Texts of several campaigns.
pub fn texts_of(conn: &mut DbConnection, ids: &[PromoId]) -> QueryResult<Vec<PromoText>> {
    promo_translations::table
        .filter(promo_translations::promo_id.eq_any(ids))
        .select(PromoText::as_select())
        .load(conn)
}

/// The text for `l`, else English, else any.
pub fn pick(texts: &[PromoText], l: Locale) -> Option<&PromoText> {
    texts
        .iter()
        .find(|t| t.locale == l.code())
        .or_else(|| texts.iter().find(|t| t.locale == Locale::FALLBACK.code()))
        .or_else(|| texts.first())
}

/// One campaign, published or not (staff reports).
pub fn by_id(conn: &mut DbConnection, id: PromoId) -> QueryResult<Option<PromoRow>> {
    promos::table
        .find(id)
        .select(PromoRow::as_select())
        .first(conn)
        .optional()
}
