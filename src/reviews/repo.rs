//! The reviews' tables: reviews, their photos and reports, and the rating aggregates recounted from them.

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{ReviewRow, Stars, Status, PER_PAGE};
use crate::db::schema::{
    product_ratings, products, review_photos, review_reports, reviews, shop_ratings,
};
use crate::db::DbConnection;

/// A review as written, with what it snapshots of the order.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reviews)]
pub struct NewReview {
    pub product_id: i64,
    pub merchant_id: i64,
    pub user_id: i64,
    pub order_line_id: Option<i64>,
    pub product_title: String,
    pub rating: i32,
    pub title: String,
    pub body: String,
    pub lang: String,
    pub country: String,
    pub author: String,
    pub variant_label: String,
    pub status: String,
    pub hidden_reason: String,
    pub reports: i32,
    pub reply: String,
    pub reply_lang: String,
    pub replied_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
}

/// A stored photo of a review.
#[derive(Debug, Clone, Queryable)]
pub struct PhotoRow {
    pub review_id: i64,
    pub path: String,
    pub thumb_path: String,
    pub width: i32,
    pub height: i32,
}

pub fn insert(conn: &mut DbConnection, r: &NewReview) -> QueryResult<i64> {
    diesel::insert_into(reviews::table)
        .values(r)
        .execute(conn)?;
    reviews::table
        .filter(reviews::user_id.eq(r.user_id))
        .filter(reviews::product_id.eq(r.product_id))
        .select(reviews::id)
        .first(conn)
}

/// Records stored photos (path, thumbnail, width, height) of review `id` in order.
pub fn insert_photos(
    conn: &mut DbConnection,
    id: i64,
    photos: &[(String, String, i32, i32)],
) -> QueryResult<usize> {
    for ((path, thumb, w, h), position) in photos.iter().zip(0..) {
        diesel::insert_into(review_photos::table)
            .values((
                review_photos::review_id.eq(id),
                review_photos::position.eq(position),
                review_photos::path.eq(path),
                review_photos::thumb_path.eq(thumb),
                review_photos::width.eq(w),
                review_photos::height.eq(h),
            ))
            .execute(conn)?;
    }
    Ok(photos.len())
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<ReviewRow>> {
    reviews::table
        .find(id)
        .select(ReviewRow::as_select())
        .first(conn)
        .optional()
}

/// Recounts product `product_id`'s and shop `merchant_id`'s ratings from their visible reviews (call inside the
/// transaction that changed a review, so the aggregates are never off).
pub fn recount(conn: &mut DbConnection, product_id: i64, merchant_id: i64) -> QueryResult<Stars> {
    // Two recounts of one shop at once run one after the other: SQLite's write transaction already does; on
    // PostgreSQL the shop's row is locked, so each reads the other's committed review and neither row is lost.
    if let DbConnection::Pg(pg) = conn {
        crate::db::schema::merchants::table
            .find(merchant_id)
            .select(crate::db::schema::merchants::id)
            .for_update()
            .first::<i64>(pg)
            .optional()?;
    }
    let visible = Status::Visible.as_str();
    let ratings: Vec<i32> = reviews::table
        .filter(reviews::product_id.eq(product_id))
        .filter(reviews::status.eq(visible))
        .select(reviews::rating)
        .load(conn)?;
    let s = Stars::of(&ratings);
    diesel::delete(product_ratings::table.find(product_id)).execute(conn)?;
    diesel::insert_into(product_ratings::table)
        .values((
            product_ratings::product_id.eq(product_id),
            product_ratings::count.eq(s.count),
            product_ratings::sum.eq(s.sum),
            product_ratings::score.eq(s.score()),
            product_ratings::stars1.eq(s.bars[0]),
            product_ratings::stars2.eq(s.bars[1]),
            product_ratings::stars3.eq(s.bars[2]),
            product_ratings::stars4.eq(s.bars[3]),
            product_ratings::stars5.eq(s.bars[4]),
        ))
        .execute(conn)?;
    let (tenths, score) = s.rank();
    diesel::update(products::table.find(product_id))
        .set((
            products::rating_tenths.eq(tenths),
            products::rating_score.eq(score),
        ))
        .execute(conn)?;
    let shop: Vec<i32> = reviews::table
        .filter(reviews::merchant_id.eq(merchant_id))
        .filter(reviews::status.eq(visible))
        .select(reviews::rating)
        .load(conn)?;
    let t = Stars::of(&shop);
    diesel::delete(shop_ratings::table.find(merchant_id)).execute(conn)?;
    diesel::insert_into(shop_ratings::table)
        .values((
            shop_ratings::merchant_id.eq(merchant_id),
            shop_ratings::count.eq(t.count),
            shop_ratings::sum.eq(t.sum),
        ))
        .execute(conn)?;
    Ok(s)
}

/// Product `product_id`'s stored aggregate (none before its first review).
pub fn stars_of(conn: &mut DbConnection, product_id: i64) -> QueryResult<Stars> {
    let row: Option<(i32, i32, i32, i32, i32, i32, i32)> = product_ratings::table
        .find(product_id)
        .select((
            product_ratings::count,
            product_ratings::sum,
            product_ratings::stars1,
            product_ratings::stars2,
            product_ratings::stars3,
            product_ratings::stars4,
            product_ratings::stars5,
        ))
        .first(conn)
        .optional()?;
    Ok(
        row.map_or_else(Stars::default, |(count, sum, a, b, c, d, e)| Stars {
            count,
            sum,
            bars: [a, b, c, d, e],
        }),
    )
}

/// (product id, count, sum) of the rated ones among `ids`.
pub fn ratings_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<(i64, i32, i32)>> {
    product_ratings::table
        .filter(product_ratings::product_id.eq_any(ids))
        .filter(product_ratings::count.gt(0))
        .select((
            product_ratings::product_id,
            product_ratings::count,
            product_ratings::sum,
        ))
        .load(conn)
}

/// Shop `merchant_id`'s (count, sum).
pub fn shop_stars(conn: &mut DbConnection, merchant_id: i64) -> QueryResult<(i32, i32)> {
    Ok(shop_ratings::table
        .find(merchant_id)
        .select((shop_ratings::count, shop_ratings::sum))
        .first(conn)
        .optional()?
        .unwrap_or((0, 0)))
}

/// Which reviews a listing shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this many stars.
    pub stars: Option<i32>,
    pub with_photos: bool,
    /// Only this language.
    pub lang: Option<String>,
}

