//! `caravan seed --products N`: many plausible products for load tests, derived from the demo catalogue,
//! inserted in batched transactions with a progress bar.

use std::collections::HashMap;

use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressStyle};

use crate::catalogue::model::*;
use crate::catalogue::repo;
use crate::clock::system_now as now;
use crate::db::schema::*;
use crate::db::DbConnection;
use crate::i18n::Locale;
use crate::search::Analyzer;

/// Products per transaction: large transactions write each touched page to the WAL once.
const BATCH: usize = 10_000;

/// A multi-row insert for bulk loading. On SQLite `OR IGNORE` (the generated rows cannot conflict) spares every
/// statement its statement journal, which an `ABORT` conflict policy needs to undo a half-done statement.
macro_rules! bulk_insert {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            DbConnection::Sqlite(x) => diesel::insert_or_ignore_into($table)
                .values($rows)
                .execute(x),
            DbConnection::Pg(x) => diesel::insert_into($table).values($rows).execute(x),
        }
    };
}

/// A synthetic product with its id chosen here: a multi-row `INSERT … RETURNING` closes its statement
/// savepoint in time proportional to the rows it wrote on SQLite, which made seeding quadratic.
#[derive(Insertable)]
#[diesel(table_name = products)]
struct SeedProduct {
    id: i64,
    #[diesel(embed)]
    product: NewProduct,
}

struct Template {
    merchant_id: i64,
    category_id: i64,
    price_minor: i64,
    currency: String,
    base_price_minor: i64,
    origin: String,
    original_lang: String,
    titles: Vec<(Locale, String)>,
    /// Search terms of the titles (weights by term).
    terms: HashMap<String, i32>,
    image: Option<String>,
    /// The template's options and its active variants (values, price): copies are sold in the same sizes.
    options: Vec<i64>,
    variants: Vec<TemplateVariant>,
}

/// A template's variant: its option values, price and weight.
type TemplateVariant = ([i64; 3], i64, Option<i32>);

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
    let analyzer = Analyzer::new();
    let mut options: HashMap<i64, Vec<i64>> = HashMap::new();
    for o in crate::variants::repo::options_of_products(conn, &ids)? {
        options.entry(o.product_id).or_default().push(o.option_id);
    }
    let mut variants: HashMap<i64, Vec<TemplateVariant>> = HashMap::new();
    for v in crate::variants::repo::of_products(conn, &ids)? {
        if v.active {
            variants.entry(v.product_id).or_default().push((
                [v.value1, v.value2, v.value3],
                v.price_minor,
                v.weight_grams,
            ));
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let titles = titles.remove(&r.id).unwrap_or_default();
            let mut terms = HashMap::new();
            for (l, title) in &titles {
                analyzer.index_terms(*l, title, "", &mut terms);
            }
            Template {
                merchant_id: r.merchant_id,
                category_id: r.category_id,
                price_minor: r.price_minor,
                currency: r.currency,
                base_price_minor: r.base_price_minor,
                origin: r.origin,
                original_lang: r.original_lang,
                titles,
                terms,
                image: images.get(&r.id).cloned(),
                options: options.remove(&r.id).unwrap_or_default(),
                variants: variants.remove(&r.id).unwrap_or_default(),
            }
        })
        .collect())
}

/// Runs `sql`, which reads its rows from `json_each(?)`, with `rows` as one JSON array.
fn insert_json<R: serde::Serialize>(
    c: &mut diesel::SqliteConnection,
    sql: &str,
    rows: &[R],
) -> QueryResult<usize> {
    let json = serde_json::to_string(rows)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    diesel::sql_query(sql)
        .bind::<diesel::sql_types::Text, _>(json)
        .execute(c)
}

