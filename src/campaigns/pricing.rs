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

use super::model::{PromoId, PromoRow, PromoStatus, Targets};
use crate::cache::Slot;
use crate::categories::tree::CategoryTree;
use crate::db::schema::{promo_participants, promo_targets, promo_translations, promos};
use crate::db::DbConnection;
use crate::geo::CountryCode;
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
    /// What the marketplace pays of a discount given under this campaign (see
    /// [`super::model::PromoRow::platform_points`]).
    pub platform_points: i64,
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

/// Published campaigns live at `at` for shoppers shipping to `market` and reading `lang` (each market's own
/// window for campaigns on local times).
pub fn live_at(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
    market: CountryCode,
    lang: Locale,
    tree: &CategoryTree,
) -> QueryResult<LivePromos> {
    let rows = Schedule::load(conn)?.live_rows(at, market, lang);
    live_from(conn, rows, tree)
}

/// One window of a published campaign: for everyone (`zone` None) or for the markets in one time zone.
#[derive(Debug, Clone)]
struct Window {
    id: PromoId,
    discount: i32,
    start: PrimitiveDateTime,
    end: PrimitiveDateTime,
    zone: Option<&'static str>,
    /// Who sees the campaign at all: (markets, languages), empty meaning everyone.
    markets: Vec<CountryCode>,
    languages: Vec<Locale>,
}

impl Window {
    fn reaches(&self, market: CountryCode, lang: Locale) -> bool {
        self.zone
            .is_none_or(|z| z == crate::zones::of_country(market))
            && (self.markets.is_empty() || self.markets.contains(&market))
            && (self.languages.is_empty() || self.languages.contains(&lang))
    }
}

/// The published campaigns' windows. Shown prices change only at a window's start or end, and only for the
/// market and language it reaches, so a market's pages are keyed by its own last change ([`Schedule::epoch`]).
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    windows: Vec<Window>,
}

impl Schedule {
    pub fn load(conn: &mut DbConnection) -> QueryResult<Self> {
        let rows: Vec<PromoRow> = promos::table
            .filter(promos::status.eq(PromoStatus::Published))
            .order(promos::id)
            .select(PromoRow::as_select())
            .load(conn)?;
        Ok(Self::new(&rows))
    }

    pub fn new(rows: &[PromoRow]) -> Self {
        let windows = rows
            .iter()
            .flat_map(|p| {
                let (markets, languages) = (p.market_list(), p.language_list());
                p.windows()
                    .into_iter()
                    .map(move |(zone, start, end)| Window {
                        id: p.id,
                        discount: p.discount_percent,
                        start,
                        end,
                        zone,
                        markets: markets.clone(),
                        languages: languages.clone(),
                    })
            })
            .collect();
        Self { windows }
    }

    fn reaching(&self, market: CountryCode, lang: Locale) -> impl Iterator<Item = &Window> {
        self.windows.iter().filter(move |w| w.reaches(market, lang))
    }

    /// (id, discount, end) of the campaigns live at `at` for `market` and `lang`, by id: what [`live_at`] reads.
    pub fn live_rows(
        &self,
        at: PrimitiveDateTime,
        market: CountryCode,
        lang: Locale,
    ) -> Vec<(PromoId, i32, PrimitiveDateTime)> {
        self.reaching(market, lang)
            .filter(|w| w.start <= at && at < w.end)
            .map(|w| (w.id, w.discount, w.end))
            .collect()
    }

