//! A shop's product images in the database: add (at most eight), reorder, alt text per language, delete.
//! Positions stay 0..n so position 0 is always the cover.

use diesel::prelude::*;

use super::own_products;
use crate::catalogue::model::{ImageAlt, ImageRow, NewImage};
use crate::catalogue::repo as catalogue_repo;
use crate::db::schema::{product_image_translations, product_images, products};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::media::{Stored, MAX_PRODUCT_IMAGES};

/// The images of one of the shop's products with their alt texts (404 for another shop's product).
pub fn of_product(
    conn: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
) -> AppResult<Vec<(ImageRow, Vec<ImageAlt>)>> {
    own_products::owned(conn, shop_id, product_id)?;
    let images = catalogue_repo::images(conn, product_id)?;
    let ids: Vec<i64> = images.iter().map(|i| i.id).collect();
    let alts = catalogue_repo::image_alts(conn, &ids)?;
    Ok(images
        .into_iter()
        .map(|i| {
            let a = alts
                .iter()
                .filter(|a| a.image_id == i.id)
                .cloned()
                .collect();
            (i, a)
        })
        .collect())
}

/// How many more images the product can take.
pub fn free_slots(conn: &mut DbConnection, shop_id: i64, product_id: i64) -> AppResult<usize> {
    own_products::owned(conn, shop_id, product_id)?;
    let n: i64 = product_images::table
        .filter(product_images::product_id.eq(product_id))
        .count()
        .get_result(conn)?;
    Ok(MAX_PRODUCT_IMAGES.saturating_sub(usize::try_from(n).unwrap_or(MAX_PRODUCT_IMAGES)))
}

/// Appends stored files as the product's last images. Refuses (returns false) past the limit.
pub fn add(
    conn: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
    stored: &[Stored],
    now: time::PrimitiveDateTime,
) -> AppResult<bool> {
    crate::db::write_tx(conn, |c| {
        // Writing first takes SQLite's write lock before the count, so two uploads cannot both pass it.
        diesel::update(products::table.find(product_id))
            .set(products::updated_at.eq(now))
            .execute(c)?;
        let free = free_slots(c, shop_id, product_id)?;
        if stored.len() > free {
            return Ok(false);
        }
        let start: i32 = product_images::table
            .filter(product_images::product_id.eq(product_id))
            .select(diesel::dsl::max(product_images::position))
            .first::<Option<i32>>(c)?
            .map_or(0, |p| p + 1);
        for (i, s) in stored.iter().enumerate() {
            diesel::insert_into(product_images::table)
                .values(&NewImage {
                    product_id,
                    position: start + i32::try_from(i).unwrap_or(0),
                    path: s.path.clone(),
                    width: s.width,
                    height: s.height,
                    thumb_path: s.thumb_path.clone(),
                })
                .execute(c)?;
        }
        Ok(true)
    })
}

fn image_of(
    c: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
    image_id: i64,
) -> AppResult<ImageRow> {
    own_products::owned(c, shop_id, product_id)?;
    product_images::table
        .filter(product_images::id.eq(image_id))
        .filter(product_images::product_id.eq(product_id))
        .select(ImageRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(AppError::not_found)
}

fn renumber(c: &mut DbConnection, order: &[i64]) -> QueryResult<()> {
    for (pos, id) in order.iter().enumerate() {
        diesel::update(product_images::table.find(*id))
            .set(product_images::position.eq(i32::try_from(pos).unwrap_or(0)))
            .execute(c)?;
    }
    Ok(())
}

/// Moves an image one place earlier (`up`) or later; the first image is the cover.
pub fn move_image(
    conn: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
    image_id: i64,
    up: bool,
) -> AppResult<()> {
    crate::db::write_tx(conn, |c| {
        image_of(c, shop_id, product_id, image_id)?;
        let mut order: Vec<i64> = catalogue_repo::images(c, product_id)?
            .into_iter()
            .map(|i| i.id)
            .collect();
        if let Some(i) = order.iter().position(|id| *id == image_id) {
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(j) = j.filter(|j| *j < order.len()) {
                order.swap(i, j);
            }
        }
        renumber(c, &order)?;
        Ok(())
    })
}

/// Replaces an image's alt texts (empty ones are dropped; the storefront then uses the title).
pub fn set_alts(
    conn: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
    image_id: i64,
    alts: &[(Locale, String)],
) -> AppResult<()> {
    crate::db::write_tx(conn, |c| {
        image_of(c, shop_id, product_id, image_id)?;
        diesel::delete(
            product_image_translations::table
                .filter(product_image_translations::image_id.eq(image_id)),
        )
        .execute(c)?;
        for (l, alt) in alts.iter().filter(|(_, a)| !a.is_empty()) {
            diesel::insert_into(product_image_translations::table)
                .values(&ImageAlt {
                    image_id,
                    locale: l.code().to_string(),
                    alt: alt.clone(),
                })
                .execute(c)?;
        }
        Ok(())
    })
}

/// Deletes an image; returns its files when no other image uses them (duplicated products share files).
pub fn delete(
    conn: &mut DbConnection,
    shop_id: i64,
    product_id: i64,
    image_id: i64,
) -> AppResult<Vec<String>> {
    crate::db::write_tx(conn, |c| {
        let img = image_of(c, shop_id, product_id, image_id)?;
        diesel::delete(product_images::table.find(image_id)).execute(c)?;
        let order: Vec<i64> = catalogue_repo::images(c, product_id)?
            .into_iter()
            .map(|i| i.id)
            .collect();
        renumber(c, &order)?;
        let mut orphans = Vec::new();
        for p in [img.path, img.thumb_path] {
            if !p.is_empty() && !own_products::media_in_use(c, &p)? {
                orphans.push(p);
            }
        }
        Ok(orphans)
    })
}
