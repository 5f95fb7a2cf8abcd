//! Writing the catalogue: keeping the search index in step with translations.

use std::collections::HashMap;

use super::model::SearchTerm;
use super::repo;
use crate::db::DbConnection;
use crate::i18n::Locale;
use crate::search::Analyzer;

/// Search terms of one product from its translations (locale, title, description).
pub fn search_terms_for(
    analyzer: &Analyzer,
    product_id: i64,
    texts: &[(Locale, &str, &str)],
) -> Vec<SearchTerm> {
    let mut weights: HashMap<String, i32> = HashMap::new();
    for (l, title, description) in texts {
        analyzer.index_terms(*l, title, description, &mut weights);
    }
    let mut out: Vec<SearchTerm> = weights
        .into_iter()
        .map(|(term, weight)| SearchTerm {
            term,
            product_id,
            weight,
        })
        .collect();
    out.sort_by(|a, b| a.term.cmp(&b.term));
    out
}

/// Per language, the names of a product's options and of the values its variants on sale have ("Taglia 38 39
/// Colore Rosso Nero"), so a search for "kırmızı elbise" or "scarpe 40" finds it in any language.
pub fn option_texts(
    conn: &mut DbConnection,
    product_id: i64,
    known: Option<&crate::variants::OptionTexts>,
) -> diesel::QueryResult<Vec<(Locale, String)>> {
    let options = crate::variants::repo::product_options(conn, product_id)?;
    if options.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = options.iter().map(|o| o.option_id).collect();
    // Names already read for many products (an import) serve when they cover this product's options.
    let loaded;
    let texts = match known.filter(|t| ids.iter().all(|id| t.option(*id).is_some())) {
        Some(t) => t,
        None => {
            loaded = crate::variants::repo::texts(conn, &ids)?;
            &loaded
        }
    };
    let mut used: Vec<i64> = crate::variants::repo::of_product(conn, product_id)?
        .iter()
        .filter(|v| v.active)
        .flat_map(|v| v.values())
        .collect();
    used.sort_unstable();
    used.dedup();
    Ok(Locale::ALL
        .iter()
        .map(|l| {
            let mut words: Vec<String> = Vec::new();
            for o in &options {
                words.extend(texts.option_name_in(o.option_id, *l).map(str::to_string));
                words.extend(
                    texts
                        .values_of(o.option_id)
                        .filter(|v| used.contains(&v.id))
                        .filter_map(|v| texts.value_name_in(v.id, *l).map(str::to_string)),
                );
            }
            (*l, words.join(" "))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect())
}

/// Rebuilds the search terms of one product from its stored translations and its options' names (call after
/// any text or variant change).
pub fn reindex_product(
    conn: &mut DbConnection,
    analyzer: &Analyzer,
    product_id: i64,
) -> diesel::QueryResult<()> {
    reindex_product_with(conn, analyzer, product_id, None)
}

/// [`reindex_product`] with option names already read (an import's).
pub fn reindex_product_with(
    conn: &mut DbConnection,
    analyzer: &Analyzer,
    product_id: i64,
    known: Option<&crate::variants::OptionTexts>,
) -> diesel::QueryResult<()> {
    let translations = repo::translations(conn, product_id)?;
    let options = option_texts(conn, product_id, known)?;
    let mut texts: Vec<(Locale, &str, &str)> = translations
        .iter()
        .filter_map(|t| {
            Locale::parse(&t.locale).map(|l| (l, t.title.as_str(), t.description.as_str()))
        })
        .collect();
    // Option words weigh as a description's (a size is not what the product is).
    texts.extend(options.iter().map(|(l, words)| (*l, "", words.as_str())));
    let terms = search_terms_for(analyzer, product_id, &texts);
    repo::delete_search_terms(conn, product_id)?;
    repo::insert_search_terms(conn, &terms)?;
    Ok(())
}

/// Everything needed to create a product with its translations.
pub struct ProductDraft<'a> {
    pub merchant_id: i64,
    pub category_id: i64,
    pub sku: String,
    pub price: crate::money::Money,
    pub stock: i32,
    pub status: super::model::ProductStatus,
    pub origin: crate::geo::CountryCode,
    pub original_lang: Locale,
    pub weight_grams: Option<i32>,
    pub created_at: time::PrimitiveDateTime,
    /// (locale, title, description)
    pub texts: Vec<(Locale, &'a str, &'a str)>,
}

/// A URL slug from a title in any script (transliterated to ASCII).
pub fn slugify(text: &str) -> String {
    let s: String = slug::slugify(text).chars().take(80).collect();
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "item".to_string()
    } else {
        s
    }
}

/// Lists or unlists every product of a shop after a decision on the shop (the "listed" rule of
/// [`super::model::ProductStatus::listed`], in SQL for the whole shop at once).
pub fn relist_shop(
    conn: &mut DbConnection,
    merchant_id: i64,
    shop_status: crate::shops::model::MerchantStatus,
) -> diesel::QueryResult<usize> {
    use diesel::prelude::*;

    use super::model::ProductStatus;
    use crate::db::schema::products;

    let of_shop = products::table.filter(products::merchant_id.eq(merchant_id));
    if shop_status == crate::shops::model::MerchantStatus::Approved {
        diesel::update(of_shop)
            .set(products::listed.eq(products::status.eq(ProductStatus::Active)))
            .execute(conn)
    } else {
        diesel::update(of_shop)
            .set(products::listed.eq(false))
            .execute(conn)
    }
}

