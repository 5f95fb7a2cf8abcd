//! Reviews as pages show them: a product's summary and first reviews, a page of them under filters.

use time::PrimitiveDateTime;

use super::model::{ReviewRow, Stars};
use super::repo::{self, Filter, PhotoRow};
use crate::db::DbConnection;
use crate::error::AppResult;

/// One review with its photos.
#[derive(Debug, Clone)]
pub struct Item {
    pub row: ReviewRow,
    pub photos: Vec<PhotoRow>,
}

impl Item {
    pub fn created(&self) -> PrimitiveDateTime {
        self.row.created_at
    }
}

/// A product's reviews as a page shows them.
#[derive(Debug, Clone, Default)]
pub struct Reviews {
    pub stars: Stars,
    pub items: Vec<Item>,
    /// How many match the filter (all visible ones without one).
    pub total: i64,
    /// Languages written in, with counts.
    pub langs: Vec<(String, i64)>,
}

fn with_photos(conn: &mut DbConnection, rows: Vec<ReviewRow>) -> AppResult<Vec<Item>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let photos = repo::photos_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| Item {
            photos: photos
                .iter()
                .filter(|p| p.review_id == row.id)
                .cloned()
                .collect(),
            row,
        })
        .collect())
}

/// Page `page` of product `product_id`'s reviews under `f`, in `lang` first.
pub fn page(
    conn: &mut DbConnection,
    product_id: i64,
    f: &Filter,
    lang: &str,
    page: i64,
) -> AppResult<Reviews> {
    let stars = repo::stars_of(conn, product_id)?;
    let (rows, total) = repo::page_of(conn, product_id, f, lang, page)?;
    Ok(Reviews {
        stars,
        items: with_photos(conn, rows)?,
        total,
        langs: repo::langs_of(conn, product_id)?,
    })
}

/// What a product page shows: the summary and the first `n` reviews, in `lang` first.
pub fn for_product(
    conn: &mut DbConnection,
    product_id: i64,
    lang: &str,
    n: usize,
) -> AppResult<Reviews> {
    let mut r = page(conn, product_id, &Filter::default(), lang, 1)?;
    r.items.truncate(n);
    Ok(r)
}

/// (count, sum) of each rated product among `ids`, for cards.
pub fn ratings(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<(i64, i32, i32)>> {
    Ok(repo::ratings_of(conn, ids)?)
}

/// Shop `merchant_id`'s (count, sum).
pub fn shop(conn: &mut DbConnection, merchant_id: i64) -> AppResult<(i32, i32)> {
    Ok(repo::shop_stars(conn, merchant_id)?)
}

/// Which of `products` account `user_id` has reviewed.
pub fn reviewed(conn: &mut DbConnection, user_id: i64, products: &[i64]) -> AppResult<Vec<i64>> {
    Ok(super::eligibility::reviewed(conn, user_id, products)?)
}