/// Each product with `from <= id <= to` gets its one variant (its SKU, price, stock and weight).
fn default_variants(c: &mut DbConnection, from: i64, to: i64) -> QueryResult<usize> {
    use crate::db::schema::product_variants as v;
    use diesel::sql_types::{Bool, Integer};
    let rows = products::table
        .filter(products::id.between(from, to))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            product_options::table.filter(product_options::product_id.eq(products::id)),
        )))
        .select((
            products::id,
            products::merchant_id,
            products::sku,
            products::price_minor,
            products::stock,
            products::weight_grams,
            true.into_sql::<Bool>(),
            0.into_sql::<Integer>(),
            products::created_at,
            products::updated_at,
        ));
    crate::on_backend!(c, |x| diesel::insert_into(v::table)
        .values(rows)
        .into_columns((
            v::product_id,
            v::merchant_id,
            v::sku,
            v::price_minor,
            v::stock,
            v::weight_grams,
            v::active,
            v::position,
            v::created_at,
            v::updated_at,
        ))
        .execute(x))
}

/// Rows of one transaction.
struct Batch {
    products: Vec<SeedProduct>,
    translations: Vec<ProductTranslation>,
    images: Vec<NewImage>,
    terms: Vec<SearchTerm>,
    /// Copies of templates sold in variants: their options, variants and values.
    options: Vec<crate::variants::model::ProductOption>,
    variants: Vec<crate::variants::model::NewVariant>,
    values: Vec<(i64, i64, bool)>,
}

impl Batch {
    fn write(&self, c: &mut DbConnection) -> QueryResult<()> {
        for chunk in self.products.chunks(1000) {
            // `OR IGNORE` must not hide a clash (an SKU taken by a product created since): stop instead of
            // writing texts for a product that is not there.
            if bulk_insert!(&mut *c, products::table, chunk)? != chunk.len() {
                return Err(diesel::result::Error::QueryBuilderError(
                    "a synthetic product clashes with an existing one (SKU); nothing of this batch is kept"
                        .into(),
                ));
            }
        }
        for chunk in self.options.chunks(5000) {
            bulk_insert!(&mut *c, product_options::table, chunk)?;
        }
        if let (Some(first), Some(last)) = (self.products.first(), self.products.last()) {
            default_variants(c, first.id, last.id)?;
        }
        for chunk in self.variants.chunks(2000) {
            bulk_insert!(&mut *c, product_variants::table, chunk)?;
        }
        for chunk in self.values.chunks(5000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|(value, product, in_stock)| {
                    (
                        product_values::value_id.eq(*value),
                        product_values::product_id.eq(*product),
                        product_values::in_stock.eq(*in_stock),
                    )
                })
                .collect();
            bulk_insert!(&mut *c, product_values::table, &rows)?;
        }
        for chunk in self.images.chunks(5000) {
            bulk_insert!(&mut *c, product_images::table, chunk)?;
        }
        match c {
            // The two largest tables (5 and about 30 rows per product) go in as one JSON text per statement
            // instead of a bound value per column and row: binding cost more than SQLite's inserting.
            DbConnection::Sqlite(x) => {
                for chunk in self.translations.chunks(10_000) {
                    let rows: Vec<(i64, &str, &str, &str, &str)> = chunk
                        .iter()
                        .map(|t| {
                            let (l, ti, d, s) = (&t.locale, &t.title, &t.description, &t.slug);
                            (
                                t.product_id,
                                l.as_str(),
                                ti.as_str(),
                                d.as_str(),
                                s.as_str(),
                            )
                        })
                        .collect();
                    insert_json(
                        x,
                        "INSERT OR IGNORE INTO product_translations \
                         (product_id, locale, title, description, slug) \
                         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 \
                         FROM json_each(?)",
                        &rows,
                    )?;
                }
                for chunk in self.terms.chunks(20_000) {
                    let rows: Vec<(&str, i64, i32)> = chunk
                        .iter()
                        .map(|t| (t.term.as_str(), t.product_id, t.weight))
                        .collect();
                    insert_json(
                        x,
                        "INSERT OR IGNORE INTO search_terms (term, product_id, weight) \
                         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)",
                        &rows,
                    )?;
                }
            }
            DbConnection::Pg(_) => {
                for chunk in self.translations.chunks(5000) {
                    bulk_insert!(&mut *c, product_translations::table, chunk)?;
                }
                for chunk in self.terms.chunks(5000) {
                    bulk_insert!(&mut *c, search_terms::table, chunk)?;
                }
            }
        }
        Ok(())
    }
}

