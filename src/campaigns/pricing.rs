//! Campaign prices. Shopper pages pick the campaigns live at their instant out of the cached [`Schedule`] of
//! published campaigns, so a price changes exactly at the start and end instants with no job to run and no query
//! per request; the schedule and what each campaign targets are cached with the catalogue and cleared on every
//! campaign write. Whole pages stored for anonymous visitors are keyed by the last campaign start or end passed
//! ([`Schedule::epoch`]), so they change at the same instants. The cart and checkout read the live campaigns from
//! the database at their own instant ([`live_at`]). Among overlapping campaigns that target a product, the largest
//! discount wins; a tie goes to the campaign created first.

use std::collections::HashMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{PromoId, PromoStatus, Targets};
use crate::cache::Slot;
use crate::categories::tree::CategoryTree;
use crate::db::schema::{promo_targets, promo_translations, promos};
use crate::db::DbConnection;
use crate::i18n::Locale;

/// The schedule of the published campaigns, kept in the shared cache (one entry, key "").
pub const SCHEDULE: Slot<Schedule> = Slot::counted("schedule", 1);

/// The targets and names of a set of live campaigns, by the set.
pub const LIVE: Slot<LivePromos> = Slot::counted("live", 64);

/// A campaign as pricing needs it.
#[derive(Debug, Clone)]
pub struct LivePromo {
    pub id: PromoId,
    pub discount_percent: i32,
    pub ends_at: PrimitiveDateTime,
    /// Categories with all their descendants.
    pub targets: Targets,
    /// (locale, title, slug).
    pub names: Vec<(String, String, String)>,
}

impl LivePromo {
    /// Title and slug in `l`, else English, else any.
    pub fn name(&self, l: Locale) -> Option<(&str, &str)> {
        self.names
            .iter()
            .find(|(loc, ..)| loc == l.code())
            .or_else(|| {
                self.names
                    .iter()
                    .find(|(loc, ..)| loc == Locale::FALLBACK.code())
            })
            .or_else(|| self.names.first())
            .map(|(_, t, s)| (t.as_str(), s.as_str()))
    }
}

/// What pricing needs to know about a product.
#[derive(Debug, Clone, Copy)]
pub struct ProductKey<'a> {
    pub id: i64,
    pub merchant_id: i64,
    pub category_id: i64,
    pub origin: &'a str,
}

/// The campaigns live at one instant.
#[derive(Debug, Clone, Default)]
pub struct LivePromos {
    pub promos: Vec<LivePromo>,
}

impl LivePromos {
    /// The campaign giving `p` its price, if any.
    pub fn best(&self, p: ProductKey<'_>) -> Option<&LivePromo> {
        self.promos
            .iter()
            .filter(|x| matches(&x.targets, p))
            .max_by(|a, b| {
                a.discount_percent
                    .cmp(&b.discount_percent)
                    .then(b.id.cmp(&a.id))
            })
    }
}

pub fn matches(t: &Targets, p: ProductKey<'_>) -> bool {
    t.products.contains(&p.id)
        || t.merchants.contains(&p.merchant_id)
        || t.categories.contains(&p.category_id)
        || t.origins.iter().any(|o| o == p.origin)
}

/// Loads the targets of campaigns (categories expanded to their subtrees).
pub fn targets_of(
    conn: &mut DbConnection,
    ids: &[PromoId],
    tree: &CategoryTree,
) -> QueryResult<HashMap<PromoId, Targets>> {
    let rows: Vec<(PromoId, String, String)> = promo_targets::table
        .filter(promo_targets::promo_id.eq_any(ids))
        .select((
            promo_targets::promo_id,
            promo_targets::kind,
            promo_targets::value,
        ))
        .load(conn)?;
    let mut out: HashMap<PromoId, Targets> = HashMap::new();
    for (id, kind, value) in rows {
        let t = out.entry(id).or_default();
        match kind.as_str() {
            "origin" => t.origins.push(value),
            "merchant" => t.merchants.extend(value.parse::<i64>().ok()),
            "category" => {
                if let Ok(c) = value.parse::<i64>() {
                    for sub in tree.subtree_ids(c) {
                        if !t.categories.contains(&sub) {
                            t.categories.push(sub);
                        }
                    }
                }
            }
            "product" => t.products.extend(value.parse::<i64>().ok()),
            _ => {}
        }
    }
    Ok(out)
}

