//! Campaign queries and writes.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::campaigns::model::{CampaignText, PromoId, PromoRow, PromoStatus, PromoText, Targets};
use crate::db::schema::{promo_featured, promo_targets, promo_translations, promos};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, PerLocale};

pub fn by_id(conn: &mut DbConnection, id: PromoId) -> AppResult<PromoRow> {
    promos::table
        .find(id)
        .select(PromoRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(AppError::not_found)
}

pub fn texts(conn: &mut DbConnection, id: PromoId) -> QueryResult<Vec<PromoText>> {
    promo_translations::table
        .filter(promo_translations::promo_id.eq(id))
        .select(PromoText::as_select())
        .load(conn)
}

/// Raw targets (categories as chosen, not expanded).
pub fn targets(conn: &mut DbConnection, id: PromoId) -> QueryResult<Targets> {
    let rows: Vec<(String, String)> = promo_targets::table
        .filter(promo_targets::promo_id.eq(id))
        .select((promo_targets::kind, promo_targets::value))
        .load(conn)?;
    let mut t = Targets::default();
    for (kind, value) in rows {
        match kind.as_str() {
            "origin" => t.origins.push(value),
            "merchant" => t.merchants.extend(value.parse::<i64>().ok()),
            "category" => t.categories.extend(value.parse::<i64>().ok()),
            "product" => t.products.extend(value.parse::<i64>().ok()),
            _ => {}
        }
    }
    t.origins.sort();
    t.merchants.sort_unstable();
    t.categories.sort_unstable();
    t.products.sort_unstable();
    Ok(t)
}

pub fn featured(conn: &mut DbConnection, id: PromoId) -> QueryResult<Vec<i64>> {
    promo_featured::table
        .filter(promo_featured::promo_id.eq(id))
        .order(promo_featured::position)
        .select(promo_featured::product_id)
        .load(conn)
}

/// Every campaign for staff, newest first.
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<PromoRow>> {
    promos::table
        .order((promos::starts_at.desc(), promos::id.desc()))
        .select(PromoRow::as_select())
        .load(conn)
}

/// The campaign whose slug in some language is `slug`: (promo, the locale of that slug).
pub fn by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<(PromoId, String)>> {
    promo_translations::table
        .filter(promo_translations::slug.eq(slug))
        .select((promo_translations::promo_id, promo_translations::locale))
        .first(conn)
        .optional()
}

/// Everything a campaign form saves.
#[derive(Debug, Clone)]
pub struct PromoInput {
    pub name: String,
    pub discount_percent: i32,
    /// The marketplace pays the discount (the shop is made whole for card sales).
    pub platform_funded: bool,
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub time_zone: String,
    pub home_position: i32,
    pub targets: Targets,
    pub featured: Vec<i64>,
    /// The texts of each language with a title.
    pub texts: PerLocale<Option<CampaignText>>,
}

impl PromoInput {
    /// Who pays the discount, as stored.
    pub fn funder(&self) -> &'static str {
        if self.platform_funded {
            "platform"
        } else {
            "shop"
        }
    }
}

/// Whether a slug is used by another campaign in that language.
pub fn slug_taken(
    conn: &mut DbConnection,
    l: Locale,
    slug: &str,
    except: Option<PromoId>,
) -> QueryResult<bool> {
    let found: Option<PromoId> = promo_translations::table
        .filter(promo_translations::locale.eq(l.code()))
        .filter(promo_translations::slug.eq(slug))
        .select(promo_translations::promo_id)
        .first(conn)
        .optional()?;
    Ok(found.is_some_and(|id| Some(id) != except))
}

