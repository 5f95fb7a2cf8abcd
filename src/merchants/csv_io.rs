//! CSV export and import of a shop's products: one row per product (per variant for a product with options, see
//! [`super::csv_variants`]), columns per language. Import creates or updates by SKU (the product's key); it is checked whole first (per-row errors with line numbers), then applied in one
//! transaction or not at all. Files from spreadsheets are welcome: a UTF-8 BOM, `;` or tab separators and
//! CRLF line ends are all read. Cells a spreadsheet would evaluate are exported with a leading apostrophe
//! and read back without it (see [`crate::csv_cell`]).

use std::collections::HashMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::own_products::{self, WriteCtx};
use super::product_input::{self, PriceSyntax, ProductInput, TextInput, ValidProduct};
use crate::catalogue::model::ProductTranslation;
use crate::categories::tree::CategoryTree;
use crate::db::schema::{pending_imports, product_translations, products};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::money::Currency;
use crate::shops::model::MerchantRow;

/// Rows per file.
pub const MAX_ROWS: usize = 50_000;
/// Bytes per file.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Errors shown on the dry-run page; the count says how many there are in all.
pub const MAX_ERRORS_SHOWN: usize = 200;

const BASE_COLUMNS: [&str; 8] = [
    "sku",
    "category",
    "status",
    "price",
    "currency",
    "stock",
    "weight_grams",
    "original_language",
];
const REQUIRED: [&str; 6] = [
    "sku",
    "category",
    "status",
    "price",
    "stock",
    "original_language",
];

/// The header of an exported file.
pub fn header() -> Vec<String> {
    let mut h: Vec<String> = BASE_COLUMNS.iter().map(|s| (*s).to_string()).collect();
    for l in Locale::ALL {
        for f in ["title", "description", "slug"] {
            h.push(format!("{f}_{}", l.code()));
        }
    }
    h.extend(super::csv_variants::header());
    h
}

/// The shop's products as CSV (UTF-8 with a BOM so spreadsheets open it as UTF-8; comma separated).
pub fn export(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    tree: &CategoryTree,
) -> AppResult<Vec<u8>> {
    let mut out: Vec<u8> = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(header())
            .map_err(|e| AppError::internal(e.to_string()))?;
        let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
        let mut last = 0_i64;
        loop {
            let rows: Vec<crate::catalogue::model::ProductRow> = products::table
                .filter(products::merchant_id.eq(shop.id))
                .filter(products::id.gt(last))
                .order(products::id)
                .limit(1000)
                .select(crate::catalogue::model::ProductRow::as_select())
                .load(conn)?;
            let Some(tail) = rows.last() else { break };
            last = tail.id;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let texts: Vec<ProductTranslation> = product_translations::table
                .filter(product_translations::product_id.eq_any(&ids))
                .select(ProductTranslation::as_select())
                .load(conn)?;
            let batch = super::csv_variants::load(conn, &ids)?;
            for r in &rows {
                let mut texts_of = Vec::new();
                for l in Locale::ALL {
                    match texts
                        .iter()
                        .find(|t| t.product_id == r.id && t.locale == l.code())
                    {
                        Some(t) => texts_of.extend([
                            t.title.clone(),
                            t.description.clone(),
                            t.slug.clone(),
                        ]),
                        None => texts_of.extend([String::new(), String::new(), String::new()]),
                    }
                }
                // One row per variant: its price, stock and weight, the product's columns repeated.
                let variants = batch.rows_of(r.id);
                if variants.is_empty() {
                    tracing::warn!(product = r.id, "a product without variants is not exported");
                }
                for v in variants {
                    let mut rec = vec![
                        r.sku.clone(),
                        tree.get(r.category_id)
                            .map(|n| n.key.clone())
                            .unwrap_or_default(),
                        r.status.to_string(),
                        plain_amount(v.variant.price_minor, currency.minor_digits()),
                        currency.code().to_string(),
                        v.variant.stock.to_string(),
                        v.variant
                            .weight_grams
                            .map(|w| w.to_string())
                            .unwrap_or_default(),
                        r.original_lang.clone(),
                    ];
                    rec.extend(texts_of.iter().cloned());
                    rec.extend(v.cells);
                    w.write_record(
                        rec.iter()
                            .map(|cell| crate::csv_cell::neutralize(cell).into_owned()),
                    )
                    .map_err(|e| AppError::internal(e.to_string()))?;
                }
            }
        }
        w.flush().map_err(|e| AppError::internal(e.to_string()))?;
    }
    Ok(out)
}