impl Batch {
    /// A copy of a template sold in variants: the same options and combinations, prices scaled like the
    /// product's (so its lowest price is the product's), 0–14 units each; returns the total stock.
    fn sized(
        &mut self,
        t: &Template,
        (id, seq): (i64, i64),
        factor: i64,
        created: time::PrimitiveDateTime,
        rng: &mut fastrand::Rng,
    ) -> i32 {
        for (position, option_id) in (1..).zip(&t.options) {
            self.options.push(crate::variants::model::ProductOption {
                product_id: id,
                position,
                option_id: *option_id,
            });
        }
        let mut total = 0;
        let mut values: Vec<(i64, bool)> = Vec::new();
        for (n, (cols, price, weight)) in (0..).zip(&t.variants) {
            let stock = rng.i32(0..15);
            total += stock;
            for v in cols.iter().filter(|v| **v != 0) {
                match values.iter_mut().find(|(x, _)| x == v) {
                    Some((_, in_stock)) => *in_stock |= stock > 0,
                    None => values.push((*v, stock > 0)),
                }
            }
            self.variants.push(crate::variants::model::NewVariant {
                product_id: id,
                merchant_id: t.merchant_id,
                sku: format!("SYN-{seq:08}-{n}"),
                value1: cols[0],
                value2: cols[1],
                value3: cols[2],
                price_minor: (price * factor / 100).max(1),
                stock,
                weight_grams: *weight,
                active: true,
                image_id: None,
                position: n,
                created_at: created,
                updated_at: created,
            });
        }
        self.values
            .extend(values.into_iter().map(|(v, in_stock)| (v, id, in_stock)));
        total
    }
}

/// Builds batches of products from the templates.
#[derive(Clone, Copy)]
struct Generator<'a> {
    templates: &'a [Template],
    first_id: i64,
    t0: time::PrimitiveDateTime,
}

impl Generator<'_> {
    fn batch(
        &self,
        analyzer: &Analyzer,
        rng: &mut fastrand::Rng,
        done: usize,
        size: usize,
    ) -> Batch {
        let mut b = Batch {
            products: Vec::with_capacity(size),
            translations: Vec::with_capacity(size * 5),
            images: Vec::with_capacity(size),
            terms: Vec::with_capacity(size * 40),
            options: Vec::new(),
            variants: Vec::new(),
            values: Vec::new(),
        };
        for i in 0..size {
            let t = &self.templates[rng.usize(..self.templates.len())];
            // Numbered by id: ids are past every existing product, so SKUs cannot clash with earlier seeds.
            let id = self.first_id + (done + i) as i64;
            let seq = id;
            // Prices vary ±40% around the template, stock 0..60.
            let factor = 60 + rng.i64(0..80);
            let created = self.t0 + time::Duration::seconds(seq * 29);
            let stock = if t.options.is_empty() {
                rng.i32(0..60)
            } else {
                b.sized(t, (id, seq), factor, created, rng)
            };
            b.products.push(SeedProduct {
                id,
                product: NewProduct {
                    merchant_id: t.merchant_id,
                    category_id: t.category_id,
                    sku: format!("SYN-{seq:08}"),
                    price_minor: (t.price_minor * factor / 100).max(1),
                    currency: t.currency.clone(),
                    base_price_minor: (t.base_price_minor * factor / 100).max(1),
                    stock,
                    status: ProductStatus::Active,
                    listed: true,
                    origin: t.origin.clone(),
                    original_lang: t.original_lang.clone(),
                    weight_grams: Some(rng.i32(100..3000)),
                    created_at: created,
                    updated_at: created,
                },
            });
            // Titles are the template's plus the number; terms are per word, so the template's terms plus
            // the number's are exactly what indexing the whole title gives.
            let number = seq.to_string();
            let mut weights = t.terms.clone();
            for (l, title) in &t.titles {
                let title = format!("{title} · {seq}");
                analyzer.index_terms(*l, &number, "", &mut weights);
                b.translations.push(ProductTranslation {
                    product_id: id,
                    locale: l.code().to_string(),
                    slug: crate::catalogue::write::slugify(&title),
                    description: String::new(),
                    title,
                });
            }
            b.terms
                .extend(weights.into_iter().map(|(term, weight)| SearchTerm {
                    term,
                    product_id: id,
                    weight,
                }));
            if let Some(path) = &t.image {
                b.images.push(NewImage {
                    product_id: id,
                    position: 0,
                    path: path.clone(),
                    width: 600,
                    height: 600,
                    thumb_path: String::new(),
                });
            }
        }
        // In index order, so the term index is filled page by page rather than at random.
        b.terms
            .sort_unstable_by(|a, b| a.term.cmp(&b.term).then(a.product_id.cmp(&b.product_id)));
        b
    }
}

