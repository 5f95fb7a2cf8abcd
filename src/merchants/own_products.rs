//! A merchant's own products: saving with translations and search terms, the filtered list, duplicate,
//! archive and delete. Every function takes the shop and only ever touches that shop's rows: another shop's
//! product id is "not found".

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::catalogue::model::{ProductRow, ProductStatus, ProductTranslation};
use crate::catalogue::write::search_terms_for;
use crate::catalogue::{repo as catalogue_repo, write as catalogue_write};
use crate::db::schema::{product_images, product_translations, products, search_terms};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::money::{Currency, Money, Rates, Rounding};
use crate::search::Analyzer;
use crate::shops::model::MerchantRow;
use crate::variants::write::{self as variant_write, Simple};

use super::product_input::{ValidProduct, MAX_SKU};
pub use super::product_list::{list, ListFilter, ListSort, ListedProduct, LIST_PAGE_SIZE};
use crate::http::forms::FormErrors;

/// One of the shop's products, or 404.
pub fn owned(conn: &mut DbConnection, shop_id: i64, id: i64) -> AppResult<ProductRow> {
    products::table
        .filter(products::id.eq(id))
        .filter(products::merchant_id.eq(shop_id))
        .select(ProductRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(AppError::not_found)
}

/// Whether `sku` is taken by another of the shop's products.
fn sku_taken(
    conn: &mut DbConnection,
    shop_id: i64,
    sku: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let found: Option<i64> = products::table
        .filter(products::merchant_id.eq(shop_id))
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(conn)
        .optional()?;
    if found.is_some_and(|id| Some(id) != except) {
        return Ok(true);
    }
    // A variant of another product may carry it too (a product without options sells under its own SKU).
    Ok(crate::variants::repo::by_sku(conn, shop_id, sku)?
        .is_some_and(|v| Some(v.product_id) != except))
}

/// Shared context for writes: the current rates (for the base price used by sorting and filters) and the
/// search analyzer.
pub struct WriteCtx<'a> {
    pub rates: &'a Rates,
    pub analyzer: &'a Analyzer,
    pub now: PrimitiveDateTime,
}

/// Creates (`id` = None) or updates one of the shop's products; a SKU clash is a field error.
pub fn save(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    id: Option<i64>,
    v: &ValidProduct,
    w: &WriteCtx<'_>,
) -> AppResult<Result<i64, FormErrors>> {
    crate::db::write_tx(conn, |c| {
        if let Some(id) = id {
            owned(c, shop.id, id)?;
        }
        if sku_taken(c, shop.id, &v.sku, id)? {
            let mut e = FormErrors::default();
            e.add("sku", "product-sku-taken");
            return Ok(Err(e));
        }
        Ok(Ok(write_product(c, shop, id, v, w)?))
    })
}

fn currency_of(shop: &MerchantRow) -> Currency {
    Currency::parse(&shop.currency).unwrap_or(Currency::BASE)
}

/// The price in the base currency (for sorting and price filters) at the current rates.
fn base_price(shop: &MerchantRow, v: &ValidProduct, w: &WriteCtx<'_>) -> i64 {
    base_of(shop, w, v.price_minor)
}

/// A price of the shop's converted to the base currency (half up), as sorting and price filters read it.
pub fn base_of(shop: &MerchantRow, w: &WriteCtx<'_>, minor: i64) -> i64 {
    w.rates
        .convert(
            Money::new(minor, currency_of(shop)),
            Currency::BASE,
            Rounding::HalfUp,
        )
        .map_or(minor, |m| m.minor)
}

fn simple_of<'a>(shop: &MerchantRow, id: i64, v: &'a ValidProduct) -> Simple<'a> {
    Simple {
        product_id: id,
        merchant_id: shop.id,
        sku: &v.sku,
        price_minor: v.price_minor,
        stock: v.stock,
        weight_grams: v.weight_grams,
    }
}