/// Creates a product, its translations and its search terms; listed by the rule of
/// [`super::model::ProductStatus::listed`] (active, in an approved shop).
pub fn create_product(
    conn: &mut DbConnection,
    analyzer: &Analyzer,
    rates: &crate::money::Rates,
    d: &ProductDraft<'_>,
) -> diesel::QueryResult<i64> {
    use diesel::prelude::*;

    use super::model::{NewProduct, ProductTranslation};
    use crate::db::schema::{merchants, product_translations, products};
    use crate::money::{Currency, Rounding};

    let shop_status: crate::shops::model::MerchantStatus = merchants::table
        .find(d.merchant_id)
        .select(merchants::status)
        .first(conn)?;

    let base = rates
        .convert(d.price, Currency::BASE, Rounding::HalfUp)
        .map(|m| m.minor)
        .unwrap_or(d.price.minor);
    let id: i64 = diesel::insert_into(products::table)
        .values(&NewProduct {
            merchant_id: d.merchant_id,
            category_id: d.category_id,
            sku: d.sku.clone(),
            price_minor: d.price.minor,
            currency: d.price.currency.code().to_string(),
            base_price_minor: base,
            stock: d.stock,
            status: d.status,
            listed: d.status.listed(shop_status),
            origin: d.origin.as_str().to_string(),
            original_lang: d.original_lang.code().to_string(),
            weight_grams: d.weight_grams,
            created_at: d.created_at,
            updated_at: d.created_at,
        })
        .returning(products::id)
        .get_result(conn)?;
    crate::variants::write::add_simple(
        conn,
        &[crate::variants::write::Simple {
            product_id: id,
            merchant_id: d.merchant_id,
            sku: &d.sku,
            price_minor: d.price.minor,
            stock: d.stock,
            weight_grams: d.weight_grams,
        }],
        d.created_at,
    )?;
    for (l, title, description) in &d.texts {
        diesel::insert_into(product_translations::table)
            .values(&ProductTranslation {
                product_id: id,
                locale: l.code().to_string(),
                title: (*title).to_string(),
                description: (*description).to_string(),
                slug: slugify(title),
            })
            .execute(conn)?;
    }
    repo::insert_search_terms(conn, &search_terms_for(analyzer, id, &d.texts))?;
    Ok(id)
}

/// Adds an image (a path under the media directory) with alt text per locale.
pub fn add_image(
    conn: &mut DbConnection,
    product_id: i64,
    position: i32,
    path: &str,
    size: (i32, i32),
    alts: &[(Locale, &str)],
) -> diesel::QueryResult<i64> {
    use diesel::prelude::*;

    use super::model::{ImageAlt, NewImage};
    use crate::db::schema::{product_image_translations, product_images};

    let image_id: i64 = diesel::insert_into(product_images::table)
        .values(&NewImage {
            product_id,
            position,
            path: path.to_string(),
            width: size.0,
            height: size.1,
            thumb_path: String::new(),
        })
        .returning(product_images::id)
        .get_result(conn)?;
    for (l, alt) in alts {
        diesel::insert_into(product_image_translations::table)
            .values(&ImageAlt {
                image_id,
                locale: l.code().to_string(),
                alt: (*alt).to_string(),
            })
            .execute(conn)?;
    }
    Ok(image_id)
}

/// Whether goods of a category (and its subcategories) take the reduced VAT rate.
pub fn set_reduced_vat(
    conn: &mut DbConnection,
    category_id: i64,
    reduced: bool,
) -> diesel::QueryResult<usize> {
    use crate::db::schema::categories;
    use diesel::prelude::*;
    diesel::update(categories::table.find(category_id))
        .set(categories::reduced_vat.eq(reduced))
        .execute(conn)
}

/// Creates a category with names in the given locales (slugs derived from the names).
pub fn create_category(
    conn: &mut DbConnection,
    key: &str,
    parent_id: Option<i64>,
    position: i32,
    names: &[(Locale, &str)],
) -> diesel::QueryResult<i64> {
    use diesel::prelude::*;

    use crate::categories::model::{CategoryTranslation, NewCategory};
    use crate::db::schema::{categories, category_translations};

    let id: i64 = diesel::insert_into(categories::table)
        .values(&NewCategory {
            parent_id,
            position,
            key: key.to_string(),
            hidden: false,
        })
        .returning(categories::id)
        .get_result(conn)?;
    for (l, name) in names {
        diesel::insert_into(category_translations::table)
            .values(&CategoryTranslation {
                category_id: id,
                locale: l.code().to_string(),
                name: (*name).to_string(),
                slug: slugify(name),
            })
            .execute(conn)?;
    }
    Ok(id)
}

/// Records an exchange rate (units per one base unit, in micros) in force from `from`.
pub fn set_rate(
    conn: &mut DbConnection,
    currency: crate::money::Currency,
    per_base_micros: i64,
    from: time::PrimitiveDateTime,
) -> diesel::QueryResult<()> {
    use diesel::prelude::*;

    use super::model::RateRow;
    use crate::db::schema::exchange_rates;

    diesel::insert_into(exchange_rates::table)
        .values(&RateRow {
            currency: currency.code().to_string(),
            per_base_micros,
            effective_from: from,
        })
        .execute(conn)?;
    Ok(())
}
