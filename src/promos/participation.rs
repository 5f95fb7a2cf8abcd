//! Shops joining campaigns open to merchants: a shop picks its own products and a discount at least the
//! campaign's, may change it until the campaign ends, and may leave until it starts (in any of its markets).
//! Every change is audited; prices change through the catalogue write path.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::repo;
use crate::audit;
use crate::campaigns::model::{PromoRow, PromoStatus, PromoText};
use crate::catalogue::model::ProductRow;
use crate::db::schema::{promo_participants, promos};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::{fold_for_search, lowercase, Locale};
use crate::ids::PromoId;

/// How many of the shop's products a search shows at once.
pub const SHOWN: usize = 50;

/// Why a join or a leave was refused: a Fluent id shown on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not published, not open to merchants, or over.
    NotOpen,
    /// The percent is not a whole number between the campaign's and 90.
    Percent,
    NoProducts,
    /// Leaving once the campaign has started somewhere.
    Started,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NotOpen => "join-not-open",
            Refusal::Percent => "join-percent-invalid",
            Refusal::NoProducts => "join-no-products",
            Refusal::Started => "join-leave-started",
        }
    }
}

/// An open campaign as a shop sees it: the campaign, its texts, and the shop's products in it with their percent.
pub struct Open {
    pub promo: PromoRow,
    pub texts: Vec<PromoText>,
    pub joined: Vec<(i64, i32)>,
}

/// Published campaigns open to merchants and not over at `at`, each with what the shop joined with.
pub fn open_campaigns(
    c: &mut DbConnection,
    shop_id: i64,
    at: PrimitiveDateTime,
) -> AppResult<Vec<Open>> {
    let rows: Vec<PromoRow> = repo::current(c, at)?
        .into_iter()
        .filter(|p| p.open_to_merchants)
        .collect();
    let ids: Vec<PromoId> = rows.iter().map(|p| p.id).collect();
    let texts = repo::texts_of(c, &ids)?;
    let joined = joined_of(c, &ids, shop_id)?;
    Ok(rows
        .into_iter()
        .map(|promo| Open {
            texts: texts
                .iter()
                .filter(|t| t.promo_id == promo.id)
                .cloned()
                .collect(),
            joined: joined
                .iter()
                .filter(|j| j.0 == promo.id)
                .map(|j| (j.1, j.2))
                .collect(),
            promo,
        })
        .collect())
}

fn joined_of(
    c: &mut DbConnection,
    ids: &[PromoId],
    shop_id: i64,
) -> QueryResult<Vec<(PromoId, i64, i32)>> {
    promo_participants::table
        .filter(promo_participants::promo_id.eq_any(ids))
        .filter(promo_participants::merchant_id.eq(shop_id))
        .order(promo_participants::product_id)
        .select((
            promo_participants::promo_id,
            promo_participants::product_id,
            promo_participants::discount_percent,
        ))
        .load(c)
}

/// Every product shops joined campaign `id` with.
pub fn joined_products(c: &mut DbConnection, id: PromoId) -> QueryResult<Vec<i64>> {
    promo_participants::table
        .filter(promo_participants::promo_id.eq(id))
        .select(promo_participants::product_id)
        .load(c)
}

/// One open campaign for the join page: the campaign, and the shop's products matching `q` (by title in any
/// language or SKU; the joined ones first), with their titles in `l`.
pub struct Joining {
    pub open: Open,
    /// (product, title, joined percent).
    pub products: Vec<(ProductRow, String, Option<i32>)>,
    /// More products match than are shown.
    pub more: bool,
}

