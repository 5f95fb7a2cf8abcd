//! How search serves shoppers, per UTC day and language: searches typed, searches that found nothing,
//! corrections offered ("Did you mean") and followed. Counted in memory (a search costs a hash-map increment,
//! and stored pages stay stored) and added to `search_stats` and `search_corrections` by a background flush,
//! each instance its own counts, as page views are. The maps are bounded, so invented
//! queries cannot grow them; on a database error the counts wait for the next flush.

use std::collections::HashMap;
use std::sync::Mutex;

use diesel::prelude::*;
use time::Date;

use crate::db::schema::{search_corrections, search_stats};
use crate::db::{DbConnection, DbPool};
use crate::i18n::Locale;

/// The most distinct (day, language, query, correction) keys held between flushes.
const MAX_CORRECTION_KEYS: usize = 10_000;
/// How often the background flush runs.
pub const FLUSH_EVERY: std::time::Duration = std::time::Duration::from_secs(10);
/// Longest query or correction kept (characters).
const MAX_QUERY_CHARS: usize = 100;

/// One day's counts for one language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub searches: i64,
    pub zero_results: i64,
    pub corrected: i64,
    pub corrections_clicked: i64,
}

/// What happened to one search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A shopper searched (the first page of a query typed).
    Searched,
    /// The search listed nothing.
    FoundNothing,
}

type CorrectionKey = (Date, Locale, String, String);

#[derive(Default)]
pub struct SearchCounts {
    tallies: Mutex<HashMap<(Date, Locale), Tally>>,
    corrections: Mutex<HashMap<CorrectionKey, (i64, i64)>>,
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_QUERY_CHARS).collect()
}

impl SearchCounts {
    pub fn count(&self, event: Event, l: Locale, day: Date) {
        if let Ok(mut m) = self.tallies.lock() {
            let t = m.entry((day, l)).or_default();
            match event {
                Event::Searched => t.searches += 1,
                Event::FoundNothing => t.zero_results += 1,
            }
        }
    }

    /// A correction `suggestion` was offered for `query` (`clicked` false), or followed from it (true).
    pub fn correction(&self, l: Locale, day: Date, query: &str, suggestion: &str, clicked: bool) {
        if let Ok(mut m) = self.tallies.lock() {
            let t = m.entry((day, l)).or_default();
            if clicked {
                t.corrections_clicked += 1;
            } else {
                t.corrected += 1;
            }
        }
        let Ok(mut m) = self.corrections.lock() else {
            return;
        };
        let key = (day, l, clip(query), clip(suggestion));
        if !m.contains_key(&key) && m.len() >= MAX_CORRECTION_KEYS {
            return;
        }
        let counts = m.entry(key).or_default();
        if clicked {
            counts.1 += 1;
        } else {
            counts.0 += 1;
        }
    }

    /// Adds the counts so far to the database and forgets them: how many rows were written. On a database error
    /// the counts are put back for the next flush.
    pub fn flush(&self, conn: &mut DbConnection) -> QueryResult<usize> {
        let tallies = self
            .tallies
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default();
        let corrections = self
            .corrections
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default();
        if tallies.is_empty() && corrections.is_empty() {
            return Ok(0);
        }
        let written = crate::db::write_tx(conn, |c| {
            let mut n = 0;
            for ((day, l), t) in &tallies {
                n += add_tally(c, &day.to_string(), l.code(), t)?;
            }
            for ((day, l, query, suggestion), counts) in &corrections {
                n += add_correction(c, &day.to_string(), l.code(), query, suggestion, *counts)?;
            }
            Ok(n)
        });
        if written.is_err() {
            if let Ok(mut m) = self.tallies.lock() {
                for (k, t) in tallies {
                    let e = m.entry(k).or_default();
                    e.searches += t.searches;
                    e.zero_results += t.zero_results;
                    e.corrected += t.corrected;
                    e.corrections_clicked += t.corrections_clicked;
                }
            }
            if let Ok(mut m) = self.corrections.lock() {
                for (k, (o, c)) in corrections {
                    let e = m.entry(k).or_default();
                    e.0 += o;
                    e.1 += c;
                }
            }
        }
        written
    }

    /// Flushes every [`FLUSH_EVERY`] on a thread of its own.
    pub fn start_flushing(self: &std::sync::Arc<Self>, pool: DbPool) -> std::io::Result<()> {
        let me = self.clone();
        crate::db::every(
            "caravan-searches",
            FLUSH_EVERY,
            pool,
            "search counts kept for the next flush",
            move |c| me.flush(c),
        )
    }
}