/// `129950`, 2 digits → `1299.50` (the machine notation every spreadsheet reads back).
fn plain_amount(minor: i64, digits: u8) -> String {
    if digits == 0 {
        return minor.to_string();
    }
    let div = 10_i64.pow(u32::from(digits));
    format!(
        "{}{}.{:0width$}",
        if minor < 0 { "-" } else { "" },
        (minor / div).abs(),
        (minor % div).abs(),
        width = usize::from(digits)
    )
}

/// A problem with the file as a whole (Fluent id and an optional argument).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub message_id: &'static str,
    pub arg: String,
}

/// A problem with one row: the line number in the file, the column and a Fluent id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub column: String,
    pub message_id: String,
    /// The `$line` argument of the message (the first row with the same SKU), or "".
    pub arg: String,
}

/// A checked file: what it would do, or what is wrong with it.
#[derive(Debug, Default)]
pub struct Plan {
    /// (existing product id, product) in file order.
    pub rows: Vec<(Option<i64>, ValidProduct)>,
    /// Languages whose columns the file carries; the others are left as stored on updates.
    pub languages: Vec<Locale>,
    pub problems: Vec<RowProblem>,
    /// Products sold in variants: (product key, its options and variant rows).
    pub variants: Vec<(String, super::csv_variants::Resolved)>,
}

impl Plan {
    pub fn creates(&self) -> usize {
        self.rows.iter().filter(|(id, _)| id.is_none()).count()
    }

    pub fn updates(&self) -> usize {
        self.rows.len() - self.creates()
    }
}

fn sniff_delimiter(first_line: &str) -> u8 {
    let count = |c: char| first_line.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| d)
}

fn column_of(field: &str) -> String {
    match field {
        "weight" => "weight_grams".into(),
        "original_lang" => "original_language".into(),
        other => other.into(),
    }
}

