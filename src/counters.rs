//! Promo page views, counted in memory (a view costs a hash-map increment, and cached pages stay cached) and
//! added to `promo_views` in batches by a background flush every few seconds; each instance flushes its own counts,
//! so counts add up across instances. Keys are the page's slug, market and UTC day; only pages that were served
//! (200) are counted, and the map is bounded so invented URLs cannot grow it.

use std::collections::HashMap;
use std::sync::Mutex;

use diesel::prelude::*;
use time::Date;

use crate::db::schema::{promo_translations, promo_views};
use crate::db::{DbConnection, DbPool};
use crate::geo::CountryCode;

/// The most distinct (slug, market, day) keys held between flushes.
const MAX_KEYS: usize = 20_000;

/// How often the background flush runs.
pub const FLUSH_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Default)]
pub struct ViewCounts {
    counts: Mutex<HashMap<(String, CountryCode, Date), i64>>,
}

impl ViewCounts {
    /// One view of the promo page `slug` by a shopper shipping to `market` on `day` (UTC).
    pub fn hit(&self, slug: &str, market: CountryCode, day: Date) {
        let Ok(mut m) = self.counts.lock() else {
            return;
        };
        let key = (slug.to_string(), market, day);
        if let Some(n) = m.get_mut(&key) {
            *n += 1;
        } else if m.len() < MAX_KEYS {
            m.insert(key, 1);
        }
    }

    fn take(&self) -> HashMap<(String, CountryCode, Date), i64> {
        self.counts
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default()
    }

    /// Adds the counts so far to the database (and forgets them): how many rows were written. Counts whose
    /// slug no campaign has are dropped. On a database error the counts are put back for the next flush.
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
        std::thread::Builder::new()
            .name("caravan-views".into())
            .spawn(move || loop {
                std::thread::sleep(FLUSH_EVERY);
                let done = pool
                    .get()
                    .map_err(|e| e.to_string())
                    .and_then(|mut c| me.flush(&mut c).map_err(|e| e.to_string()));
                if let Err(error) = done {
                    tracing::warn!(%error, "promo view counts kept for the next flush");
                }
            })
            .map(|_| ())
    }
}

fn write(
    conn: &mut DbConnection,
    taken: &HashMap<(String, CountryCode, Date), i64>,
) -> QueryResult<usize> {
    let slugs: Vec<&str> = taken.keys().map(|k| k.0.as_str()).collect();
    let ids: HashMap<String, i64> = promo_translations::table
        .filter(promo_translations::slug.eq_any(&slugs))
        .select((promo_translations::slug, promo_translations::promo_id))
        .load::<(String, crate::ids::PromoId)>(conn)?
        .into_iter()
        .map(|(s, id)| (s, id.0))
        .collect();
    crate::db::write_tx(conn, |c| {
        let mut n = 0;
        for ((slug, market, day), views) in taken {
            let Some(id) = ids.get(slug) else { continue };
            let day = day.to_string();
            let key = promo_views::table
                .filter(promo_views::promo_id.eq(id))
                .filter(promo_views::day.eq(&day))
                .filter(promo_views::market.eq(market.as_str()));
            let updated = diesel::update(key)
                .set(promo_views::views.eq(promo_views::views + views))
                .execute(c)?;
            if updated == 0 {
                diesel::insert_into(promo_views::table)
                    .values((
                        promo_views::promo_id.eq(id),
                        promo_views::day.eq(&day),
                        promo_views::market.eq(market.as_str()),
                        promo_views::views.eq(views),
                    ))
                    .execute(c)?;
            }
            n += 1;
        }
        Ok(n)
    })
}