/// Published campaigns with `starts_at <= at < ends_at`.
pub fn live_at(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
    tree: &CategoryTree,
) -> QueryResult<LivePromos> {
    let rows = live_rows(conn, at)?;
    live_from(conn, rows, tree)
}

/// (id, discount, end) of the campaigns live at `at`: the part of [`live_at`] that depends on the instant.
pub fn live_rows(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
) -> QueryResult<Vec<(PromoId, i32, PrimitiveDateTime)>> {
    promos::table
        .filter(promos::status.eq(PromoStatus::Published))
        .filter(promos::starts_at.le(at))
        .filter(promos::ends_at.gt(at))
        .order(promos::id)
        .select((promos::id, promos::discount_percent, promos::ends_at))
        .load(conn)
}

/// The published campaigns' (id, discount, start, end), and every instant one starts or ends, sorted: shown
/// prices change only there.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    campaigns: Vec<(PromoId, i32, PrimitiveDateTime, PrimitiveDateTime)>,
    instants: Vec<PrimitiveDateTime>,
}

impl Schedule {
    pub fn load(conn: &mut DbConnection) -> QueryResult<Self> {
        let campaigns = promos::table
            .filter(promos::status.eq(PromoStatus::Published))
            .order(promos::id)
            .select((
                promos::id,
                promos::discount_percent,
                promos::starts_at,
                promos::ends_at,
            ))
            .load(conn)?;
        Ok(Self::new(campaigns))
    }

    pub fn new(campaigns: Vec<(PromoId, i32, PrimitiveDateTime, PrimitiveDateTime)>) -> Self {
        let mut instants: Vec<PrimitiveDateTime> =
            campaigns.iter().flat_map(|c| [c.2, c.3]).collect();
        instants.sort_unstable();
        instants.dedup();
        Self {
            campaigns,
            instants,
        }
    }

    /// (id, discount, end) of the campaigns with `start <= at < end`, by id: what [`live_rows`] reads.
    pub fn live_rows(&self, at: PrimitiveDateTime) -> Vec<(PromoId, i32, PrimitiveDateTime)> {
        self.campaigns
            .iter()
            .filter(|c| c.2 <= at && at < c.3)
            .map(|c| (c.0, c.1, c.3))
            .collect()
    }

    /// Which campaign state `at` falls in: the last start or end at or before it. Pages of one epoch show the
    /// same prices; the value changes at the instant a campaign starts or ends.
    pub fn epoch(&self, at: PrimitiveDateTime) -> String {
        match self.instants.partition_point(|b| *b <= at) {
            0 => "-".to_string(),
            n => self.instants[n - 1].to_string(),
        }
    }

    /// The next instant after `at` at which a campaign starts or ends (when the epoch changes), if any.
    pub fn next_change(&self, at: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
        self.instants
            .get(self.instants.partition_point(|b| *b <= at))
            .copied()
    }
}

/// One campaign as if it were live (staff preview of a draft or of another instant).
pub fn single(
    conn: &mut DbConnection,
    id: PromoId,
    tree: &CategoryTree,
) -> QueryResult<LivePromos> {
    let rows: Vec<(PromoId, i32, PrimitiveDateTime)> = promos::table
        .filter(promos::id.eq(id))
        .select((promos::id, promos::discount_percent, promos::ends_at))
        .load(conn)?;
    live_from(conn, rows, tree)
}