/// Reads and checks a file against the shop (SKUs, currency, categories by key, slug or name). Nothing is written.
pub fn plan(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    tree: &CategoryTree,
    body: &[u8],
) -> AppResult<Result<Plan, FileProblem>> {
    let problem = |id: &'static str, arg: String| {
        Ok(Err(FileProblem {
            message_id: id,
            arg,
        }))
    };
    if body.len() > MAX_FILE_BYTES {
        return problem("import-file-too-large", String::new());
    }
    let body = body.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(body);
    let Ok(text) = std::str::from_utf8(body) else {
        return problem("import-not-utf8", String::new());
    };
    // Windows line ends as plain ones: the reader counts lines by "\n" and would start each record's position
    // before the "\n" of the previous "\r\n", one line too early.
    let text = text.replace("\r\n", "\n");
    let first_line = text.lines().next().unwrap_or_default();
    if first_line.trim().is_empty() {
        return problem("import-empty", String::new());
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(first_line))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect(),
        Err(_) => return problem("import-empty", String::new()),
    };
    for r in REQUIRED {
        if !headers.iter().any(|h| h == r) {
            return problem("import-missing-column", r.to_string());
        }
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let languages: Vec<Locale> = Locale::ALL
        .into_iter()
        .filter(|l| col(&format!("title_{}", l.code())).is_some())
        .collect();
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let categories = product_input::category_lookup(tree);
    let existing: HashMap<String, i64> = products::table
        .filter(products::merchant_id.eq(shop.id))
        .select((products::sku, products::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let mut plan = Plan {
        languages,
        ..Plan::default()
    };
    let mut seen: HashMap<String, u64> = HashMap::new();
    // Per product key, its variant rows (rows that name option values), in file order.
    let mut groups: Vec<(String, Vec<super::csv_variants::VariantLine>)> = Vec::new();
    let mut group_at: HashMap<String, usize> = HashMap::new();
    let known = super::csv_variants::known(conn, shop.id)?;
    for (i, record) in reader.records().enumerate() {
        if i >= MAX_ROWS {
            return problem("import-too-many-rows", MAX_ROWS.to_string());
        }
        let line = i as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                plan.problems.push(RowProblem {
                    line,
                    column: String::new(),
                    message_id: "import-row-unreadable".into(),
                    arg: String::new(),
                });
                continue;
            }
        };
        let line = record.position().map_or(line, |p| p.line());
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| {
            col(name)
                .and_then(|i| record.get(i))
                .map(crate::csv_cell::restore)
                .unwrap_or_default()
                .to_string()
        };
        let mut input = ProductInput {
            sku: get("sku"),
            category: get("category"),
            status: get("status").trim().to_lowercase(),
            price: get("price"),
            stock: get("stock"),
            weight: get("weight_grams"),
            original_lang: get("original_language").trim().to_lowercase(),
            texts: Default::default(),
            // Files carry no customs data: each product keeps what the form gave it.
            customs: None,
        };
        for l in Locale::ALL {
            let c = l.code();
            *input.text_mut(l) = TextInput {
                title: get(&format!("title_{c}")),
                description: get(&format!("description_{c}")),
                slug: get(&format!("slug_{c}")),
            };
        }
        let key = crate::http::forms::normalize(&input.sku);
        let variant = super::csv_variants::read(
            &get,
            line,
            &key,
            (&input.price, &input.stock, &input.weight),
            currency,
            &mut plan.problems,
        );
        // A further row of a product sold in variants: only its variant columns count.
        if let (Some(v), Some(at)) = (variant.clone(), group_at.get(&key)) {
            groups[*at].1.push(v);
            continue;
        }
        let cur = get("currency");
        if !cur.trim().is_empty() && !cur.trim().eq_ignore_ascii_case(currency.code()) {
            plan.problems.push(RowProblem {
                line,
                column: "currency".into(),
                message_id: "import-currency-mismatch".into(),
                arg: String::new(),
            });
        }
        let resolve = |label: &str| {
            categories
                .get(&label.trim().to_lowercase())
                .copied()
                .flatten()
        };
        match product_input::validate(&input, currency, PriceSyntax::Any, resolve) {
            Ok(v) => {
                if let Some(first) = seen.insert(v.sku.clone(), line) {
                    plan.problems.push(RowProblem {
                        line,
                        column: "sku".into(),
                        message_id: "import-duplicate-sku".into(),
                        arg: first.to_string(),
                    });
                    continue;
                }
                let id = existing.get(&v.sku).copied();
                if let Some(first) = variant {
                    group_at.insert(v.sku.clone(), groups.len());
                    groups.push((v.sku.clone(), vec![first]));
                }
                plan.rows.push((id, v));
            }
            Err(errors) => {
                for (field, id) in errors.iter() {
                    plan.problems.push(RowProblem {
                        line,
                        column: column_of(field),
                        message_id: id.clone(),
                        arg: String::new(),
                    });
                }
            }
        }
    }
    for (key, lines) in groups {
        let id = existing.get(&key).copied();
        if let Some(r) = super::csv_variants::resolve(&known, id, lines, &mut plan.problems) {
            plan.variants.push((key, r));
        }
    }
    // Every SKU sold once in the file: variants' own, and the keys of products without options.
    let mut sold: HashMap<String, u64> = HashMap::new();
    let in_variants: std::collections::HashSet<&str> =
        plan.variants.iter().map(|(k, _)| k.as_str()).collect();
    let simple = plan
        .rows
        .iter()
        .filter(|(_, v)| !in_variants.contains(v.sku.as_str()))
        .map(|(_, v)| (v.sku.clone(), seen.get(&v.sku).copied().unwrap_or(0)));
    let variants = plan
        .variants
        .iter()
        .flat_map(|(_, r)| r.rows.iter().map(|(_, l)| (l.sku.clone(), l.line)));
    for (sku, line) in simple.chain(variants).collect::<Vec<_>>() {
        if let Some(first) = sold.insert(sku, line) {
            plan.problems.push(RowProblem {
                line,
                column: "variant_sku".into(),
                message_id: "import-duplicate-sku".into(),
                arg: first.to_string(),
            });
        }
    }
    if plan.rows.is_empty() && plan.problems.is_empty() {
        return problem("import-empty", String::new());
    }
    Ok(Ok(plan))
}