/// Adds `n` synthetic products (needs the demo catalogue first). Returns how many were added.
pub fn seed_synthetic(
    conn: &mut DbConnection,
    n: usize,
    show_progress: bool,
) -> Result<usize, String> {
    super::bulk::resume(conn)?;
    let templates = load_templates(conn).map_err(|e| e.to_string())?;
    if templates.is_empty() {
        return Err("seed the demo catalogue first (caravan seed)".into());
    }
    let start: i64 = products::table
        .count()
        .get_result(conn)
        .map_err(|e| e.to_string())?;
    let first_id: i64 = products::table
        .select(diesel::dsl::max(products::id))
        .first::<Option<i64>>(conn)
        .map_err(|e| e.to_string())?
        .unwrap_or(0)
        + 1;
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
    // Bulk loading on SQLite: a large page cache and no fsync per batch (a crash mid-seed just means re-seeding).
    if let DbConnection::Sqlite(c) = conn {
        use diesel::connection::SimpleConnection;
        // The generated rows reference only rows that exist, so foreign keys are not checked row by row.
        c.batch_execute("PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -524288; PRAGMA wal_autocheckpoint = 100000;")
            .map_err(|e| e.to_string())?;
    }
    let gen = Generator {
        templates: &templates,
        first_id,
        t0: now() - time::Duration::days(400),
    };
    // A load at least as large as what is there goes in without the secondary indexes and facet triggers.
    let bulk = n as i64 >= start;
    let load = |conn: &mut DbConnection| -> Result<usize, String> {
        // One thread builds rows (text analysis, slugs) while this one writes the previous batch.
        std::thread::scope(|scope| -> Result<usize, String> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
            scope.spawn(move || {
                let analyzer = Analyzer::new();
                let mut rng = fastrand::Rng::with_seed(42);
                let mut done = 0usize;
                while done < n {
                    let size = BATCH.min(n - done);
                    if tx.send(gen.batch(&analyzer, &mut rng, done, size)).is_err() {
                        return;
                    }
                    done += size;
                }
            });
            let mut done = 0usize;
            for batch in rx {
                crate::db::write_tx::<_, diesel::result::Error, _>(conn, |c| batch.write(c))
                    .map_err(|e| e.to_string())?;
                done += batch.products.len();
                bar.set_position(done as u64);
            }
            Ok(done)
        })
    };
    if let (DbConnection::Pg(c), true) = (&mut *conn, n > 0) {
        // Ids are chosen here: the sequence moves past them before the load, so other writers (and a seed killed
        // half-way) never get an id the load uses.
        diesel::sql_query("SELECT setval(pg_get_serial_sequence('products', 'id'), $1)")
            .bind::<diesel::sql_types::BigInt, _>(first_id + n as i64 - 1)
            .execute(c)
            .map_err(|e| e.to_string())?;
    }
    let loaded = if bulk {
        super::bulk::without_indexes(conn, load)
    } else {
        load(conn)
    };
    bar.finish();
    let done = loaded?;
    crate::db::analyze(conn).map_err(|e| e.to_string())?;
    if let DbConnection::Sqlite(c) = conn {
        use diesel::connection::SimpleConnection;
        let _ = c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 1000;");
    }
    Ok(done)
}