/// Targets and names of the campaigns in `rows`.
pub fn live_from(
    conn: &mut DbConnection,
    rows: Vec<(PromoId, i32, PrimitiveDateTime)>,
    tree: &CategoryTree,
) -> QueryResult<LivePromos> {
    if rows.is_empty() {
        return Ok(LivePromos::default());
    }
    let ids: Vec<PromoId> = rows.iter().map(|r| r.0).collect();
    let mut targets = targets_of(conn, &ids, tree)?;
    let names: Vec<(PromoId, String, String, String)> = promo_translations::table
        .filter(promo_translations::promo_id.eq_any(&ids))
        .select((
            promo_translations::promo_id,
            promo_translations::locale,
            promo_translations::title,
            promo_translations::slug,
        ))
        .load(conn)?;
    Ok(LivePromos {
        promos: rows
            .into_iter()
            .map(|(id, discount_percent, ends_at)| LivePromo {
                id,
                discount_percent,
                ends_at,
                targets: targets.remove(&id).unwrap_or_default(),
                names: names
                    .iter()
                    .filter(|n| n.0 == id)
                    .map(|n| (n.1.clone(), n.2.clone(), n.3.clone()))
                    .collect(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_and_the_live_campaigns_move_exactly_at_each_start_and_end() {
        use time::macros::datetime;
        let start = datetime!(2026-11-11 00:00:00);
        let end = datetime!(2026-11-11 23:59:59);
        let later = datetime!(2026-11-27 00:00:00);
        let after = later + time::Duration::days(3);
        let (one, two) = (PromoId(1), PromoId(2));
        let s = Schedule::new(vec![(one, 11, start, end), (two, 30, later, after)]);
        let second = time::Duration::seconds(1);
        assert_eq!(s.epoch(start - second), "-");
        assert!(s.live_rows(start - second).is_empty());
        assert_eq!(s.epoch(start), s.epoch(datetime!(2026-11-11 12:00:00)));
        assert_eq!(s.live_rows(start), vec![(one, 11, end)]);
        assert_ne!(s.epoch(end - second), s.epoch(end));
        assert_eq!(s.live_rows(end - second), vec![(one, 11, end)]);
        assert!(s.live_rows(end).is_empty());
        assert_eq!(s.live_rows(later + second), vec![(two, 30, after)]);
        assert_eq!(Schedule::default().epoch(later), "-");
    }

    fn promo(id: i64, pct: i32, t: Targets) -> LivePromo {
        LivePromo {
            id: PromoId(id),
            discount_percent: pct,
            ends_at: time::macros::datetime!(2026-11-12 00:00),
            targets: t,
            names: vec![],
        }
    }

    #[test]
    fn largest_discount_wins_and_ties_go_to_the_older_campaign() {
        let p = ProductKey {
            id: 7,
            merchant_id: 2,
            category_id: 30,
            origin: "IT",
        };
        let by_origin = Targets {
            origins: vec!["IT".into()],
            ..Targets::default()
        };
        let by_shop = Targets {
            merchants: vec![2],
            ..Targets::default()
        };
        let by_category = Targets {
            categories: vec![30],
            ..Targets::default()
        };
        let other = Targets {
            products: vec![8],
            ..Targets::default()
        };
        let live = LivePromos {
            promos: vec![
                promo(1, 10, by_origin.clone()),
                promo(2, 25, by_shop),
                promo(3, 25, by_category),
                promo(4, 60, other),
            ],
        };
        assert_eq!(live.best(p).map(|x| x.id), Some(PromoId(2)));
        let none = LivePromos {
            promos: vec![promo(4, 60, Targets::default())],
        };
        assert!(
            none.best(p).is_none(),
            "a campaign without targets applies to nothing"
        );
        let only_origin = LivePromos {
            promos: vec![promo(1, 10, by_origin)],
        };
        assert_eq!(only_origin.best(p).map(|x| x.discount_percent), Some(10));
    }
}