/// After a product row is written from the form: a product without options takes the form's SKU, price, stock
/// and weight into its one variant; one with options keeps its variants and its summary of them.
fn follow_variants(
    c: &mut DbConnection,
    shop: &MerchantRow,
    id: i64,
    v: &ValidProduct,
    w: &WriteCtx<'_>,
) -> QueryResult<()> {
    if variant_write::has_options(c, id)? {
        variant_write::rollup(c, id, |p| base_of(shop, w, p))
    } else {
        variant_write::set_simple(c, &simple_of(shop, id, v), w.now)
    }
}

fn listed(shop: &MerchantRow, v: &ValidProduct) -> bool {
    v.status.listed(shop.status)
}

fn new_row(
    shop: &MerchantRow,
    v: &ValidProduct,
    w: &WriteCtx<'_>,
) -> crate::catalogue::model::NewProduct {
    crate::catalogue::model::NewProduct {
        merchant_id: shop.id,
        category_id: v.category_id,
        sku: v.sku.clone(),
        price_minor: v.price_minor,
        currency: currency_of(shop).code().to_string(),
        base_price_minor: base_price(shop, v, w),
        stock: v.stock,
        status: v.status,
        listed: listed(shop, v),
        origin: shop.country.clone(),
        original_lang: v.original_lang.code().to_string(),
        weight_grams: v.weight_grams,
        created_at: w.now,
        updated_at: w.now,
    }
}

fn update_row(
    c: &mut DbConnection,
    shop: &MerchantRow,
    id: i64,
    v: &ValidProduct,
    w: &WriteCtx<'_>,
) -> QueryResult<usize> {
    diesel::update(products::table.find(id))
        .set((
            products::category_id.eq(v.category_id),
            products::sku.eq(&v.sku),
            products::price_minor.eq(v.price_minor),
            products::currency.eq(currency_of(shop).code()),
            products::base_price_minor.eq(base_price(shop, v, w)),
            products::stock.eq(v.stock),
            products::status.eq(v.status.as_str()),
            products::listed.eq(listed(shop, v)),
            products::original_lang.eq(v.original_lang.code()),
            products::weight_grams.eq(v.weight_grams),
            products::updated_at.eq(w.now),
        ))
        .execute(c)
}

fn text_rows(id: i64, v: &ValidProduct) -> Vec<ProductTranslation> {
    v.texts
        .iter()
        .map(|(l, title, description, slug)| ProductTranslation {
            product_id: id,
            locale: l.code().to_string(),
            title: title.clone(),
            description: description.clone(),
            slug: slug.clone(),
        })
        .collect()
}

fn terms_of(
    id: i64,
    v: &ValidProduct,
    w: &WriteCtx<'_>,
) -> Vec<crate::catalogue::model::SearchTerm> {
    let texts: Vec<(Locale, &str, &str)> = v
        .texts
        .iter()
        .map(|(l, t, d, _)| (*l, t.as_str(), d.as_str()))
        .collect();
    search_terms_for(w.analyzer, id, &texts)
}

/// The write itself (no ownership or SKU checks: callers do them), for one product from the form.
pub fn write_product(
    c: &mut DbConnection,
    shop: &MerchantRow,
    id: Option<i64>,
    v: &ValidProduct,
    w: &WriteCtx<'_>,
) -> QueryResult<i64> {
    let id = match id {
        Some(id) => {
            update_row(c, shop, id, v, w)?;
            follow_variants(c, shop, id, v, w)?;
            diesel::delete(
                product_translations::table.filter(product_translations::product_id.eq(id)),
            )
            .execute(c)?;
            catalogue_repo::delete_search_terms(c, id)?;
            id
        }
        None => {
            let id = diesel::insert_into(products::table)
                .values(&new_row(shop, v, w))
                .returning(products::id)
                .get_result(c)?;
            variant_write::add_simple(c, &[simple_of(shop, id, v)], w.now)?;
            id
        }
    };
    if let Some((hs_code, description)) = &v.customs {
        crate::catalogue::customs::set(c, id, hs_code, description)?;
    }
    let rows = text_rows(id, v);
    crate::on_backend!(c, |b| diesel::insert_into(product_translations::table)
        .values(&rows)
        .execute(b))?;
    if variant_write::has_options(c, id)? {
        catalogue_write::reindex_product(c, w.analyzer, id)?;
    } else {
        catalogue_repo::insert_search_terms(c, &terms_of(id, v, w))?;
    }
    Ok(id)
}