/// Applies a checked plan in one transaction: every row or none.
pub fn apply(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    plan: &Plan,
    w: &WriteCtx<'_>,
) -> AppResult<(usize, usize)> {
    crate::db::write_tx(conn, |c| {
        // Languages the file does not carry keep their stored texts on updated products.
        let kept_locales: Vec<&str> = Locale::ALL
            .iter()
            .filter(|l| !plan.languages.contains(l))
            .map(|l| l.code())
            .collect();
        let update_ids: Vec<i64> = plan.rows.iter().filter_map(|(id, _)| *id).collect();
        let mut kept: HashMap<i64, Vec<ProductTranslation>> = HashMap::new();
        if !kept_locales.is_empty() {
            for chunk in update_ids.chunks(500) {
                let rows: Vec<ProductTranslation> = product_translations::table
                    .filter(product_translations::product_id.eq_any(chunk))
                    .filter(product_translations::locale.eq_any(&kept_locales))
                    .select(ProductTranslation::as_select())
                    .load(c)?;
                for t in rows {
                    kept.entry(t.product_id).or_default().push(t);
                }
            }
        }
        let rows: Vec<(Option<i64>, ValidProduct)> = plan
            .rows
            .iter()
            .map(|(id, v)| {
                let mut v = v.clone();
                if let Some(old) = id.and_then(|id| kept.remove(&id)) {
                    v.texts.extend(old.into_iter().filter_map(|t| {
                        Locale::parse(&t.locale).map(|l| (l, t.title, t.description, t.slug))
                    }));
                }
                (*id, v)
            })
            .collect();
        own_products::write_many(c, shop, &rows, w)?;
        if !plan.variants.is_empty() {
            let keys: Vec<&str> = plan.variants.iter().map(|(k, _)| k.as_str()).collect();
            let ids: HashMap<String, i64> = products::table
                .filter(products::merchant_id.eq(shop.id))
                .filter(products::sku.eq_any(&keys))
                .select((products::sku, products::id))
                .load::<(String, i64)>(c)?
                .into_iter()
                .collect();
            let mut created = super::csv_variants::Created::default();
            let known = super::csv_variants::known(c, shop.id)?;
            for (key, r) in &plan.variants {
                if let Some(id) = ids.get(key) {
                    super::csv_variants::write(c, (shop, &known), *id, r, &mut created, w)?;
                }
            }
        }
        crate::audit::record(
            c,
            shop.owner_user_id.unwrap_or_default(),
            "shop.import",
            &shop.slug,
            &format!("{} new, {} updated", plan.creates(), plan.updates()),
            w.now,
        )?;
        Ok((plan.creates(), plan.updates()))
    })
}

/// Keeps a checked file until the merchant confirms it; returns the token naming it.
pub fn park(
    conn: &mut DbConnection,
    shop_id: i64,
    body: &str,
    now: PrimitiveDateTime,
) -> AppResult<String> {
    let mut raw = [0u8; 16];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    let token: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    diesel::delete(
        pending_imports::table
            .filter(pending_imports::created_at.lt(now - time::Duration::days(1))),
    )
    .execute(conn)?;
    diesel::delete(pending_imports::table.filter(pending_imports::merchant_id.eq(shop_id)))
        .execute(conn)?;
    diesel::insert_into(pending_imports::table)
        .values((
            pending_imports::merchant_id.eq(shop_id),
            pending_imports::token.eq(&token),
            pending_imports::body.eq(body),
            pending_imports::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Takes back a parked file of this shop (and forgets it), or `None` when it is gone or another shop's.
pub fn unpark(conn: &mut DbConnection, shop_id: i64, token: &str) -> AppResult<Option<String>> {
    let q = pending_imports::table
        .filter(pending_imports::merchant_id.eq(shop_id))
        .filter(pending_imports::token.eq(token));
    let body: Option<String> = q.select(pending_imports::body).first(conn).optional()?;
    if body.is_some() {
        diesel::delete(q).execute(conn)?;
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_machine_notation() {
        assert_eq!(plain_amount(129_950, 2), "1299.50");
        assert_eq!(plain_amount(5, 2), "0.05");
        assert_eq!(plain_amount(700, 0), "700");
    }

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter("sku;category;status;price"), b';');
        assert_eq!(sniff_delimiter("sku,category,status"), b',');
        assert_eq!(sniff_delimiter("sku\tcategory\tstatus"), b'\t');
    }
}