/// Creates (`id` None, as a draft) or updates a campaign with its texts, targets and featured products.
pub fn save(
    conn: &mut DbConnection,
    id: Option<PromoId>,
    p: &PromoInput,
    now: PrimitiveDateTime,
) -> QueryResult<PromoId> {
    crate::db::write_tx(conn, |c| {
        let id = match id {
            Some(id) => {
                diesel::update(promos::table.find(id))
                    .set((
                        promos::name.eq(&p.name),
                        promos::discount_percent.eq(p.discount_percent),
                        promos::funded_by.eq(p.funder()),
                        promos::starts_at.eq(p.starts_at),
                        promos::ends_at.eq(p.ends_at),
                        promos::time_zone.eq(&p.time_zone),
                        promos::home_position.eq(p.home_position),
                        promos::updated_at.eq(now),
                    ))
                    .execute(c)?;
                for table_delete in [
                    diesel::delete(
                        promo_translations::table.filter(promo_translations::promo_id.eq(id)),
                    )
                    .execute(c),
                    diesel::delete(promo_targets::table.filter(promo_targets::promo_id.eq(id)))
                        .execute(c),
                    diesel::delete(promo_featured::table.filter(promo_featured::promo_id.eq(id)))
                        .execute(c),
                ] {
                    table_delete?;
                }
                id
            }
            None => diesel::insert_into(promos::table)
                .values((
                    promos::name.eq(&p.name),
                    promos::status.eq(PromoStatus::Draft),
                    promos::discount_percent.eq(p.discount_percent),
                    promos::funded_by.eq(p.funder()),
                    promos::starts_at.eq(p.starts_at),
                    promos::ends_at.eq(p.ends_at),
                    promos::time_zone.eq(&p.time_zone),
                    promos::home_position.eq(p.home_position),
                    promos::created_at.eq(now),
                    promos::updated_at.eq(now),
                ))
                .returning(promos::id)
                .get_result(c)?,
        };
        for (l, text) in p.texts.iter() {
            if let Some(text) = text {
                diesel::insert_into(promo_translations::table)
                    .values(&text.row(id, l))
                    .execute(c)?;
            }
        }
        let t = &p.targets;
        let rows: Vec<(&str, String)> = t
            .origins
            .iter()
            .map(|o| ("origin", o.clone()))
            .chain(t.merchants.iter().map(|m| ("merchant", m.to_string())))
            .chain(t.categories.iter().map(|x| ("category", x.to_string())))
            .chain(t.products.iter().map(|x| ("product", x.to_string())))
            .collect();
        for (kind, value) in rows {
            diesel::insert_into(promo_targets::table)
                .values((
                    promo_targets::promo_id.eq(id),
                    promo_targets::kind.eq(kind),
                    promo_targets::value.eq(value),
                ))
                .execute(c)?;
        }
        for (pos, product) in p.featured.iter().enumerate() {
            diesel::insert_into(promo_featured::table)
                .values((
                    promo_featured::promo_id.eq(id),
                    promo_featured::product_id.eq(product),
                    promo_featured::position.eq(i32::try_from(pos).unwrap_or(0)),
                ))
                .execute(c)?;
        }
        Ok(id)
    })
}

pub fn set_status(
    conn: &mut DbConnection,
    id: PromoId,
    status: PromoStatus,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::update(promos::table.find(id))
        .set((promos::status.eq(status), promos::updated_at.eq(now)))
        .execute(conn)
}

pub fn set_hero(
    conn: &mut DbConnection,
    id: PromoId,
    path: &str,
    thumb: &str,
) -> QueryResult<(String, String)> {
    crate::db::write_tx(conn, |c| {
        let old: (String, String) = promos::table
            .find(id)
            .select((promos::hero_path, promos::hero_thumb_path))
            .first(c)?;
        diesel::update(promos::table.find(id))
            .set((
                promos::hero_path.eq(path),
                promos::hero_thumb_path.eq(thumb),
            ))
            .execute(c)?;
        Ok(old)
    })
}

/// Deletes a draft (published campaigns are unpublished first). Returns false for a published one.
pub fn delete_draft(conn: &mut DbConnection, id: PromoId) -> QueryResult<bool> {
    let n = diesel::delete(
        promos::table
            .filter(promos::id.eq(id))
            .filter(promos::status.eq(PromoStatus::Draft)),
    )
    .execute(conn)?;
    Ok(n > 0)
}

pub use crate::campaigns::repo::{current, pick, texts_of};

/// Whether any campaign still shows the image file at `path` (a duplicate shares its original's hero).
pub fn hero_in_use(conn: &mut DbConnection, path: &str) -> QueryResult<bool> {
    let n: i64 = promos::table
        .filter(
            promos::hero_path
                .eq(path)
                .or(promos::hero_thumb_path.eq(path)),
        )
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
