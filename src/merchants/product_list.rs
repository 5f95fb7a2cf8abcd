//! A shop's product list in the merchant area: search in any language, filters by status and missing
//! translations, sorts, pages.

use diesel::prelude::*;

use crate::catalogue::model::{ProductRow, ProductStatus, ProductTranslation};
use crate::catalogue::repo as catalogue_repo;
use crate::db::schema::{product_translations, products, search_terms};
use crate::db::{Db, DbConnection};
use crate::i18n::Locale;
use crate::search::Analyzer;

pub const LIST_PAGE_SIZE: i64 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSort {
    Updated,
    Newest,
    PriceAsc,
    PriceDesc,
    StockAsc,
}

impl ListSort {
    pub const ALL: [ListSort; 5] = [
        ListSort::Updated,
        ListSort::Newest,
        ListSort::PriceAsc,
        ListSort::PriceDesc,
        ListSort::StockAsc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ListSort::Updated => "updated",
            ListSort::Newest => "newest",
            ListSort::PriceAsc => "price_asc",
            ListSort::PriceDesc => "price_desc",
            ListSort::StockAsc => "stock_asc",
        }
    }

    pub fn parse(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .unwrap_or(ListSort::Updated)
    }
}

#[derive(Debug, Clone)]
pub struct ListFilter {
    pub q: String,
    pub status: Option<ProductStatus>,
    pub missing: Option<Locale>,
    pub sort: ListSort,
    pub page: i64,
}

/// One row of the merchant's list.
pub struct ListedProduct {
    pub row: ProductRow,
    pub texts: Vec<ProductTranslation>,
    pub thumb: Option<String>,
}

fn filtered<'a>(
    shop_id: i64,
    f: &'a ListFilter,
    matched: Option<&'a [i64]>,
) -> products::BoxedQuery<'a, Db> {
    let mut q = products::table
        .filter(products::merchant_id.eq(shop_id))
        .into_boxed();
    if let Some(s) = f.status {
        q = q.filter(products::status.eq(s.as_str()));
    }
    if let Some(l) = f.missing {
        q = q.filter(
            products::id.ne_all(
                product_translations::table
                    .filter(product_translations::locale.eq(l.code()))
                    .select(product_translations::product_id),
            ),
        );
    }
    if let Some(ids) = matched {
        q = q.filter(products::id.eq_any(ids).or(products::sku.eq(f.q.trim())));
    }
    q
}

/// Products matching every word of `q` in any language (through the search index), within the shop.
fn text_matches(
    conn: &mut DbConnection,
    shop_id: i64,
    analyzer: &Analyzer,
    q: &str,
    ui: Locale,
) -> QueryResult<Vec<i64>> {
    let mut result: Option<Vec<i64>> = None;
    for group in analyzer.query_terms(q, ui) {
        let mut ids: Vec<i64> = search_terms::table
            .inner_join(products::table)
            .filter(products::merchant_id.eq(shop_id))
            .filter(search_terms::term.eq_any(&group))
            .select(search_terms::product_id)
            .distinct()
            .load(conn)?;
        ids.sort_unstable();
        result = Some(match result {
            None => ids,
            Some(prev) => prev
                .into_iter()
                .filter(|id| ids.binary_search(id).is_ok())
                .collect(),
        });
    }
    Ok(result.unwrap_or_default())
}

/// One page of the shop's products and the total matching the filter.
pub fn list(
    conn: &mut DbConnection,
    shop_id: i64,
    f: &ListFilter,
    analyzer: &Analyzer,
    ui: Locale,
) -> QueryResult<(Vec<ListedProduct>, i64)> {
    let matched = if f.q.trim().is_empty() {
        None
    } else {
        Some(text_matches(conn, shop_id, analyzer, &f.q, ui)?)
    };
    let total: i64 = filtered(shop_id, f, matched.as_deref())
        .count()
        .get_result(conn)?;
    let mut q = filtered(shop_id, f, matched.as_deref());
    q = match f.sort {
        ListSort::Updated => q.order((products::updated_at.desc(), products::id.desc())),
        ListSort::Newest => q.order((products::created_at.desc(), products::id.desc())),
        ListSort::PriceAsc => q.order((products::price_minor.asc(), products::id.asc())),
        ListSort::PriceDesc => q.order((products::price_minor.desc(), products::id.desc())),
        ListSort::StockAsc => q.order((products::stock.asc(), products::id.asc())),
    };
    let rows: Vec<ProductRow> = q
        .limit(LIST_PAGE_SIZE)
        .offset((f.page.max(1) - 1) * LIST_PAGE_SIZE)
        .select(ProductRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let texts: Vec<ProductTranslation> = product_translations::table
        .filter(product_translations::product_id.eq_any(&ids))
        .select(ProductTranslation::as_select())
        .load(conn)?;
    let covers = catalogue_repo::cover_images(conn, &ids)?;
    let out = rows
        .into_iter()
        .map(|row| ListedProduct {
            texts: texts
                .iter()
                .filter(|t| t.product_id == row.id)
                .cloned()
                .collect(),
            thumb: covers
                .iter()
                .find(|c| c.product_id == row.id)
                .map(|c| c.card_path().to_string()),
            row,
        })
        .collect();
    Ok((out, total))
}
