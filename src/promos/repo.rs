//! Campaign queries and writes.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::campaigns::model::{CampaignText, PromoId, PromoRow, PromoStatus, PromoText, Targets};
use crate::campaigns::schedule;
use crate::db::schema::{promo_featured, promo_targets, promo_translations, promos};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
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
    /// Who pays the discount (the marketplace makes the shop whole for its part of card sales).
    pub funding: Funding,
    /// Who sees the campaign, on whose clock, and whether shops may join.
    pub reach: Reach,
    /// As typed in `time_zone` (with local times: the wall-clock times every market starts and ends at).
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub time_zone: String,
    pub home_position: i32,
    pub targets: Targets,
    pub featured: Vec<i64>,
    /// The texts of each language with a title.
    pub texts: PerLocale<Option<CampaignText>>,
}

/// Who pays a campaign's discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Funding {
    Shop,
    Platform,
    /// The marketplace pays this percent (1–99), the shop the rest.
    Split(i32),
}

impl Funding {
    /// As stored: (`funded_by`, `platform_share`).
    pub fn stored(self) -> (&'static str, i32) {
        match self {
            Funding::Shop => ("shop", 0),
            Funding::Platform => ("platform", 100),
            Funding::Split(p) => ("split", p),
        }
    }

    pub fn of(row: &PromoRow) -> Self {
        match row.funded_by.as_str() {
            "platform" => Funding::Platform,
            "split" => Funding::Split(row.platform_share),
            _ => Funding::Shop,
        }
    }
}

/// Who sees a campaign and on whose clock: markets and languages (empty: everyone), local times in each market,
/// and whether shops may join it with their own products.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub markets: Vec<CountryCode>,
    pub languages: Vec<Locale>,
    pub local_times: bool,
    pub open_to_merchants: bool,
}

impl Reach {
    pub fn of(row: &PromoRow) -> Self {
        Reach {
            markets: row.market_list(),
            languages: row.language_list(),
            local_times: row.local_times,
            open_to_merchants: row.open_to_merchants,
        }
    }
}

impl PromoInput {
    /// What is stored: (markets, languages, starts_local, ends_local, starts_at, ends_at). With local times the
    /// instants are the earliest start and the latest end over the markets.
    fn schedule(
        &self,
    ) -> (
        String,
        String,
        String,
        String,
        PrimitiveDateTime,
        PrimitiveDateTime,
    ) {
        let r = &self.reach;
        let markets: Vec<&str> = r.markets.iter().map(|c| c.as_str()).collect();
        let languages: Vec<&str> = r.languages.iter().map(|l| l.code()).collect();
        let (mut starts_local, mut ends_local) = (String::new(), String::new());
        let (mut s, mut e) = (self.starts_at, self.ends_at);
        if r.local_times {
            starts_local = schedule::utc_to_local_input(self.starts_at, &self.time_zone);
            ends_local = schedule::utc_to_local_input(self.ends_at, &self.time_zone);
            let row = PromoRow {
                markets: markets.join(","),
                local_times: true,
                starts_local: starts_local.clone(),
                ends_local: ends_local.clone(),
                ..self.as_row()
            };
            let windows = row.windows();
            s = windows.iter().map(|w| w.1).min().unwrap_or(s);
            e = windows.iter().map(|w| w.2).max().unwrap_or(e);
        }
        (
            markets.join(","),
            languages.join(","),
            starts_local,
            ends_local,
            s,
            e,
        )
    }

    /// A row with this input's instants, for computing windows.
    fn as_row(&self) -> PromoRow {
        PromoRow {
            id: PromoId(0),
            name: String::new(),
            status: PromoStatus::Draft,
            discount_percent: self.discount_percent,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            time_zone: self.time_zone.clone(),
            hero_path: String::new(),
            hero_thumb_path: String::new(),
            home_position: 0,
            created_at: self.starts_at,
            updated_at: self.starts_at,
            funded_by: String::new(),
            markets: String::new(),
            languages: String::new(),
            local_times: false,
            starts_local: String::new(),
            ends_local: String::new(),
            open_to_merchants: false,
            platform_share: 0,
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
        let (markets, languages, starts_local, ends_local, s, e) = p.schedule();
        let (funded_by, share) = p.funding.stored();
        diesel::update(promos::table.find(id))
            .set((
                promos::funded_by.eq(funded_by),
                promos::platform_share.eq(share),
                promos::markets.eq(markets),
                promos::languages.eq(languages),
                promos::local_times.eq(p.reach.local_times),
                promos::starts_local.eq(starts_local),
                promos::ends_local.eq(ends_local),
                promos::starts_at.eq(s),
                promos::ends_at.eq(e),
                promos::open_to_merchants.eq(p.reach.open_to_merchants),
            ))
            .execute(c)?;
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

/// Adds targets of one kind (`product`, `merchant`, `category`) to a campaign (those already in are kept once):
/// how many were new.
pub fn add_targets(
    conn: &mut DbConnection,
    id: PromoId,
    kind: &str,
    ids: &[i64],
) -> QueryResult<usize> {
    crate::db::write_tx(conn, |c| {
        let t = targets(c, id)?;
        let have = match kind {
            "merchant" => t.merchants,
            "category" => t.categories,
            _ => t.products,
        };
        let mut n = 0;
        for p in ids.iter().filter(|p| !have.contains(p)) {
            diesel::insert_into(promo_targets::table)
                .values((
                    promo_targets::promo_id.eq(id),
                    promo_targets::kind.eq(kind),
                    promo_targets::value.eq(p.to_string()),
                ))
                .execute(c)?;
            n += 1;
        }
        Ok(n)
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

pub use crate::campaigns::repo::{current, current_for, pick, texts_of};

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
