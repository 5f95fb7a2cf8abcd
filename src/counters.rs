//! Promo page and product page views, counted in memory (a view costs a hash-map increment, and cached pages
//! stay cached) and added to `promo_views` and `product_views` in batches by a background flush every few
//! seconds; each instance flushes its own counts, so counts add up across instances. Keys are the page (a promo
//! page's slug, a product's id), the shopper's market and the UTC day; only pages that were served (200) are
//! counted, and the map is bounded so invented URLs cannot grow it. Two instances adding the same new key at
//! once make one flush fail on the key; its counts are kept and the next flush adds them to the row.

use std::collections::HashMap;
use std::sync::Mutex;

use diesel::prelude::*;
use time::Date;

use crate::db::schema::{product_views, products, promo_translations, promo_views};
use crate::db::{DbConnection, DbPool};
use crate::geo::CountryCode;

/// The most distinct (slug, market, day) keys held between flushes.
const MAX_KEYS: usize = 20_000;

/// How often the background flush runs.
pub const FLUSH_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// A page whose views are counted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seen {
    /// A promo page, by the slug it was asked for.
    Promo(String),
    /// A product page, by the product's id.
    Product(i64),
}

type Key = (Seen, CountryCode, Date);

#[derive(Default)]
pub struct ViewCounts {
    counts: Mutex<HashMap<Key, i64>>,
}

impl ViewCounts {
    /// One view of `page` by a shopper shipping to `market` on `day` (UTC).
    pub fn hit(&self, page: Seen, market: CountryCode, day: Date) {
        let Ok(mut m) = self.counts.lock() else {
            return;
        };
        let key = (page, market, day);
        if let Some(n) = m.get_mut(&key) {
            *n += 1;
        } else if m.len() < MAX_KEYS {
            m.insert(key, 1);
        }
    }

    fn take(&self) -> HashMap<Key, i64> {
        self.counts
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default()
    }

    /// Adds the counts so far to the database (and forgets them): how many rows were written. Counts whose
    /// slug no campaign has, or whose product is gone, are dropped. On a database error the counts are put back for the next flush.
    pub fn flush(&self, conn: &mut DbConnection) -> QueryResult<usize> {
        let taken = self.take();
        if taken.is_empty() {
            return Ok(0);
        }
        match write(conn, &taken) {
            Ok(n) => Ok(n),
            Err(e) => {
                if let Ok(mut m) = self.counts.lock() {
                    for (k, v) in taken {
                        *m.entry(k).or_insert(0) += v;
                    }
                }
                Err(e)
            }
        }
    }

    /// Flushes every [`FLUSH_EVERY`] on a thread of its own.
    pub fn start_flushing(self: &std::sync::Arc<Self>, pool: DbPool) -> std::io::Result<()> {
        let me = self.clone();
        crate::db::every(
            "caravan-views",
            FLUSH_EVERY,
            pool,
            "page view counts kept for the next flush",
            move |c| me.flush(c),
        )
    }
}

fn write(conn: &mut DbConnection, taken: &HashMap<Key, i64>) -> QueryResult<usize> {
    let slugs: Vec<&str> = taken
        .keys()
        .filter_map(|k| match &k.0 {
            Seen::Promo(s) => Some(s.as_str()),
            Seen::Product(_) => None,
        })
        .collect();
    let promos: HashMap<String, i64> = promo_translations::table
        .filter(promo_translations::slug.eq_any(&slugs))
        .select((promo_translations::slug, promo_translations::promo_id))
        .load::<(String, crate::ids::PromoId)>(conn)?
        .into_iter()
        .map(|(s, id)| (s, id.0))
        .collect();
    let asked: Vec<i64> = taken
        .keys()
        .filter_map(|k| match k.0 {
            Seen::Product(id) => Some(id),
            Seen::Promo(_) => None,
        })
        .collect();
    let live: std::collections::HashSet<i64> = products::table
        .filter(products::id.eq_any(&asked))
        .select(products::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    crate::db::write_tx(conn, |c| {
        let mut n = 0;
        for ((page, market, day), views) in taken {
            let (day, market) = (day.to_string(), market.as_str());
            n += match page {
                Seen::Promo(slug) => match promos.get(slug) {
                    Some(id) => add_promo(c, *id, &day, market, *views)?,
                    None => 0,
                },
                Seen::Product(id) if live.contains(id) => {
                    add_product(c, *id, &day, market, *views)?
                }
                Seen::Product(_) => 0,
            };
        }
        Ok(n)
    })
}

/// Adds `views` to the row of (`id`, `day`, `market`) in `table` (whose id column is `id_col`), or inserts it.
macro_rules! add_views {
    ($c:expr, $table:ident, $id_col:ident, ($id:expr, $day:expr, $market:expr, $views:expr)) => {{
        let key = $table::table
            .filter($table::$id_col.eq($id))
            .filter($table::day.eq($day))
            .filter($table::market.eq($market));
        if diesel::update(key)
            .set($table::views.eq($table::views + $views))
            .execute($c)?
            == 0
        {
            diesel::insert_into($table::table)
                .values((
                    $table::$id_col.eq($id),
                    $table::day.eq($day),
                    $table::market.eq($market),
                    $table::views.eq($views),
                ))
                .execute($c)?;
        }
        Ok(1)
    }};
}

fn add_promo(
    c: &mut DbConnection,
    id: i64,
    day: &str,
    market: &str,
    views: i64,
) -> QueryResult<usize> {
    add_views!(c, promo_views, promo_id, (id, day, market, views))
}

fn add_product(
    c: &mut DbConnection,
    id: i64,
    day: &str,
    market: &str,
    views: i64,
) -> QueryResult<usize> {
    add_views!(c, product_views, product_id, (id, day, market, views))
}
