//! Writing a review: the form checked, the photos through the image pipeline, and in one transaction the
//! eligibility checked again, the review and its photos recorded and the ratings recounted.

use time::PrimitiveDateTime;

use super::eligibility::{self, Bought};
use super::form::{ReviewForm, Valid};
use super::model::{author_of, Refusal, Status, MAX_PHOTOS};
use super::repo::{self, NewReview};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::forms::FormErrors;
use crate::http::state::AppState;
use crate::http::upload::Upload;
use crate::media::{self, UploadError, PRODUCT_SIZES};

/// What became of a submitted review.
pub enum Submitted {
    /// Recorded: the product's id.
    Saved(i64),
    /// The form as typed, with a message per field.
    Invalid(ReviewForm, FormErrors),
    /// The line cannot be reviewed.
    Refused(Refusal),
}

/// The line account `user_id` wants to review, if it may.
pub async fn line(
    state: &AppState,
    user_id: i64,
    line_id: i64,
) -> AppResult<Result<Bought, Refusal>> {
    state
        .db(move |c| Ok(eligibility::check(c, user_id, line_id)?))
        .await
}

/// Processes up to [`MAX_PHOTOS`] `photos` files: the processed images, or the problem to show.
async fn photos(
    state: &AppState,
    up: Upload,
) -> AppResult<Result<Vec<media::Processed>, &'static str>> {
    let files: Vec<_> = up
        .files
        .into_iter()
        .filter(|f| f.field == "photos")
        .collect();
    if files.len() > MAX_PHOTOS {
        return Ok(Err("review-too-many-photos"));
    }
    let mut ready = Vec::new();
    for f in files {
        let done = match f.bytes {
            None => Err(UploadError::TooLarge),
            Some(bytes) => state.decoders.process(bytes, PRODUCT_SIZES).await?,
        };
        match done {
            Ok(p) => ready.push(p),
            Err(e) => return Ok(Err(e.message_id())),
        }
    }
    Ok(Ok(ready))
}

/// Writes processed photos under `reviews/` on the blocking pool: (path, thumbnail, width, height) of each.
async fn store(
    state: &AppState,
    ready: Vec<media::Processed>,
) -> AppResult<Vec<(String, String, i32, i32)>> {
    let dir = state.config.media_dir.clone();
    let stored = actix_web::web::block(move || {
        ready
            .iter()
            .map(|p| media::store(&dir, "reviews", p))
            .collect::<std::io::Result<Vec<_>>>()
    })
    .await
    .map_err(|e| AppError::internal(e.to_string()))?
    .map_err(|e| AppError::internal(e.to_string()))?;
    Ok(stored
        .into_iter()
        .map(|s| (s.path, s.thumb_path, s.width, s.height))
        .collect())
}

/// Deletes stored photos of a review that was not recorded.
fn remove(state: &AppState, files: &[(String, String, i32, i32)]) {
    for (path, thumb, _, _) in files {
        media::remove(&state.config.media_dir, path);
        media::remove(&state.config.media_dir, thumb);
    }
}

/// Writes account `user_id`'s review of order line `line_id` from the upload form.
pub async fn submit(
    state: &AppState,
    user_id: i64,
    line_id: i64,
    up: Upload,
) -> AppResult<Submitted> {
    let form = ReviewForm::from_texts(|k| up.text(k).to_string());
    let mut errors = FormErrors::default();
    let valid = form.validate().map_err(|e| errors = e).ok();
    let processed = photos(state, up).await?;
    if let Err(problem) = &processed {
        errors.add("photos", problem);
    }
    let (Some(valid), Ok(ready)) = (valid, processed) else {
        return Ok(Submitted::Invalid(form, errors));
    };
    let files = store(state, ready).await?;
    let now = state.clock.now();
    let kept = files.clone();
    let written = state
        .write(move |c| record(c, user_id, line_id, &valid, &kept, now))
        .await;
    if !matches!(written, Ok(Ok(_))) {
        remove(state, &files);
    }
    Ok(match written? {
        Ok(product) => Submitted::Saved(product),
        Err(r) => Submitted::Refused(r),
    })
}

/// In one transaction: checks the line again, records the review and its photos, recounts the ratings.
pub fn record(
    c: &mut DbConnection,
    user_id: i64,
    line_id: i64,
    v: &Valid,
    photos: &[(String, String, i32, i32)],
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, Refusal>> {
    crate::db::write_tx(c, |c| {
        let b = match eligibility::check(c, user_id, line_id)? {
            Ok(b) => b,
            Err(r) => return Ok(Err(r)),
        };
        let review = NewReview {
            product_id: b.product_id,
            merchant_id: b.merchant_id,
            user_id,
            order_line_id: Some(b.line_id),
            product_title: b.title.clone(),
            rating: v.rating,
            title: v.title.clone(),
            body: v.body.clone(),
            lang: v.lang.code().to_string(),
            country: b.ship_country.clone(),
            author: author_of(&b.ship_name),
            variant_label: b.variant_label.clone(),
            status: Status::Visible.as_str().to_string(),
            hidden_reason: String::new(),
            reports: 0,
            reply: String::new(),
            reply_lang: String::new(),
            replied_at: None,
            created_at: now,
        };
        // Two submissions at once: the unique (account, product) key refuses the second (in a savepoint, so
        // PostgreSQL's transaction stays usable).
        let id = match crate::db::write_tx(c, |c| repo::insert(c, &review)) {
            Ok(id) => id,
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => return Ok(Err(Refusal::AlreadyReviewed)),
            Err(e) => return Err(e.into()),
        };
        repo::insert_photos(c, id, photos)?;
        repo::recount(c, b.product_id, b.merchant_id)?;
        Ok(Ok(b.product_id))
    })
}
