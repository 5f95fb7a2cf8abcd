//! Images a merchant uploads: decoded and re-encoded off the request thread (a bounded number at once), written
//! under the media directory, then recorded. Nothing is kept when any file of a batch is refused.

use actix_web::web;

use super::images;
use crate::error::{AppError, AppResult};
use crate::http::state::AppState;
use crate::http::upload::FilePart;
use crate::i18n::Translator;
use crate::media::{self, Processed, Stored, UploadError, LOGO_SIZES, PRODUCT_SIZES};
use crate::shops::shop;

/// Writes processed renditions under `folder` on the blocking pool.
async fn store(state: &AppState, folder: String, ready: Vec<Processed>) -> AppResult<Vec<Stored>> {
    let dir = state.config.media_dir.clone();
    web::block(move || {
        ready
            .iter()
            .map(|p| media::store(&dir, &folder, p))
            .collect::<std::io::Result<Vec<_>>>()
    })
    .await
    .map_err(|e| AppError::internal(e.to_string()))?
    .map_err(|e| AppError::internal(e.to_string()))
}

fn remove(state: &AppState, stored: &[Stored]) {
    for s in stored {
        media::remove(&state.config.media_dir, &s.path);
        media::remove(&state.config.media_dir, &s.thumb_path);
    }
}

/// Adds the `images` files to one of the shop's products. The problems, localized, one per refused file (or
/// for the batch); none when every image was stored.
pub async fn add_product_images(
    state: &AppState,
    tr: &Translator,
    shop_id: i64,
    product_id: i64,
    files: Vec<FilePart>,
) -> AppResult<Vec<String>> {
    let free = state
        .db(move |c| images::free_slots(c, shop_id, product_id))
        .await?;
    let files: Vec<FilePart> = files.into_iter().filter(|f| f.field == "images").collect();
    if files.is_empty() {
        return Ok(vec![tr.t("upload-none")]);
    }
    if files.len() > free {
        return Ok(vec![tr.t_count("upload-too-many", free as i64)]);
    }
    let (mut ready, mut problems) = (Vec::new(), Vec::new());
    for f in files {
        let result = match f.bytes {
            None => Err(UploadError::TooLarge),
            Some(bytes) => state.decoders.process(bytes, PRODUCT_SIZES).await?,
        };
        match result {
            Ok(p) => ready.push(p),
            Err(e) => problems.push(format!("{}: {}", f.file_name, tr.t(e.message_id()))),
        }
    }
    if !problems.is_empty() {
        return Ok(problems);
    }
    let stored = store(state, format!("products/{product_id}"), ready).await?;
    let (keep, now) = (stored.clone(), state.clock.now());
    let added = state
        .write(move |c| images::add(c, shop_id, product_id, &keep, now))
        .await?;
    if !added {
        // Another upload filled the slots meanwhile.
        remove(state, &stored);
        return Ok(vec![tr.t_count("upload-too-many", 0)]);
    }
    Ok(Vec::new())
}

/// Replaces the shop's logo with the `logo` file (only its square thumbnail is kept).
pub async fn replace_logo(
    state: &AppState,
    shop_id: i64,
    file: Option<FilePart>,
) -> AppResult<Result<(), UploadError>> {
    let processed = match file.map(|f| f.bytes) {
        None => Err(UploadError::NotAnImage),
        Some(None) => Err(UploadError::TooLarge),
        Some(Some(bytes)) => state.decoders.process(bytes, LOGO_SIZES).await?,
    };
    let p = match processed {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let stored = store(state, format!("shops/{shop_id}"), vec![p]).await?;
    let Some(logo) = stored.into_iter().next() else {
        return Err(AppError::internal("logo not stored"));
    };
    let path = logo.thumb_path.clone();
    let old = state
        .write(move |c| Ok(shop::set_logo(c, shop_id, &path)?))
        .await?;
    media::remove(&state.config.media_dir, &logo.path);
    media::remove(&state.config.media_dir, &old);
    Ok(Ok(()))
}
