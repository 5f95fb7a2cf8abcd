//! `caravan seed --products N`: many plausible products for load tests, derived from the demo catalogue,
//! inserted in batched transactions with a progress bar.

use std::collections::HashMap;

use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressStyle};

use crate::catalogue::model::*;
use crate::catalogue::repo;
use crate::catalogue::search::Analyzer;
use crate::catalogue::service::now;
use crate::catalogue::write::search_terms_for;
use crate::db::schema::*;
use crate::db::DbConnection;
use crate::i18n::Locale;

const BATCH: usize = 1000;

struct Template {
    merchant_id: i64,
    category_id: i64,
    price_minor: i64,
    currency: String,
    base_price_minor: i64,
    origin: String,
    original_lang: String,
    titles: Vec<(Locale, String)>,
    image: Option<String>,
}

fn load_templates(conn: &mut DbConnection) -> QueryResult<Vec<Template>> {
    let rows: Vec<ProductRow> = products::table
        .filter(products::listed.eq(true))
        .filter(products::sku.not_like("SYN-%"))
        .order(products::id)
        .limit(2000)
        .select(ProductRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut titles: HashMap<i64, Vec<(Locale, String)>> = HashMap::new();
    for (pid, locale, title, _) in repo::card_translations(conn, &ids)? {
        if let Some(l) = Locale::parse(&locale) {
            titles.entry(pid).or_default().push((l, title));
        }
    }
    let images: HashMap<i64, String> = repo::cover_images(conn, &ids)?
        .into_iter()
        .map(|i| (i.product_id, i.path))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Template {
            merchant_id: r.merchant_id,
            category_id: r.category_id,
            price_minor: r.price_minor,
            currency: r.currency,
            base_price_minor: r.base_price_minor,
            origin: r.origin,
            original_lang: r.original_lang,
            titles: titles.remove(&r.id).unwrap_or_default(),
            image: images.get(&r.id).cloned(),
        })
        .collect())
}

/// Adds `n` synthetic products (needs the demo catalogue first). Returns how many were added.
pub fn seed_synthetic(
    conn: &mut DbConnection,
    n: usize,
    show_progress: bool,
) -> Result<usize, String> {
    let templates = load_templates(conn).map_err(|e| e.to_string())?;
    if templates.is_empty() {
        return Err("seed the demo catalogue first (caravan seed)".into());
    }
    let start: i64 = products::table
        .count()
        .get_result(conn)
        .map_err(|e| e.to_string())?;
    let bar = if show_progress {
        ProgressBar::new(n as u64)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} products · {per_sec} · eta {eta}")
    {
        bar.set_style(style);
    }
    let analyzer = Analyzer::new();
    // Bulk loading on SQLite: a large page cache and no fsync per batch (a crash mid-seed just means re-seeding).
    if let DbConnection::Sqlite(c) = conn {
        use diesel::connection::SimpleConnection;
        c.batch_execute("PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA wal_autocheckpoint = 100000;")
            .map_err(|e| e.to_string())?;
    }
    let t0 = now() - time::Duration::days(400);
    let mut rng = fastrand::Rng::with_seed(42);
    let mut done = 0usize;
    while done < n {
        let size = BATCH.min(n - done);
        conn.transaction::<_, diesel::result::Error, _>(|c| {
            let mut batch = Vec::with_capacity(size);
            let mut picks = Vec::with_capacity(size);
            for i in 0..size {
                let t = &templates[rng.usize(..templates.len())];
                let seq = start + (done + i) as i64 + 1;
                // Prices vary ±40% around the template, stock 0..60.
                let factor = 60 + rng.i64(0..80);
                let created = t0 + time::Duration::seconds(seq * 29);
                batch.push(NewProduct {
                    merchant_id: t.merchant_id,
                    category_id: t.category_id,
                    sku: format!("SYN-{seq:08}"),
                    price_minor: (t.price_minor * factor / 100).max(1),
                    currency: t.currency.clone(),
                    base_price_minor: (t.base_price_minor * factor / 100).max(1),
                    stock: rng.i32(0..60),
                    status: ProductStatus::Active.as_str().to_string(),
                    listed: true,
                    origin: t.origin.clone(),
                    original_lang: t.original_lang.clone(),
                    weight_grams: Some(rng.i32(100..3000)),
                    created_at: created,
                    updated_at: created,
                });
                picks.push((t, seq));
            }
            let ids: Vec<i64> =
                crate::on_backend!(&mut *c, |x| diesel::insert_into(products::table)
                    .values(&batch)
                    .returning(products::id)
                    .get_results(x))?;
            let mut translations = Vec::with_capacity(size * 5);
            let mut images = Vec::with_capacity(size);
            let mut terms = Vec::new();
            for (id, (t, seq)) in ids.iter().zip(picks) {
                let mut texts = Vec::new();
                for (l, title) in &t.titles {
                    let title = format!("{title} · {seq}");
                    translations.push(ProductTranslation {
                        product_id: *id,
                        locale: l.code().to_string(),
                        slug: crate::catalogue::write::slugify(&title),
                        description: String::new(),
                        title,
                    });
                }
                for tr in translations.iter().rev().take(t.titles.len()) {
                    if let Some(l) = Locale::parse(&tr.locale) {
                        texts.push((l, tr.title.clone()));
                    }
                }
                let refs: Vec<(Locale, &str, &str)> =
                    texts.iter().map(|(l, s)| (*l, s.as_str(), "")).collect();
                terms.extend(search_terms_for(&analyzer, *id, &refs));
                if let Some(path) = &t.image {
                    images.push(NewImage {
                        product_id: *id,
                        position: 0,
                        path: path.clone(),
                        width: 600,
                        height: 600,
                        thumb_path: String::new(),
                    });
                }
            }
            for chunk in translations.chunks(5000) {
                crate::on_backend!(&mut *c, |x| diesel::insert_into(
                    product_translations::table
                )
                .values(chunk)
                .execute(x))?;
            }
            for chunk in images.chunks(5000) {
                crate::on_backend!(&mut *c, |x| diesel::insert_into(product_images::table)
                    .values(chunk)
                    .execute(x))?;
            }
            repo::insert_search_terms(c, &terms)?;
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        done += size;
        bar.set_position(done as u64);
    }
    bar.finish();
    crate::db::analyze(conn).map_err(|e| e.to_string())?;
    if let DbConnection::Sqlite(c) = conn {
        use diesel::connection::SimpleConnection;
        let _ = c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000;");
    }
    Ok(done)
}