/// Rows per batch of a bulk write.
const BATCH: usize = 500;

/// Writes many products (CSV import) in batches: new products with one multi-row insert per batch, texts and
/// search terms likewise; only the updates of existing products go one statement each. Run it inside the
/// caller's transaction.
pub fn write_many(
    c: &mut DbConnection,
    shop: &MerchantRow,
    rows: &[(Option<i64>, ValidProduct)],
    w: &WriteCtx<'_>,
) -> QueryResult<()> {
    for chunk in rows.chunks(BATCH) {
        let updates: Vec<i64> = chunk.iter().filter_map(|(id, _)| *id).collect();
        for (id, v) in chunk {
            if let Some(id) = id {
                update_row(c, shop, *id, v, w)?;
                follow_variants(c, shop, *id, v, w)?;
            }
        }
        let fresh: Vec<crate::catalogue::model::NewProduct> = chunk
            .iter()
            .filter(|(id, _)| id.is_none())
            .map(|(_, v)| new_row(shop, v, w))
            .collect();
        if !fresh.is_empty() {
            crate::on_backend!(c, |b| diesel::insert_into(products::table)
                .values(&fresh)
                .execute(b))?;
        }
        let skus: Vec<&str> = fresh.iter().map(|p| p.sku.as_str()).collect();
        let new_ids: std::collections::HashMap<String, i64> = products::table
            .filter(products::merchant_id.eq(shop.id))
            .filter(products::sku.eq_any(&skus))
            .select((products::sku, products::id))
            .load::<(String, i64)>(c)?
            .into_iter()
            .collect();
        if !updates.is_empty() {
            diesel::delete(
                product_translations::table
                    .filter(product_translations::product_id.eq_any(&updates)),
            )
            .execute(c)?;
            diesel::delete(search_terms::table.filter(search_terms::product_id.eq_any(&updates)))
                .execute(c)?;
        }
        let simple: Vec<Simple<'_>> = chunk
            .iter()
            .filter(|(id, _)| id.is_none())
            .filter_map(|(_, v)| Some(simple_of(shop, *new_ids.get(&v.sku)?, v)))
            .collect();
        variant_write::add_simple(c, &simple, w.now)?;
        let mut texts = Vec::new();
        let mut terms = Vec::new();
        for (id, v) in chunk {
            let Some(id) = id.or_else(|| new_ids.get(&v.sku).copied()) else {
                continue;
            };
            texts.extend(text_rows(id, v));
            terms.extend(terms_of(id, v, w));
        }
        for part in texts.chunks(1000) {
            crate::on_backend!(c, |b| diesel::insert_into(product_translations::table)
                .values(part)
                .execute(b))?;
        }
        catalogue_repo::insert_search_terms(c, &terms)?;
    }
    Ok(())
}