impl Filter {
    /// The filter and page (from 1) of a reviews page's query string; values that mean nothing are ignored.
    pub fn parse(query: &str) -> (Filter, i64) {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim());
        let f = Filter {
            stars: get("stars")
                .and_then(|s| s.parse().ok())
                .filter(|s| (1..=5).contains(s)),
            with_photos: get("photos") == Some("1"),
            lang: get("lang")
                .and_then(crate::i18n::Locale::parse)
                .map(|l| l.code().to_string()),
        };
        let page = get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .filter(|p| (1..=10_000).contains(p))
            .unwrap_or(1);
        (f, page)
    }
}

/// Page `page` (from 1) of product `product_id`'s visible reviews under `f`, `first_lang`'s first and then the
/// newest; and how many there are in all.
pub fn page_of(
    conn: &mut DbConnection,
    product_id: i64,
    f: &Filter,
    first_lang: &str,
    page: i64,
) -> QueryResult<(Vec<ReviewRow>, i64)> {
    let query = || {
        let mut q = reviews::table
            .filter(reviews::product_id.eq(product_id))
            .filter(reviews::status.eq(Status::Visible.as_str()))
            .into_boxed();
        if let Some(s) = f.stars {
            q = q.filter(reviews::rating.eq(s));
        }
        if let Some(l) = &f.lang {
            q = q.filter(reviews::lang.eq(l.clone()));
        }
        if f.with_photos {
            q = q.filter(reviews::id.eq_any(review_photos::table.select(review_photos::review_id)));
        }
        q
    };
    let total: i64 = query().select(count_star()).first(conn)?;
    let rows = query()
        .order((
            reviews::lang.eq(first_lang.to_string()).desc(),
            reviews::created_at.desc(),
            reviews::id.desc(),
        ))
        .limit(PER_PAGE)
        .offset((page.max(1) - 1).saturating_mul(PER_PAGE))
        .select(ReviewRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The languages product `product_id`'s visible reviews are written in, with how many of each.
pub fn langs_of(conn: &mut DbConnection, product_id: i64) -> QueryResult<Vec<(String, i64)>> {
    reviews::table
        .filter(reviews::product_id.eq(product_id))
        .filter(reviews::status.eq(Status::Visible.as_str()))
        .group_by(reviews::lang)
        .select((reviews::lang, count_star()))
        .order(reviews::lang)
        .load(conn)
}

/// Photos of `ids`, in order.
pub fn photos_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<PhotoRow>> {
    review_photos::table
        .filter(review_photos::review_id.eq_any(ids))
        .order((review_photos::review_id, review_photos::position))
        .select((
            review_photos::review_id,
            review_photos::path,
            review_photos::thumb_path,
            review_photos::width,
            review_photos::height,
        ))
        .load(conn)
}

/// Sets the shop's public reply to review `id` (only when the review is about shop `merchant_id`'s product).
pub fn set_reply(
    conn: &mut DbConnection,
    (id, merchant_id): (i64, i64),
    text: &str,
    lang: &str,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        reviews::table
            .filter(reviews::id.eq(id))
            .filter(reviews::merchant_id.eq(merchant_id)),
    )
    .set((
        reviews::reply.eq(text),
        reviews::reply_lang.eq(lang),
        reviews::replied_at.eq(Some(now)),
    ))
    .execute(conn)
}

/// Records account `user_id`'s report of review `id`: false when it had reported it already.
pub fn report(
    conn: &mut DbConnection,
    id: i64,
    user_id: i64,
    reason: &str,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let already: i64 = review_reports::table
        .filter(review_reports::review_id.eq(id))
        .filter(review_reports::user_id.eq(user_id))
        .select(count_star())
        .first(conn)?;
    if already > 0 {
        return Ok(false);
    }
    // Two reports at once: the key refuses the second (in a savepoint, so the transaction stays usable).
    let inserted = crate::db::write_tx(conn, |c| {
        diesel::insert_into(review_reports::table)
            .values((
                review_reports::review_id.eq(id),
                review_reports::user_id.eq(user_id),
                review_reports::reason.eq(reason),
                review_reports::created_at.eq(now),
            ))
            .execute(c)
    });
    match inserted {
        Ok(_) => {}
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => return Ok(false),
        Err(e) => return Err(e),
    }
    diesel::update(reviews::table.find(id))
        .set(reviews::reports.eq(reviews::reports + 1))
        .execute(conn)?;
    Ok(true)
}

/// The reasons given in review `id`'s reports, newest first.
pub fn report_reasons(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<String>> {
    review_reports::table
        .filter(review_reports::review_id.eq(id))
        .order(review_reports::created_at.desc())
        .select(review_reports::reason)
        .load(conn)
}

pub fn set_status(
    conn: &mut DbConnection,
    id: i64,
    status: Status,
    reason: &str,
) -> QueryResult<usize> {
    diesel::update(reviews::table.find(id))
        .set((
            reviews::status.eq(status.as_str()),
            reviews::hidden_reason.eq(reason),
        ))
        .execute(conn)
}

/// Shop `merchant_id`'s reviews, newest first (hidden ones included, marked), at most `limit`.
pub fn of_shop(
    conn: &mut DbConnection,
    merchant_id: i64,
    limit: i64,
) -> QueryResult<Vec<ReviewRow>> {
    reviews::table
        .filter(reviews::merchant_id.eq(merchant_id))
        .order((reviews::created_at.desc(), reviews::id.desc()))
        .limit(limit)
        .select(ReviewRow::as_select())
        .load(conn)
}

/// The moderation queue: reported reviews still visible (most reported first), then hidden ones (newest first).
pub fn queue(conn: &mut DbConnection, hidden: bool, limit: i64) -> QueryResult<Vec<ReviewRow>> {
    let q = reviews::table.select(ReviewRow::as_select()).limit(limit);
    if hidden {
        q.filter(reviews::status.eq(Status::Hidden.as_str()))
            .order((reviews::created_at.desc(), reviews::id.desc()))
            .load(conn)
    } else {
        q.filter(reviews::status.eq(Status::Visible.as_str()))
            .filter(reviews::reports.gt(0))
            .order((reviews::reports.desc(), reviews::id.desc()))
            .load(conn)
    }
}