pub fn joining(
    c: &mut DbConnection,
    id: PromoId,
    shop_id: i64,
    q: &str,
    l: Locale,
    at: PrimitiveDateTime,
) -> AppResult<Joining> {
    let open = open_campaigns(c, shop_id, at)?
        .into_iter()
        .find(|o| o.promo.id == id)
        .ok_or_else(AppError::not_found)?;
    let mine = crate::catalogue::repo::shop_products(c, shop_id)?;
    let ids: Vec<i64> = mine.iter().map(|p| p.id).collect();
    let titles = crate::catalogue::repo::titles_of(c, &ids)?;
    let fold = |s: &str| fold_for_search(&lowercase(s, l));
    let needle = fold(q.trim());
    let mut hits: Vec<(ProductRow, String, Option<i32>)> = mine
        .into_iter()
        .filter_map(|p| {
            let own: Vec<&(i64, String, String)> = titles.iter().filter(|t| t.0 == p.id).collect();
            let joined = open.joined.iter().find(|j| j.0 == p.id).map(|j| j.1);
            let found = needle.is_empty()
                || fold(&p.sku).contains(&needle)
                || own.iter().any(|t| fold(&t.2).contains(&needle));
            if !found && joined.is_none() {
                return None;
            }
            let title = own
                .iter()
                .find(|t| t.1 == l.code())
                .or_else(|| own.iter().find(|t| t.1 == p.original_lang))
                .map_or_else(|| p.sku.clone(), |t| t.2.clone());
            Some((p, title, joined))
        })
        .collect();
    hits.sort_by_key(|h| (h.2.is_none(), h.0.id));
    let more = hits.len() > SHOWN;
    hits.truncate(SHOWN);
    Ok(Joining {
        open,
        products: hits,
        more,
    })
}

/// The campaign if a shop may join it at `at`: published, open to merchants, not over.
fn joinable(
    c: &mut DbConnection,
    id: PromoId,
    at: PrimitiveDateTime,
) -> AppResult<Option<PromoRow>> {
    let p = repo::by_id(c, id)?;
    Ok((p.status == PromoStatus::Published && p.open_to_merchants && p.ends_at > at).then_some(p))
}

/// Joins campaign `id` with `products` of shop `shop_id` at `percent` (products already in keep theirs unless
/// listed again). Products of other shops are ignored: a shop can only ever add its own.
#[allow(clippy::too_many_arguments)]
pub fn join(
    c: &mut DbConnection,
    id: PromoId,
    shop_id: i64,
    products: &[i64],
    percent: &str,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<Result<usize, Refusal>> {
    crate::db::write_tx(c, |c| {
        // Two joins of one campaign at once (a double click, two staff of one shop) run one after the other:
        // SQLite's write transaction already does; on PostgreSQL the campaign's row is locked.
        if let DbConnection::Pg(pg) = c {
            promos::table
                .find(id)
                .select(promos::id)
                .for_update()
                .first::<PromoId>(pg)
                .optional()?;
        }
        let Some(p) = joinable(c, id, now)? else {
            return Ok(Err(Refusal::NotOpen));
        };
        let pct = percent
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|x| (p.discount_percent..=90).contains(x));
        let Some(pct) = pct else {
            return Ok(Err(Refusal::Percent));
        };
        let own: Vec<i64> = crate::catalogue::repo::shop_products(c, shop_id)?
            .into_iter()
            .map(|x| x.id)
            .filter(|x| products.contains(x))
            .collect();
        if own.is_empty() {
            return Ok(Err(Refusal::NoProducts));
        }
        for product in &own {
            diesel::delete(
                promo_participants::table
                    .filter(promo_participants::promo_id.eq(id))
                    .filter(promo_participants::product_id.eq(product)),
            )
            .execute(c)?;
            diesel::insert_into(promo_participants::table)
                .values((
                    promo_participants::promo_id.eq(id),
                    promo_participants::product_id.eq(product),
                    promo_participants::merchant_id.eq(shop_id),
                    promo_participants::discount_percent.eq(pct),
                    promo_participants::joined_at.eq(now),
                ))
                .execute(c)?;
        }
        let detail = format!("shop {shop_id}: {} products at {pct}%", own.len());
        audit::record(c, actor, "promo.join", &p.name, &detail, now)?;
        Ok(Ok(own.len()))
    })
}

/// Takes shop `shop_id`'s products out of campaign `id`, before it starts in any market.
pub fn leave(
    c: &mut DbConnection,
    id: PromoId,
    shop_id: i64,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<Result<usize, Refusal>> {
    crate::db::write_tx(c, |c| {
        // `starts_at` is the earliest start over the campaign's markets.
        let p = repo::by_id(c, id)?;
        if p.starts_at <= now {
            return Ok(Err(Refusal::Started));
        }
        let n = diesel::delete(
            promo_participants::table
                .filter(promo_participants::promo_id.eq(id))
                .filter(promo_participants::merchant_id.eq(shop_id)),
        )
        .execute(c)?;
        audit::record(
            c,
            actor,
            "promo.leave",
            &p.name,
            &format!("shop {shop_id}"),
            now,
        )?;
        Ok(Ok(n))
    })
}