/// Copies a product as a draft with a fresh SKU (`-copy`, `-copy-2`, …), its texts and its images.
pub fn duplicate(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    id: i64,
    w: &WriteCtx<'_>,
) -> AppResult<i64> {
    crate::db::write_tx(conn, |c| {
        let row = owned(c, shop.id, id)?;
        let texts = catalogue_repo::translations(c, id)?;
        let mut n = 1;
        let sku = loop {
            let base: String = row.sku.chars().take(MAX_SKU - 8).collect();
            let candidate = if n == 1 {
                format!("{base}-copy")
            } else {
                format!("{base}-copy-{n}")
            };
            if !sku_taken(c, shop.id, &candidate, None)? {
                break candidate;
            }
            n += 1;
        };
        let customs = crate::catalogue::customs::of_products(c, &[id])?
            .into_iter()
            .next()
            .map(|cu| (cu.hs_code, cu.description));
        let v = ValidProduct {
            customs,
            sku,
            category_id: row.category_id,
            status: ProductStatus::Draft,
            price_minor: row.price_minor,
            stock: row.stock,
            weight_grams: row.weight_grams,
            original_lang: Locale::parse(&row.original_lang).unwrap_or(Locale::FALLBACK),
            texts: texts
                .into_iter()
                .filter_map(|t| {
                    Locale::parse(&t.locale).map(|l| (l, t.title, t.description, t.slug))
                })
                .collect(),
        };
        let new_id = write_product(c, shop, None, &v, w)?;
        let images = catalogue_repo::images(c, id)?;
        let ids: Vec<i64> = images.iter().map(|i| i.id).collect();
        let alts = catalogue_repo::image_alts(c, &ids)?;
        let mut image_map: Vec<(i64, i64)> = Vec::new();
        for img in images {
            let texts: Vec<(Locale, &str)> = alts
                .iter()
                .filter(|a| a.image_id == img.id)
                .filter_map(|a| Locale::parse(&a.locale).map(|l| (l, a.alt.as_str())))
                .collect();
            let new_image = catalogue_write::add_image(
                c,
                new_id,
                img.position,
                &img.path,
                (img.width, img.height),
                &texts,
            )?;
            diesel::update(product_images::table.find(new_image))
                .set(product_images::thumb_path.eq(&img.thumb_path))
                .execute(c)?;
            image_map.push((img.id, new_image));
        }
        copy_variants(c, shop, (id, new_id), &image_map, w)?;
        Ok(new_id)
    })
}

/// A copy's options and variants: the same combinations, prices, stock and images, each SKU with `-copy`.
fn copy_variants(
    c: &mut DbConnection,
    shop: &MerchantRow,
    (from, to): (i64, i64),
    images: &[(i64, i64)],
    w: &WriteCtx<'_>,
) -> AppResult<()> {
    let options: Vec<i64> = crate::variants::repo::product_options(c, from)?
        .iter()
        .map(|o| o.option_id)
        .collect();
    if options.is_empty() {
        return Ok(());
    }
    let mut rows = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for v in crate::variants::repo::of_product(c, from)? {
        let base: String = v.sku.chars().take(MAX_SKU - 8).collect();
        let mut n = 1;
        let sku = loop {
            let candidate = if n == 1 {
                format!("{base}-copy")
            } else {
                format!("{base}-copy-{n}")
            };
            if !used.contains(&candidate) && !sku_taken(c, shop.id, &candidate, Some(to))? {
                break candidate;
            }
            n += 1;
        };
        used.push(sku.clone());
        rows.push(variant_write::VariantInput {
            values: v.values(),
            sku,
            price_minor: v.price_minor,
            stock: v.stock,
            weight_grams: v.weight_grams,
            active: v.active,
            image_id: v
                .image_id
                .and_then(|old| images.iter().find(|(o, _)| *o == old).map(|(_, n)| *n)),
        });
    }
    variant_write::replace(c, to, shop.id, &options, &rows, w.now)?;
    variant_write::rollup(c, to, |m| base_of(shop, w, m))?;
    catalogue_write::reindex_product(c, w.analyzer, to)?;
    Ok(())
}