    fn instants(&self, market: CountryCode, lang: Locale) -> Vec<PrimitiveDateTime> {
        let mut v: Vec<PrimitiveDateTime> = self
            .reaching(market, lang)
            .flat_map(|w| [w.start, w.end])
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Which campaign state `at` falls in for `market` and `lang`: the last start or end reaching them at or
    /// before it. Pages of one epoch show the same prices; the value changes at the instant a campaign starts
    /// or ends there.
    pub fn epoch(&self, at: PrimitiveDateTime, market: CountryCode, lang: Locale) -> String {
        let instants = self.instants(market, lang);
        match instants.partition_point(|b| *b <= at) {
            0 => "-".to_string(),
            n => instants[n - 1].to_string(),
        }
    }

    /// The next instant after `at` at which a campaign starts or ends for `market` and `lang`, if any.
    pub fn next_change(
        &self,
        at: PrimitiveDateTime,
        market: CountryCode,
        lang: Locale,
    ) -> Option<PrimitiveDateTime> {
        let instants = self.instants(market, lang);
        instants
            .get(instants.partition_point(|b| *b <= at))
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

/// Targets, names and funding of the campaigns in `rows`; each shop that joined an open campaign adds an entry
/// of the same campaign for its products at the discount it chose.
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
    let rows_of: Vec<PromoRow> = promos::table
        .filter(promos::id.eq_any(&ids))
        .select(PromoRow::as_select())
        .load(conn)?;
    let funding: HashMap<PromoId, i64> = rows_of
        .iter()
        .map(|p| (p.id, p.platform_points()))
        .collect();
    // Shops' products count only while the campaign is open to them.
    let open: Vec<PromoId> = rows_of
        .iter()
        .filter(|p| p.open_to_merchants)
        .map(|p| p.id)
        .collect();
    let joined: Vec<(PromoId, i32, i64)> = promo_participants::table
        .filter(promo_participants::promo_id.eq_any(&open))
        .order((
            promo_participants::promo_id,
            promo_participants::discount_percent,
            promo_participants::product_id,
        ))
        .select((
            promo_participants::promo_id,
            promo_participants::discount_percent,
            promo_participants::product_id,
        ))
        .load(conn)?;
    let names_of = |id: PromoId| -> Vec<(String, String, String)> {
        names
            .iter()
            .filter(|n| n.0 == id)
            .map(|n| (n.1.clone(), n.2.clone(), n.3.clone()))
            .collect()
    };
    let mut promos = Vec::new();
    for (id, discount_percent, ends_at) in rows {
        let platform_points = funding.get(&id).copied().unwrap_or(0);
        let mut by_percent: Vec<(i32, Vec<i64>)> = Vec::new();
        for (_, pct, product) in joined.iter().filter(|j| j.0 == id) {
            // Never below the campaign's own percent, should staff raise it after a shop joined.
            let pct = &(*pct).max(discount_percent);
            match by_percent.last_mut() {
                Some((p, v)) if p == pct => v.push(*product),
                _ => by_percent.push((*pct, vec![*product])),
            }
        }
        for (pct, products) in by_percent {
            promos.push(LivePromo {
                id,
                discount_percent: pct,
                platform_points,
                ends_at,
                targets: Targets {
                    products,
                    ..Targets::default()
                },
                names: names_of(id),
            });
        }
        promos.push(LivePromo {
            id,
            discount_percent,
            platform_points,
            ends_at,
            targets: targets.remove(&id).unwrap_or_default(),
            names: names_of(id),
        });
    }
    Ok(LivePromos { promos })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::geo::CountryCode as Cc;
    use time::macros::datetime;

    pub(crate) fn row(
        id: i64,
        pct: i32,
        start: PrimitiveDateTime,
        end: PrimitiveDateTime,
    ) -> PromoRow {
        PromoRow {
            id: PromoId(id),
            name: format!("c{id}"),
            status: PromoStatus::Published,
            discount_percent: pct,
            starts_at: start,
            ends_at: end,
            time_zone: "UTC".into(),
            hero_path: String::new(),
            hero_thumb_path: String::new(),
            home_position: 0,
            created_at: start,
            updated_at: start,
            funded_by: "shop".into(),
            markets: String::new(),
            languages: String::new(),
            local_times: false,
            starts_local: String::new(),
            ends_local: String::new(),
            open_to_merchants: false,
            platform_share: 0,
        }
    }

    fn cc(s: &str) -> Cc {
        Cc::parse(s).unwrap()
    }

    #[test]
    fn the_epoch_and_the_live_campaigns_move_exactly_at_each_start_and_end() {
        let start = datetime!(2026-11-11 00:00:00);
        let end = datetime!(2026-11-11 23:59:59);
        let later = datetime!(2026-11-27 00:00:00);
        let after = later + time::Duration::days(3);
        let (one, two) = (PromoId(1), PromoId(2));
        let s = Schedule::new(&[row(1, 11, start, end), row(2, 30, later, after)]);
        let (m, l) = (cc("IT"), Locale::It);
        let second = time::Duration::seconds(1);
        assert_eq!(s.epoch(start - second, m, l), "-");
        assert!(s.live_rows(start - second, m, l).is_empty());
        assert_eq!(
            s.epoch(start, m, l),
            s.epoch(datetime!(2026-11-11 12:00:00), m, l)
        );
        assert_eq!(s.live_rows(start, m, l), vec![(one, 11, end)]);
        assert_ne!(s.epoch(end - second, m, l), s.epoch(end, m, l));
        assert_eq!(s.live_rows(end - second, m, l), vec![(one, 11, end)]);
        assert!(s.live_rows(end, m, l).is_empty());
        assert_eq!(s.live_rows(later + second, m, l), vec![(two, 30, after)]);
        assert_eq!(Schedule::default().epoch(later, m, l), "-");
    }

    #[test]
    fn each_market_sees_only_its_campaigns_at_its_own_instants() {
        // Black Friday at local midnight in Spain, Italy, Germany and Portugal (an hour behind).
        let mut bf = row(
            1,
            30,
            datetime!(2026-11-26 23:00),
            datetime!(2026-11-30 23:00),
        );
        bf.markets = "ES,IT,DE,PT".into();
        bf.local_times = true;
        bf.starts_local = "2026-11-27T00:00".into();
        bf.ends_local = "2026-12-01T00:00".into();
        // 11.11 for Russia, Kazakhstan and Belarus at midnight Moscow time, one instant for all.
        let mut ru = row(
            2,
            11,
            datetime!(2026-11-10 21:00),
            datetime!(2026-11-11 21:00),
        );
        ru.markets = "RU,KZ,BY".into();
        // Russian speakers only, wherever they ship.
        let mut lang = row(
            3,
            5,
            datetime!(2026-11-01 00:00),
            datetime!(2026-12-31 00:00),
        );
        lang.languages = "ru".into();
        let s = Schedule::new(&[bf, ru, lang]);
        let live = |at, m: &str, l| -> Vec<i64> {
            s.live_rows(at, cc(m), l).iter().map(|r| r.0 .0).collect()
        };
        let madrid_midnight = datetime!(2026-11-26 23:00);
        let second = time::Duration::seconds(1);
        assert_eq!(
            live(madrid_midnight - second, "ES", Locale::Es),
            Vec::<i64>::new()
        );
        assert_eq!(live(madrid_midnight, "ES", Locale::Es), vec![1]);
        assert_eq!(live(madrid_midnight, "DE", Locale::En), vec![1]);
        // Lisbon's midnight is an hour later.
        assert_eq!(live(madrid_midnight, "PT", Locale::En), Vec::<i64>::new());
        assert_eq!(live(datetime!(2026-11-27 00:00), "PT", Locale::En), vec![1]);
        assert_eq!(live(madrid_midnight, "RU", Locale::En), Vec::<i64>::new());
        // 11.11: 00:00 in Moscow is 02:00 in Almaty, the same instant.
        let moscow_midnight = datetime!(2026-11-10 21:00);
        assert_eq!(
            live(moscow_midnight - second, "KZ", Locale::En),
            Vec::<i64>::new()
        );
        assert_eq!(live(moscow_midnight, "KZ", Locale::En), vec![2]);
        assert_eq!(live(moscow_midnight, "RU", Locale::Ru), vec![2, 3]);
        assert_eq!(live(moscow_midnight, "ES", Locale::Es), Vec::<i64>::new());
        assert_eq!(live(moscow_midnight, "ES", Locale::Ru), vec![3]);
        // Each market's pages change at its own instants only.
        let (es, pt) = (cc("ES"), cc("PT"));
        assert_ne!(
            s.epoch(madrid_midnight - second, es, Locale::Es),
            s.epoch(madrid_midnight, es, Locale::Es)
        );
        assert_eq!(
            s.epoch(madrid_midnight - second, pt, Locale::Es),
            s.epoch(madrid_midnight, pt, Locale::Es)
        );
        assert_eq!(
            s.next_change(moscow_midnight, es, Locale::Es),
            Some(madrid_midnight)
        );
        assert_eq!(
            s.next_change(moscow_midnight, pt, Locale::Es),
            Some(datetime!(2026-11-27 00:00))
        );
    }

    #[test]
    fn a_campaign_for_every_market_reaches_every_destination_at_its_zones_midnight() {
        // Local midnight everywhere: Chile and New Zealand have no zone of their own here, so UTC's.
        let mut all = row(
            1,
            20,
            datetime!(2026-11-26 23:00),
            datetime!(2026-11-30 23:00),
        );
        all.local_times = true;
        all.starts_local = "2026-11-27T00:00".into();
        all.ends_local = "2026-12-01T00:00".into();
        let s = Schedule::new(&[all]);
        let live = |at, m: &str| !s.live_rows(at, cc(m), Locale::Es).is_empty();
        let second = time::Duration::seconds(1);
        let utc_midnight = datetime!(2026-11-27 00:00);
        assert!(!live(utc_midnight - second, "CL"));
        assert!(live(utc_midnight, "CL"));
        assert!(live(utc_midnight, "NZ"));
        // Madrid's midnight came an hour before; New York's comes five hours later.
        assert!(live(utc_midnight - time::Duration::hours(1), "ES"));
        assert!(!live(utc_midnight, "US"));
        assert!(live(datetime!(2026-11-27 05:00), "US"));
    }

    fn promo(id: i64, pct: i32, t: Targets) -> LivePromo {
        LivePromo {
            id: PromoId(id),
            discount_percent: pct,
            platform_points: 0,
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