fn add_tally(c: &mut DbConnection, day: &str, locale: &str, t: &Tally) -> QueryResult<usize> {
    let key = search_stats::table
        .filter(search_stats::day.eq(day))
        .filter(search_stats::locale.eq(locale));
    let updated = diesel::update(key)
        .set((
            search_stats::searches.eq(search_stats::searches + t.searches),
            search_stats::zero_results.eq(search_stats::zero_results + t.zero_results),
            search_stats::corrected.eq(search_stats::corrected + t.corrected),
            search_stats::corrections_clicked
                .eq(search_stats::corrections_clicked + t.corrections_clicked),
        ))
        .execute(c)?;
    if updated == 0 {
        diesel::insert_into(search_stats::table)
            .values((
                search_stats::day.eq(day),
                search_stats::locale.eq(locale),
                search_stats::searches.eq(t.searches),
                search_stats::zero_results.eq(t.zero_results),
                search_stats::corrected.eq(t.corrected),
                search_stats::corrections_clicked.eq(t.corrections_clicked),
            ))
            .execute(c)?;
    }
    Ok(1)
}

fn add_correction(
    c: &mut DbConnection,
    day: &str,
    locale: &str,
    query: &str,
    suggestion: &str,
    (offered, clicked): (i64, i64),
) -> QueryResult<usize> {
    let key = search_corrections::table
        .filter(search_corrections::day.eq(day))
        .filter(search_corrections::locale.eq(locale))
        .filter(search_corrections::query.eq(query))
        .filter(search_corrections::suggestion.eq(suggestion));
    let updated = diesel::update(key)
        .set((
            search_corrections::offered.eq(search_corrections::offered + offered),
            search_corrections::clicked.eq(search_corrections::clicked + clicked),
        ))
        .execute(c)?;
    // A click names its correction in the link (`typed=`), which anyone can write: it only counts for a
    // correction offered that day, never adds a row of its own.
    if updated == 0 && offered > 0 {
        diesel::insert_into(search_corrections::table)
            .values((
                search_corrections::day.eq(day),
                search_corrections::locale.eq(locale),
                search_corrections::query.eq(query),
                search_corrections::suggestion.eq(suggestion),
                search_corrections::offered.eq(offered),
                search_corrections::clicked.eq(clicked),
            ))
            .execute(c)?;
    }
    Ok(usize::from(updated > 0 || offered > 0))
}

/// Per language (by code), the counts of the days from `since` on.
pub fn tallies_since(conn: &mut DbConnection, since: Date) -> QueryResult<Vec<(String, Tally)>> {
    let rows: Vec<(String, i64, i64, i64, i64)> = search_stats::table
        .filter(search_stats::day.ge(since.to_string()))
        .select((
            search_stats::locale,
            search_stats::searches,
            search_stats::zero_results,
            search_stats::corrected,
            search_stats::corrections_clicked,
        ))
        .load(conn)?;
    let mut by: HashMap<String, Tally> = HashMap::new();
    for (l, s, z, o, k) in rows {
        let t = by.entry(l).or_default();
        t.searches += s;
        t.zero_results += z;
        t.corrected += o;
        t.corrections_clicked += k;
    }
    let mut out: Vec<(String, Tally)> = by.into_iter().collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// A correction with its counts over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRow {
    pub locale: String,
    pub query: String,
    pub suggestion: String,
    pub offered: i64,
    pub clicked: i64,
}

/// The `n` corrections offered most often from `since` on.
pub fn corrections_since(
    conn: &mut DbConnection,
    since: Date,
    n: usize,
) -> QueryResult<Vec<CorrectionRow>> {
    let rows: Vec<(String, String, String, i64, i64)> = search_corrections::table
        .filter(search_corrections::day.ge(since.to_string()))
        .select((
            search_corrections::locale,
            search_corrections::query,
            search_corrections::suggestion,
            search_corrections::offered,
            search_corrections::clicked,
        ))
        .load(conn)?;
    let mut by: HashMap<(String, String, String), (i64, i64)> = HashMap::new();
    for (l, q, s, o, c) in rows {
        let e = by.entry((l, q, s)).or_default();
        e.0 += o;
        e.1 += c;
    }
    let mut out: Vec<CorrectionRow> = by
        .into_iter()
        .map(
            |((locale, query, suggestion), (offered, clicked))| CorrectionRow {
                locale,
                query,
                suggestion,
                offered,
                clicked,
            },
        )
        .collect();
    out.sort_by(|a, b| {
        b.offered
            .cmp(&a.offered)
            .then(b.clicked.cmp(&a.clicked))
            .then(a.query.cmp(&b.query))
    });
    out.truncate(n);
    Ok(out)
}