/// Sets a product's status (archive, publish, back to draft) and its storefront visibility with it.
pub fn set_status(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    id: i64,
    status: ProductStatus,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    owned(conn, shop.id, id)?;
    let listed = status.listed(shop.status);
    diesel::update(products::table.find(id))
        .set((
            products::status.eq(status.as_str()),
            products::listed.eq(listed),
            products::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether a product appears on any order.
pub fn ever_ordered(conn: &mut DbConnection, id: i64) -> QueryResult<bool> {
    crate::orders::manage::product_ordered(conn, id)
}

/// Deletes a product that was never ordered (ordered ones can only be archived). Returns the media paths
/// no other image uses any more, for the caller to delete.
pub fn delete(
    conn: &mut DbConnection,
    shop: &MerchantRow,
    id: i64,
) -> AppResult<Result<Vec<String>, &'static str>> {
    crate::db::write_tx(conn, |c| {
        owned(c, shop.id, id)?;
        if ever_ordered(c, id)? {
            return Ok(Err("product-delete-ordered"));
        }
        let images = catalogue_repo::images(c, id)?;
        diesel::delete(search_terms::table.filter(search_terms::product_id.eq(id))).execute(c)?;
        diesel::delete(products::table.find(id)).execute(c)?;
        let mut orphans = Vec::new();
        for img in images {
            for p in [img.path, img.thumb_path] {
                if !p.is_empty() && !media_in_use(c, &p)? {
                    orphans.push(p);
                }
            }
        }
        Ok(Ok(orphans))
    })
}

/// Whether any image row still points at this file (duplicates share files).
pub fn media_in_use(conn: &mut DbConnection, path: &str) -> QueryResult<bool> {
    let n: i64 = product_images::table
        .filter(
            product_images::path
                .eq(path)
                .or(product_images::thumb_path.eq(path)),
        )
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

// ---------- the merchant's product list ----------

/// One of the shop's products with its images (and their alt texts) and its translations.
pub fn extras_data(
    conn: &mut DbConnection,
    shop_id: i64,
    id: i64,
) -> AppResult<super::product_views::ExtrasData> {
    Ok((
        owned(conn, shop_id, id)?,
        super::images::of_product(conn, shop_id, id)?,
        catalogue_repo::translations(conn, id)?,
        variant_write::has_options(conn, id)?,
    ))
}

/// Validates the product form (price in `locale`'s number format, a leaf category) and saves it as product
/// `id` of the shop (a new one for `None`): the id, or the errors; with the category tree the form shows.
pub fn save_form(
    c: &mut DbConnection,
    shop: &MerchantRow,
    id: Option<i64>,
    input: &super::product_input::ProductInput,
    locale: Locale,
    now: PrimitiveDateTime,
) -> AppResult<(
    Result<i64, FormErrors>,
    crate::categories::tree::CategoryTree,
)> {
    use super::product_input::{leaf_categories, validate, PriceSyntax};
    if let Some(id) = id {
        owned(c, shop.id, id)?;
    }
    let tree = crate::catalogue::service::tree_now(c)?;
    let leaves = leaf_categories(&tree);
    let resolve = |v: &str| v.parse::<i64>().ok().filter(|id| leaves.contains(id));
    let result = match validate(
        input,
        currency_of(shop),
        PriceSyntax::Locale(locale),
        resolve,
    ) {
        Ok(v) => {
            let rates = crate::catalogue::service::rates_at(c, now)?;
            let w = WriteCtx {
                rates: &rates,
                analyzer: &Analyzer::new(),
                now,
            };
            save(c, shop, id, &v, &w)?
        }
        Err(e) => Err(e),
    };
    Ok((result, tree))
}

/// One of the shop's products with its translations and customs data, and the category tree, for its edit form.
pub fn editing(
    c: &mut DbConnection,
    shop_id: i64,
    id: i64,
) -> AppResult<(
    ProductRow,
    Vec<ProductTranslation>,
    crate::categories::tree::CategoryTree,
    Option<crate::catalogue::customs::Customs>,
)> {
    let row = owned(c, shop_id, id)?;
    let texts = catalogue_repo::translations(c, id)?;
    let customs = crate::catalogue::customs::of_products(c, &[id])?
        .into_iter()
        .next();
    Ok((row, texts, crate::catalogue::service::tree_now(c)?, customs))
}
